import type { CommandSpec } from '../spec.js';

export const topics: CommandSpec = {
  about: 'the backlog: every topic the group asked to learn about and has not learned yet, most-asked first',
  examples: ['circle topics', 'circle topics --json', 'circle topics drop 3', 'circle topics drop "Board recruitment"'],
  more: '\nA topic leaves the backlog when it is the topic of a Learning Together, or when you drop it.\n',
  subcommands: {
    list: {
      isDefault: true,
      about: 'list the open topics, numbered, with who asked and since when',
      options: [['--json', 'print JSON']],
      run: () => import('./run.js').then((m) => m.list),
    },
    drop: {
      about: 'let a topic go (recorded in circle.yaml under dropped_topics); asking for it again brings it back',
      args: [['<topic>', 'its number in `circle topics`, or the topic itself']],
      examples: ['circle topics drop 3'],
      run: () => import('./run.js').then((m) => m.drop),
    },
  },
};
