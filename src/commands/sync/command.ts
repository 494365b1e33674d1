import type { CommandSpec } from '../spec.js';

export const sync: CommandSpec = {
  about: "share the circles through the workspace's git remote: commit their changed files, pull (rebase), push, and say what came in",
  examples: ['circle sync'],
  more:
    "\nThe circles' YAML files are merged member by member and field by field; only a place both\n" +
    'sides changed (or a file one side took out and the other changed) is left for you to settle:\n' +
    'sync names each file and what to choose; then run circle sync again to finish. Meanwhile,\n' +
    'commands that change the circle are refused. A sync that was killed is undone by the next\n' +
    'one; a rebase you started yourself is left alone.\n',
  run: () => import('./run.js').then((m) => m.run),
};
