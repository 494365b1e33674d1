import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('sync')
    .description("share the circles through the workspace's git remote: commit their changed files, pull (rebase), push, and say what came in")
    .addHelpText(
      'after',
      examples('circle sync') +
        "\nThe circles' YAML files are merged member by member and field by field; only a field both\n" +
        'sides changed is left for you to settle, and sync says where.\n',
    )
    .action(wire(() => import('./run.js')));
};
