import { DOCUMENT_FORMATS } from '../../render/formats.js';
import type { CommandSpec } from '../spec.js';

export const agenda: CommandSpec = {
  about: "the next meeting's agenda, built from the circle and what the group decided last time",
  options: [
    ['--date <YYYY-MM-DD>', 'the meeting date (default: the date chosen last time, else the next one by the schedule)'],
    ['--format <format>', 'markdown (default), text for lp, html with print CSS, or pdf', { choices: DOCUMENT_FORMATS }],
    ['--out <file>', 'write to a file ("-" for stdout); without --format, its extension (.md, .txt, .html, .pdf, .json) picks the format; pdf goes to print/agenda-DATE.pdf in the circle\'s folder by default'],
    ['--full', 'every open topic, question and issue, and each section\'s questions as a list (the handout keeps to two pages)'],
    ['--json', 'print the agenda data as JSON'],
    ['--room', 'show it on a page for a projector or TV while people arrive (prints its address; Ctrl-C closes it)'],
    ['--room-port <n>', 'the port that page listens on (default: a free one)'],
    ['--room-host <addr>', 'the address it listens on (default 127.0.0.1, this computer only; 0.0.0.0 lets other devices on the network open it)'],
  ],
  examples: ['circle agenda', 'circle agenda --format text | lp', 'circle agenda --format pdf', 'circle agenda --date 2026-12-15 --format html --out agenda.html', 'circle agenda --room'],
  more: '\n`circle meet --room` then follows the meeting itself on a page of its own.\n',
  run: () => import('./run.js').then((m) => m.run),
};
