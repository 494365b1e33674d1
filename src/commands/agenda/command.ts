import { Option } from 'commander';
import { DOCUMENT_FORMATS } from '../../render/formats.js';
import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('agenda')
    .description("the next meeting's agenda, built from the circle and what the group decided last time")
    .option('--date <YYYY-MM-DD>', 'the meeting date (default: the date chosen last time, else the next one by the schedule)')
    .addOption(new Option('--format <format>', 'markdown (default), text for lp, html with print CSS, or pdf').choices(DOCUMENT_FORMATS))
    .option('--out <file>', 'write to a file ("-" for stdout); without --format, its extension (.md, .txt, .html, .pdf, .json) picks the format; pdf goes to print/agenda-DATE.pdf in the circle\'s folder by default')
    .option('--full', 'every open topic, question and issue, and each part\'s questions as a list (the handout keeps to two pages)')
    .option('--json', 'print the agenda data as JSON')
    .option('--room', 'show it on a page for a projector or TV while people arrive (prints its address; Ctrl-C closes it)')
    .option('--room-port <n>', 'the port that page listens on (default: a free one)')
    .option('--room-host <addr>', 'the address it listens on (default 127.0.0.1, this computer only; 0.0.0.0 lets other devices on the network open it)')
    .addHelpText(
      'after',
      examples('circle agenda', 'circle agenda --format text | lp', 'circle agenda --format pdf', 'circle agenda --date 2026-12-15 --format html --out agenda.html', 'circle agenda --room') +
        '\n`circle meet --room` then follows the meeting itself on a page of its own.\n',
    )
    .action(wire(() => import('./run.js')));
};
