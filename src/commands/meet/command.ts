import type { CommandSpec } from '../spec.js';

export const meet: CommandSpec = {
  about: 'run the meeting: asks section by section, saves every answer at once, writes the minutes and commits them',
  options: [
    ['--date <YYYY-MM-DD>', 'the meeting date (default: today)'],
    ['--resume', 'carry on with the interrupted meeting in .draft.yaml'],
    ['--answers <file>', 'take the answers from a YAML file of step id → answer instead of asking (for scripts)'],
    ['--revisit <section>', 'also go over the purpose, the ground rules or the format with the group (repeat for more)', { repeat: true }],
  ],
  examples: ['circle meet', 'circle meet --resume', 'circle meet --revisit rules', 'circle meet --date 2026-11-17 --answers answers.yaml'],
  more:
    '\nEnter skips a question; in Time to Reflect and What\'s Next, "++ topic" in an answer notes a speaker request.\n' +
    "A circle's first meeting agrees its purpose, ground rules and format; --revisit brings one back later.\n" +
    'Ctrl-C keeps the draft: `circle meet --resume` continues at the first unanswered question.\n',
  run: () => import('./run.js').then((m) => m.run),
};
