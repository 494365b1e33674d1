// The facilitator's mail settings: how `circle send` reaches the mail server. They live
// outside every circle (a circle is shared through git): in the facilitator's own
// configuration file, $XDG_CONFIG_HOME/circle/mail.yaml (else ~/.config/circle/mail.yaml),
// which must be theirs alone (mode 600), and in CIRCLE_MAIL_* / CIRCLE_SMTP_* variables,
// which win over the file.
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { CircleError, displayPath, fsReason } from '../errors.js';

type Security = 'tls' | 'starttls' | 'none';

export interface SmtpSettings {
  kind: 'smtp';
  host: string;
  port: number;
  security: Security;
  user?: string | undefined;
  password?: string | undefined;
  /** A file of certificates to trust (a server with a certificate of its own making). */
  ca?: string | undefined;
  /** Accept any certificate: for a test server only. */
  insecure: boolean;
}

export interface SendmailSettings {
  kind: 'sendmail';
  path: string;
}

export interface MailSettings {
  /** The sender, e.g. "Amara Okafor <amara@example.org>": the facilitator's own account. */
  from?: string | undefined;
  /** Where replies go (apologies): the facilitator; `from` when not given. */
  replyTo?: string | undefined;
  transport?: SmtpSettings | SendmailSettings | undefined;
  /** The settings file, whether or not it exists. */
  file: string;
}

const SECURITY = ['tls', 'starttls', 'none'] as const;
const text = z.string().trim().min(1);
const fileSchema = z.strictObject({
  from: text.optional(),
  reply_to: text.optional(),
  smtp: z
    .strictObject({
      host: text,
      port: z.number().int().min(1).max(65535).optional(),
      security: z.enum(SECURITY).optional(),
      user: text.optional(),
      password: z.string().optional(),
      ca: text.optional(),
      tls_insecure: z.boolean().optional(),
    })
    .optional(),
  sendmail: z.union([z.literal(true), text]).optional(),
});

/** The settings file, checked: absent is fine; readable by others is refused (it holds a password). */
async function readSettingsFile(file: string, cwd: string): Promise<z.infer<typeof fileSchema>> {
  const shown = displayPath(file, cwd);
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CircleError(`cannot read ${shown}: ${fsReason(error) ?? (error as Error).message}`);
  }
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    const mode = (info.mode & 0o777).toString(8);
    throw new CircleError(
      `${shown} can be read or changed by other users (mode ${mode}), and it may hold your mail password: nothing was sent.\n` +
        `Make it yours alone with: chmod 600 ${shown}\n(if others could read a password in it, change that password too)`,
    );
  }
  const source = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = parse(source) ?? {};
  } catch (error) {
    throw new CircleError(`${shown}: not readable as YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const checked = fileSchema.safeParse(data);
  if (!checked.success) {
    const lines = checked.error.issues.map((i) => `${shown}: ${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new CircleError(`${lines.join('\n')}\n(see "Mail to members" in the README for the keys)`);
  }
  return checked.data;
}

/** A port as a number: the variable's, else the file's, else the usual one for the security. */
function portOf(raw: string | undefined, fallback: number | undefined, security: Security): number {
  if (raw !== undefined && raw.trim()) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new CircleError(`CIRCLE_SMTP_PORT=${raw}: expected a port number, e.g. 587`);
    return n;
  }
  return fallback ?? (security === 'tls' ? 465 : 587);
}

/** The settings from the variables, over those of the file; `flags` over both. */
export async function loadMailSettings(env: NodeJS.ProcessEnv, cwd: string, flags: { ca?: string | undefined; tlsInsecure?: boolean | undefined } = {}): Promise<MailSettings> {
  const file = join(env.XDG_CONFIG_HOME?.trim() || join(env.HOME?.trim() || homedir(), '.config'), 'circle', 'mail.yaml');
  const f = await readSettingsFile(file, cwd);
  const v = (name: string) => env[name]?.trim() || undefined;
  const from = v('CIRCLE_MAIL_FROM') ?? f.from;
  const replyTo = v('CIRCLE_MAIL_REPLY_TO') ?? f.reply_to;
  const host = v('CIRCLE_SMTP_HOST') ?? f.smtp?.host;
  const sendmail = v('CIRCLE_SENDMAIL') ?? f.sendmail;
  let transport: MailSettings['transport'];
  if (host) {
    const raw = v('CIRCLE_SMTP_SECURITY');
    if (raw !== undefined && !(SECURITY as readonly string[]).includes(raw)) throw new CircleError(`CIRCLE_SMTP_SECURITY=${raw}: expected tls, starttls or none`);
    const port = portOf(v('CIRCLE_SMTP_PORT'), f.smtp?.port, (raw as Security | undefined) ?? f.smtp?.security ?? 'starttls');
    const security = (raw as Security | undefined) ?? f.smtp?.security ?? (port === 465 ? 'tls' : 'starttls');
    transport = {
      kind: 'smtp',
      host,
      port,
      security,
      user: v('CIRCLE_SMTP_USER') ?? f.smtp?.user,
      password: env.CIRCLE_SMTP_PASSWORD ?? f.smtp?.password,
      ca: flags.ca ?? v('CIRCLE_SMTP_CA') ?? f.smtp?.ca,
      insecure: Boolean(flags.tlsInsecure ?? f.smtp?.tls_insecure ?? false),
    };
  } else if (sendmail) {
    transport = { kind: 'sendmail', path: sendmail === true || sendmail === '1' || sendmail === 'true' ? '/usr/sbin/sendmail' : sendmail };
  }
  return { from, replyTo, transport, file };
}
