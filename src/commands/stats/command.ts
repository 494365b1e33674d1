import type { CommandSpec } from '../spec.js';

export const stats: CommandSpec = {
  about: 'attendance per meeting and per member, topics learned, commitments followed up: as a chart',
  options: [
    ['--format <format>', 'text (a terminal chart, the default) or html (one page with SVG charts)', { choices: ['text', 'html'] }],
    ['--json', 'print the numbers as JSON'],
    ['--out <file>', 'write to a file'],
  ],
  examples: ['circle stats', 'circle stats --format html --out stats.html', 'circle stats --json'],
  run: () => import('./run.js').then((m) => m.run),
};
