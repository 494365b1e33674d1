import { Argument } from 'commander';
import { examples, type Define } from '../wire.js';

export const define: Define = (program, wire) => {
  program
    .command('send')
    .description("mail members the next agenda (with its calendar invitation) or a meeting's recap, through your own mail account; each person once")
    .addArgument(new Argument('<what>', 'agenda (before a meeting) or recap (after it)').choices(['agenda', 'recap']))
    .argument('[date]', 'the meeting, YYYY-MM-DD (agenda: the next one; recap: the last one)')
    .option('--dry-run', 'write each message as an .eml file (any mail program opens one) instead of sending, and list them')
    .option('--out <folder>', 'with --dry-run: where the .eml files go (default: print/mail-agenda-DATE or print/mail-recap-DATE in the circle\'s folder, which git ignores)')
    .option('--to <name>', 'send to this member only')
    .option('--again', 'send also to those who had it already')
    .option('-y, --yes', 'send without asking (for scripts)')
    .option('--ca <file>', 'trust the certificates in this file (a mail server with a certificate of its own)')
    .option('--tls-insecure', 'accept any certificate from the mail server (for a test server only)')
    .addHelpText(
      'after',
      examples('circle send agenda --dry-run', 'circle send agenda', 'circle send recap 2026-10-20 --to Amara --again', 'circle send recap --yes') +
        '\nMail settings live outside the circle: $XDG_CONFIG_HOME/circle/mail.yaml (mode 600) or CIRCLE_SMTP_* variables.\n' +
        'What was sent to whom is kept in circles/<slug>/sent/DATE.log; a rerun sends only to those not reached yet.\n',
    )
    .action(wire(() => import('./run.js')));
};
