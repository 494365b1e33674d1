// What `circle send` has sent, kept in the circle so a co-facilitator sees it after
// `circle sync`: circles/<slug>/sent/DATE.log, one line per message that left
// (when, what, to whom, at which address), for the meeting of that date. Lines are only
// ever added, so the folder's own .gitattributes merges these files with git's `union`
// driver: two facilitators who both sent for the same meeting keep both sets of lines.
import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailKind } from '../core/mail.js';
import { nameKey } from '../core/names.js';
import { CircleError, displayPath, unlessMissing } from '../errors.js';
import { writeFileAtomic } from './atomic.js';

export interface Sent {
  at: string;
  kind: MailKind;
  name: string;
  email: string;
}

/** How the log files merge in git: every line of both sides kept. */
const ATTRIBUTES = '# Lines are only added to these logs: a merge keeps both sides\' lines.\n*.log merge=union\n';
/** A log larger than this is not a log `circle send` wrote. */
const MAX_BYTES = 1 << 20;

const sentDir = (dir: string) => join(dir, 'sent');
export const sentFile = (dir: string, date: string) => join(sentDir(dir), `${date}.log`);
export const sentAttributes = (dir: string) => join(sentDir(dir), '.gitattributes');
/** Keeps the logs shared even where a .gitignore (a global one, say) ignores `*.log`. */
export const sentIgnore = (dir: string) => join(sentDir(dir), '.gitignore');
const IGNORE = '# The logs of what circle send sent are shared, whatever a wider .gitignore says of *.log.\n!*.log\n';

/** The messages recorded for the meeting of `date`; lines that do not read as one are skipped. */
export async function readSent(dir: string, date: string): Promise<Sent[]> {
  let handle;
  try {
    handle = await open(sentFile(dir, date), constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CircleError(`cannot read ${displayPath(sentFile(dir, date))}: ${(error as NodeJS.ErrnoException).code === 'ELOOP' ? 'it is a link' : (error as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_BYTES) throw new CircleError(`${displayPath(sentFile(dir, date))} is not a log circle send wrote; move it away`);
    const text = await handle.readFile('utf8');
    return text.split('\n').flatMap((line) => {
      const [at, kind, name, email, ...rest] = line.split('\t');
      if (rest.length || !at || !name || !email || (kind !== 'agenda' && kind !== 'recap')) return [];
      return [{ at, kind, name, email }];
    });
  } finally {
    await handle.close();
  }
}

/** Who has had this kind of message for the meeting of `date`, by name. */
export function reachedBy(sent: readonly Sent[], kind: MailKind): Map<string, Sent> {
  return new Map(sent.filter((s) => s.kind === kind).map((s) => [nameKey(s.name), s]));
}

/** The sent/ folder, made if missing: never through a link. */
async function ensureSentDir(dir: string): Promise<void> {
  const folder = sentDir(dir);
  const info = await unlessMissing(lstat(folder));
  if (info && !info.isDirectory()) throw new CircleError(`${displayPath(folder)} is not a folder (a link?): circle send will not write through it; move it away`);
  if (!info) await mkdir(folder);
  for (const [file, text] of [[sentAttributes(dir), ATTRIBUTES], [sentIgnore(dir), IGNORE]] as const) {
    if (!(await lstat(file).then(() => true, () => false))) await writeFileAtomic(file, text);
  }
}

/** Add one line to the log, flushed to disk before the next message goes. */
export async function recordSent(dir: string, date: string, sent: Sent): Promise<void> {
  await ensureSentDir(dir);
  const handle = await open(sentFile(dir, date), constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
  try {
    const clean = (s: string) => s.replace(/[\t\r\n]/g, ' ');
    await handle.write(`${[sent.at, sent.kind, clean(sent.name), clean(sent.email)].join('\t')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
