import type { CommandSpec } from '../spec.js';

export const list: CommandSpec = {
  about: 'the circles in this workspace, with members, meetings and the last and next meeting',
  options: [['--json', 'print JSON']],
  examples: ['circle list', 'circle list --json'],
  run: () => import('./run.js').then((m) => m.run),
};
