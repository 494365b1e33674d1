import { DOCUMENT_FORMATS } from '../../render/formats.js';
import type { CommandSpec } from '../spec.js';

export const minutes: CommandSpec = {
  about: "one meeting's minutes (the last meeting by default), for members or, with --public, for anyone",
  args: [['[date]', 'the meeting, YYYY-MM-DD (default: the last one)']],
  options: [
    ['--format <format>', 'markdown (default), text, html, pdf or json', { choices: [...DOCUMENT_FORMATS, 'json'] }],
    ['--json', 'the same as --format json'],
    ['--out <file>', 'write to a file; without --format, its extension (.md, .txt, .html, .pdf, .json) picks the format (pdf: print/minutes-DATE.pdf in the circle\'s folder by default)'],
    ['--public', 'only what the circle learned and decided, for people outside it: no reflections or answers of members, no list of who came (Learning Together notes are kept as written)'],
  ],
  examples: ['circle minutes', 'circle minutes 2026-09-22 --format text', 'circle minutes --public --format html --out minutes.html', 'circle minutes 2026-10-20 --format pdf'],
  run: () => import('./run.js').then((m) => m.run),
};
