import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  const questions = program
    .command('questions')
    .description('the questions left open at Learning Together and the new issues raised at Reflect, until answered or let go')
    .addHelpText(
      'after',
      examples('circle questions', 'circle questions --json', 'circle questions drop 2', 'circle questions drop "Who pays for the checks?"') +
        '\nA question leaves the list when a meeting marks it answered (Learning Together offers the open ones), or when you drop it.\n',
    );
  questions
    .command('list', { isDefault: true })
    .description('list what is open, numbered, most raised first, with who raised it and since when')
    .option('--json', 'print JSON')
    .action(wire(() => import('./run.js').then((m) => ({ run: m.list }))));
  questions
    .command('drop')
    .description('let a question or issue go (recorded in circle.yaml under dropped_questions); raising it again brings it back')
    .argument('<question>', 'its number in `circle questions`, or its text (or the start of it)')
    .addHelpText('after', examples('circle questions drop 2'))
    .action(wire(() => import('./run.js').then((m) => ({ run: m.drop }))));
};
