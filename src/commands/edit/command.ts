import { Argument } from 'commander';
import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('edit')
    .description('edit circle.yaml, members.yaml or a meeting in $VISUAL/$EDITOR; the file is replaced only once the edit checks')
    .addArgument(new Argument('[file]', 'circle (default), members, or minutes').choices(['circle', 'members', 'minutes']))
    .argument('[date]', 'with minutes: the meeting, YYYY-MM-DD (default: the last one)')
    .addHelpText('after', examples('circle edit', 'circle edit members', 'circle edit minutes 2026-10-20', 'EDITOR=nano circle edit members'))
    .action(wire(() => import('./run.js')));
};
