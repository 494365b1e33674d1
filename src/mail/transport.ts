// How mail leaves: nodemailer over the facilitator's SMTP account or the machine's
// sendmail, or written out as .eml (RFC 5322) for a dry run. Imported only by `circle send`.
import { readFile } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import type { SendMailOptions, Transporter } from 'nodemailer';
import { CircleError } from '../errors.js';
import type { SendmailSettings, SmtpSettings } from '../store/mail-config.js';

/** The message as an .eml file (CRLF line ends, as mail programs expect). */
export async function emlOf(m: SendMailOptions): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(m);
  return info.message as Buffer;
}

async function smtpTransport(s: SmtpSettings): Promise<Transporter> {
  let ca: string | undefined;
  if (s.ca) {
    try {
      ca = await readFile(s.ca, 'utf8');
    } catch (error) {
      throw new CircleError(`cannot read the certificates to trust, ${s.ca}: ${(error as Error).message}`);
    }
  }
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    ...(s.user && { auth: { user: s.user, pass: s.password ?? '' } }),
    tls: { rejectUnauthorized: !s.insecure, ...(ca && { ca }) },
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

interface Outbox {
  /** Where the mail goes, for messages: "smtp.example.org:587" or the sendmail program. */
  where: string;
  /** Log in (SMTP): a wrong password is found before any message is tried. */
  verify(): Promise<void>;
  send(m: SendMailOptions): Promise<void>;
  close(): void;
}

export async function openOutbox(settings: SmtpSettings | SendmailSettings): Promise<Outbox> {
  const t = settings.kind === 'smtp' ? await smtpTransport(settings) : nodemailer.createTransport({ sendmail: true, path: settings.path, newline: 'unix' });
  return {
    where: settings.kind === 'smtp' ? `${settings.host}:${settings.port}` : settings.path,
    verify: async () => {
      if (settings.kind === 'smtp') await t.verify();
    },
    send: async (m) => {
      await t.sendMail(m);
    },
    close: () => t.close(),
  };
}

/** Whether a failure is the connection's (the next message would fail the same way), not one address's. */
export function connectionFailed(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EAUTH', 'ETLS', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPROTOCOL'].includes(code);
}

/** One line that says why mail could not go, in the facilitator's words. */
export function mailReason(error: unknown, where: string): string {
  const e = error as { code?: string; response?: string; message?: string };
  const said = (e.response ?? e.message ?? String(error)).split('\n')[0]!.trim();
  if (/self[- ]signed|unable to verify|certificate/i.test(e.message ?? '')) {
    return `the certificate of ${where} is not trusted (${said}): give its CA with --ca FILE (or smtp.ca in mail.yaml); --tls-insecure accepts any, for a test server only`;
  }
  switch (e.code) {
    case 'EAUTH':
      return `${where} refused the login: check the user and password (${said})`;
    case 'EENVELOPE':
      return `the server refused the address (${said})`;
    case 'ECONNECTION':
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'EDNS':
      return `cannot reach ${where} (${said})`;
    case 'ESOCKET':
    case 'ECONNRESET':
      return `the connection to ${where} broke off (${said})`;
    default:
      return said;
  }
}
