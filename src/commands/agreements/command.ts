// `purpose` and `rules`: what the circle agreed at its first meeting.
import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('purpose')
    .description('why the circle meets, and what it wants to be different (agreed at the first meeting)')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('circle purpose', 'circle purpose --json', 'circle meet --revisit purpose'))
    .action(wire(() => import('./run.js').then((m) => ({ run: m.purpose }))));
  program
    .command('rules')
    .description("the circle's ground rules (agreed at the first meeting)")
    .option('--json', 'print JSON')
    .addHelpText('after', examples('circle rules', 'circle rules --json', 'circle meet --revisit rules'))
    .action(wire(() => import('./run.js').then((m) => ({ run: m.rules }))));
};
