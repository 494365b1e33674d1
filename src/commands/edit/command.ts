import type { CommandSpec } from '../spec.js';

export const edit: CommandSpec = {
  about: 'edit circle.yaml, members.yaml or a meeting in $VISUAL/$EDITOR; the file is replaced only once the edit checks',
  args: [
    ['[file]', 'circle (default), members, or minutes', ['circle', 'members', 'minutes']],
    ['[date]', 'with minutes: the meeting, YYYY-MM-DD (default: the last one)'],
  ],
  examples: ['circle edit', 'circle edit members', 'circle edit minutes 2026-10-20', 'EDITOR=nano circle edit members'],
  run: () => import('./run.js').then((m) => m.run),
};
