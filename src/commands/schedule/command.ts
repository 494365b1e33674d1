import type { CommandSpec } from '../spec.js';

export const schedule: CommandSpec = {
  about: "the next meeting dates from the circle's schedule (and which rule gave them), with skipped dates; --ics writes a calendar file",
  options: [
    ['--count <n>', 'how many meetings', { default: '6' }],
    ['--from <date>', 'first date to consider, YYYY-MM-DD (default: today)'],
    ['--ics <file>', 'also write the meetings as an iCalendar file to import into a calendar app'],
    ['--json', 'print JSON'],
  ],
  examples: ['circle schedule', 'circle schedule --count 12 --ics riverside.ics', 'circle schedule --from 2027-01-01 --json'],
  run: () => import('./run.js').then((m) => m.run),
};
