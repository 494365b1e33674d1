import type { CommandSpec } from '../spec.js';

export const meet: CommandSpec = {
  about: 'run the meeting: asks section by section, saves every answer at once, writes the minutes and commits them',
  options: [
    ['--date <YYYY-MM-DD>', 'the meeting date (default: today)'],
    ['--resume', 'carry on with the interrupted meeting in .draft.yaml'],
    ['--answers <file>', 'take the answers from a YAML file of step id → answer instead of asking (for scripts)'],
    ['--revisit <section>', 'also go over the purpose, the ground rules or the format with the group (repeat for more)', { repeat: true }],
    ['--room', 'also show the meeting live on a page for a projector or TV (prints its address; nothing kept in confidence is on it)'],
    ['--room-port <n>', 'the port the room view listens on (default: a free one; a resumed meeting keeps its own)'],
    ['--room-host <addr>', 'the address it listens on (default 127.0.0.1, this computer only; 0.0.0.0 lets other devices on the network open it)'],
  ],
  examples: ['circle meet', 'circle meet --resume', 'circle meet --room', 'circle meet --revisit rules', 'circle meet --date 2026-11-17 --answers answers.yaml'],
  more:
    '\nEnter skips a question; in Time to Reflect and What\'s Next, "++ topic" in an answer notes a speaker request.\n' +
    "A circle's first meeting agrees its purpose, ground rules and format; --revisit brings one back later.\n" +
    'Ctrl-C keeps the draft: `circle meet --resume` continues at the first unanswered question.\n' +
    'With --room, the page shows the section, the clock, the question and whose turn it is, never an answer kept in confidence;\n' +
    'Ctrl-C shows "paused" on it, and `circle meet --resume --room` carries on at the same address.\n',
  run: () => import('./run.js').then((m) => m.run),
};
