import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('practice')
    .description("each member's commitments meeting to meeting, what they reported at the next Reflect, and which were never followed up")
    .argument('[member]', 'one member: full name, first name, or the start of the name')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('circle practice', 'circle practice José', 'circle practice --json'))
    .action(wire(() => import('./run.js')));
};
