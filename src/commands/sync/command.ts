import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('sync')
    .description("share the circles through the workspace's git remote: commit their changed files, pull (rebase), push, and say what came in")
    .addHelpText(
      'after',
      examples('circle sync') +
        "\nThe circles' YAML files are merged member by member and field by field; only a place both\n" +
        'sides changed (or a file one side took out and the other changed) is left for you to settle:\n' +
        'sync names each file and what to choose; then run circle sync again to finish. Meanwhile,\n' +
        'commands that change the circle are refused. A sync that was killed is undone by the next\n' +
        'one; a rebase you started yourself is left alone.\n',
    )
    .action(wire(() => import('./run.js')));
};
