import type { Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('merge-file', { hidden: true })
    .description('the git merge driver for circle.yaml, members.yaml and meetings/*.yaml (git runs it: %O %A %B %P)')
    .argument('<base>')
    .argument('<ours>')
    .argument('<theirs>')
    .argument('[path]')
    .action(wire(() => import('./run.js')));
};
