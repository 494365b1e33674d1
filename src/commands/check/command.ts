import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('check')
    .description('validate every file of the circle and print each problem as file:line:col')
    .option('--all', 'check every circle in the workspace')
    .option('--json', 'print the problems as JSON (exit code as without)')
    .addHelpText('after', examples('circle check', 'circle check --all'))
    .action(wire(() => import('./run.js')));
};
