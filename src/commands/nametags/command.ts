import { Option } from 'commander';
import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('nametags')
    .description('big first-name name tags for the active members and guests, 8 to a sheet (A4 or Letter)')
    .addOption(new Option('--format <format>', 'pdf (default) or html').choices(['pdf', 'html']))
    .option('--out <file>', 'write to this file ("-" for stdout); without --format, .html or .pdf picks the format; pdf goes to print/nametags.pdf in the circle\'s folder by default')
    .option('--guest <name>', 'add a tag for a guest (repeat for more)', (value: string, prev: string[] = []) => [...prev, value])
    .addHelpText('after', examples('circle nametags', 'circle nametags --guest "Ana Souza" --guest "Dr Nadia Karim"', 'circle nametags --format html --out tags.html'))
    .action(wire(() => import('./run.js')));
};
