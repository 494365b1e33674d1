import type { CommandSpec } from '../spec.js';

export const history: CommandSpec = {
  about: 'one line per meeting: date, number, members present of members, the learning topic, the topic chosen for next time',
  options: [['--json', 'print JSON']],
  examples: ['circle history', 'circle history --json'],
  run: () => import('./run.js').then((m) => m.run),
};
