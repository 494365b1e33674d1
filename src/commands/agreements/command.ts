// `purpose` and `rules`: what the circle agreed at its first meeting.
import type { CommandSpec } from '../spec.js';

export const purpose: CommandSpec = {
  about: 'why the circle meets, and what it wants to be different (agreed at the first meeting)',
  options: [['--json', 'print JSON']],
  examples: ['circle purpose', 'circle purpose --json', 'circle meet --revisit purpose'],
  run: () => import('./run.js').then((m) => m.purpose),
};

export const rules: CommandSpec = {
  about: "the circle's ground rules (agreed at the first meeting)",
  options: [['--json', 'print JSON']],
  examples: ['circle rules', 'circle rules --json', 'circle meet --revisit rules'],
  run: () => import('./run.js').then((m) => m.rules),
};
