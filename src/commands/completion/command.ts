import { Argument } from 'commander';
import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('completion')
    .description('print a tab-completion script for your shell')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      examples('source <(circle completion bash)        # in ~/.bashrc', 'circle completion zsh > "${fpath[1]}/_circle"', 'circle completion fish > ~/.config/fish/completions/circle.fish'),
    )
    .action(wire(() => import('./run.js')));
};
