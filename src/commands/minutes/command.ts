import { Option } from 'commander';
import { DOCUMENT_FORMATS } from '../../render/formats.js';
import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('minutes')
    .description("one meeting's minutes (the last meeting by default), for members or, with --public, for anyone")
    .argument('[date]', 'the meeting, YYYY-MM-DD (default: the last one)')
    .addOption(new Option('--format <format>', 'markdown (default), text, html, pdf or json').choices([...DOCUMENT_FORMATS, 'json']))
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write to a file; without --format, its extension (.md, .txt, .html, .pdf, .json) picks the format (pdf: print/minutes-DATE.pdf in the circle\'s folder by default)')
    .option('--public', 'only what the circle learned and decided, for people outside it: no reflections or answers of members, no list of who came (Learning Together notes are kept as written)')
    .addHelpText(
      'after',
      examples('circle minutes', 'circle minutes 2026-09-22 --format text', 'circle minutes --public --format html --out minutes.html', 'circle minutes 2026-10-20 --format pdf'),
    )
    .action(wire(() => import('./run.js')));
};
