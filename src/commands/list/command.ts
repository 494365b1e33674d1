import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('list')
    .description('the circles in this workspace, with members, meetings and the last and next meeting')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('circle list', 'circle list --json'))
    .action(wire(() => import('./run.js')));
};
