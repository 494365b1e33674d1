import type { CommandSpec } from '../spec.js';

export const practice: CommandSpec = {
  about: "each member's commitments meeting to meeting, what they reported at the next Reflect, and which were never followed up",
  args: [['[member]', 'one member: full name, first name, or the start of the name']],
  options: [['--json', 'print JSON']],
  examples: ['circle practice', 'circle practice José', 'circle practice --json'],
  run: () => import('./run.js').then((m) => m.run),
};
