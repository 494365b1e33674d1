import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('meet')
    .description('run the meeting: asks section by section, saves every answer at once, writes the minutes and commits them')
    .option('--date <YYYY-MM-DD>', 'the meeting date (default: today)')
    .option('--resume', 'carry on with the interrupted meeting in .draft.yaml')
    .option('--answers <file>', 'take the answers from a YAML file of step id → answer instead of asking (for scripts)')
    .option('--revisit <section>', 'also go over the purpose, the ground rules or the format with the group (repeat for more)', (value: string, prev: string[] = []) => [...prev, value])
    .addHelpText(
      'after',
      examples('circle meet', 'circle meet --resume', 'circle meet --revisit rules', 'circle meet --date 2026-11-17 --answers answers.yaml') +
        '\nEnter skips a question; in Time to Reflect and What\'s Next, "++ topic" in an answer notes a speaker request.\n' +
        "A circle's first meeting agrees its purpose, ground rules and format; --revisit brings one back later.\n" +
        'Ctrl-C keeps the draft: `circle meet --resume` continues at the first unanswered question.\n',
    )
    .action(wire(() => import('./run.js')));
};
