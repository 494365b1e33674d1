import type { CommandSpec } from '../spec.js';

export const nametags: CommandSpec = {
  about: 'big first-name name tags for the active members and guests, 8 to a sheet (A4 or Letter)',
  options: [
    ['--format <format>', 'pdf (default) or html', { choices: ['pdf', 'html'] }],
    ['--out <file>', 'write to this file ("-" for stdout); without --format, .html or .pdf picks the format; pdf goes to print/nametags.pdf in the circle\'s folder by default'],
    ['--guest <name>', 'add a tag for a guest (repeat for more)', { repeat: true }],
  ],
  examples: ['circle nametags', 'circle nametags --guest "Ana Souza" --guest "Dr Nadia Karim"', 'circle nametags --format html --out tags.html'],
  run: () => import('./run.js').then((m) => m.run),
};
