import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('schedule')
    .description("the next meeting dates from the circle's schedule (and which rule gave them), with skipped dates; --ics writes a calendar file")
    .option('--count <n>', 'how many meetings', '6')
    .option('--from <date>', 'first date to consider, YYYY-MM-DD (default: today)')
    .option('--ics <file>', 'also write the meetings as an iCalendar file to import into a calendar app')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('circle schedule', 'circle schedule --count 12 --ics riverside.ics', 'circle schedule --from 2027-01-01 --json'))
    .action(wire(() => import('./run.js')));
};
