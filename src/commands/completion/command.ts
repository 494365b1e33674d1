import type { CommandSpec } from '../spec.js';

export const completion: CommandSpec = {
  about: 'print a tab-completion script for your shell',
  args: [['<shell>', 'bash, zsh or fish', ['bash', 'zsh', 'fish']]],
  examples: ['source <(circle completion bash)        # in ~/.bashrc', 'circle completion zsh > "${fpath[1]}/_circle"', 'circle completion fish > ~/.config/fish/completions/circle.fish'],
  run: () => import('./run.js').then((m) => m.run),
  wholeProgram: true,
};
