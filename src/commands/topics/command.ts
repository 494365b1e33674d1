import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  const topics = program
    .command('topics')
    .description('the backlog: every topic the group asked to learn about and has not learned yet, most-asked first')
    .addHelpText(
      'after',
      examples('circle topics', 'circle topics --json', 'circle topics drop 3', 'circle topics drop "Board recruitment"') +
        '\nA topic leaves the backlog when it is the topic of a Learning Together, or when you drop it.\n',
    );
  topics
    .command('list', { isDefault: true })
    .description('list the open topics, numbered, with who asked and since when')
    .option('--json', 'print JSON')
    .action(wire(() => import('./run.js').then((m) => ({ run: m.list }))));
  topics
    .command('drop')
    .description('let a topic go (recorded in circle.yaml under dropped_topics); asking for it again brings it back')
    .argument('<topic>', 'its number in `circle topics`, or the topic itself')
    .addHelpText('after', examples('circle topics drop 3'))
    .action(wire(() => import('./run.js').then((m) => ({ run: m.drop }))));
};
