import type { CommandSpec } from '../spec.js';

export const questions: CommandSpec = {
  about: 'the questions left open at Learning Together and the new issues raised at Reflect, until answered or let go',
  examples: ['circle questions', 'circle questions --json', 'circle questions drop 2', 'circle questions drop "Who pays for the checks?"'],
  more: '\nA question leaves the list when a meeting marks it answered (Learning Together offers the open ones), or when you drop it.\n',
  subcommands: {
    list: {
      isDefault: true,
      about: 'list what is open, numbered, most raised first, with who raised it and since when',
      options: [['--json', 'print JSON']],
      run: () => import('./run.js').then((m) => m.list),
    },
    drop: {
      about: 'let a question or issue go (recorded in circle.yaml under dropped_questions); raising it again brings it back',
      args: [['<question>', 'its number in `circle questions`, or its text (or the start of it)']],
      examples: ['circle questions drop 2'],
      run: () => import('./run.js').then((m) => m.drop),
    },
  },
};
