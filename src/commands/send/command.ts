import type { CommandSpec } from '../spec.js';

export const send: CommandSpec = {
  about: "mail members the next agenda (with its calendar invitation) or a meeting's recap, through your own mail account; each person once",
  args: [
    ['<what>', 'agenda (before a meeting) or recap (after it)', ['agenda', 'recap']],
    ['[date]', 'the meeting, YYYY-MM-DD (agenda: the next one; recap: the last one)'],
  ],
  options: [
    ['--dry-run', 'write each message as an .eml file (any mail program opens one) instead of sending, and list them'],
    ['--out <folder>', 'with --dry-run: where the .eml files go (default: print/mail-agenda-DATE or print/mail-recap-DATE in the circle\'s folder, which git ignores)'],
    ['--to <name>', 'send to this member only'],
    ['--again', 'send also to those who had it already'],
    ['-y, --yes', 'send without asking (for scripts)'],
    ['--ca <file>', 'trust the certificates in this file (a mail server with a certificate of its own)'],
    ['--tls-insecure', 'accept any certificate from the mail server (for a test server only)'],
  ],
  examples: ['circle send agenda --dry-run', 'circle send agenda', 'circle send recap 2026-10-20 --to Amara --again', 'circle send recap --yes'],
  more:
    '\nMail settings live outside the circle: $XDG_CONFIG_HOME/circle/mail.yaml (mode 600) or CIRCLE_SMTP_* variables.\n' +
    'What was sent to whom is kept in circles/<slug>/sent/DATE.log; a rerun sends only to those not reached yet.\n',
  run: () => import('./run.js').then((m) => m.run),
};
