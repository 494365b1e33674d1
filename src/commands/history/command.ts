import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('history')
    .description('one line per meeting: date, number, members present of members, the learning topic, the topic chosen for next time')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('circle history', 'circle history --json'))
    .action(wire(() => import('./run.js')));
};
