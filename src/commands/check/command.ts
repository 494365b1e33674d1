import type { CommandSpec } from '../spec.js';

export const check: CommandSpec = {
  about: 'validate every file of the circle and print each problem as file:line:col',
  options: [
    ['--all', 'check every circle in the workspace'],
    ['--json', 'print the problems as JSON (exit code as without)'],
  ],
  examples: ['circle check', 'circle check --all'],
  run: () => import('./run.js').then((m) => m.run),
};
