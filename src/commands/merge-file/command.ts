import type { CommandSpec } from '../spec.js';

export const mergeFile: CommandSpec = {
  about: 'the git merge driver for circle.yaml, members.yaml and meetings/*.yaml (git runs it: %O %A %B %P)',
  args: [['<base>'], ['<ours>'], ['<theirs>'], ['[path]']],
  run: () => import('./run.js').then((m) => m.run),
  hidden: true,
};
