import { Option } from 'commander';
import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('stats')
    .description('attendance per meeting and per member, topics learned, commitments followed up: as a chart')
    .addOption(new Option('--format <format>', 'text (a terminal chart, the default) or html (one page with SVG charts)').choices(['text', 'html']))
    .option('--json', 'print the numbers as JSON')
    .option('--out <file>', 'write to a file')
    .addHelpText('after', examples('circle stats', 'circle stats --format html --out stats.html', 'circle stats --json'))
    .action(wire(() => import('./run.js')));
};
