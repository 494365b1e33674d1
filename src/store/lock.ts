// Two locks per circle, both files created exclusively and holding who took them:
// - the meeting lock, circles/<slug>/.lock, held by `meet` for a whole meeting (a second
//   `meet` is refused at once);
// - the write lock, .write-lock beside the files it guards, held for the few
//   milliseconds of one read-modify-write (others wait for it, briefly).
// A lock left by a process that died on this machine is taken over.
import { lstat, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { toIso } from '../core/dates.js';
import { longDate } from '../core/words.js';
import { CircleError, displayPath, FileError } from '../errors.js';
import { isAlive, writeFileAtomic } from './atomic.js';

const lockFile = (dir: string) => join(dir, '.lock');
const writeLockFile = (dir: string) => join(dir, '.write-lock');

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

interface Lock {
  release(): Promise<void>;
}

function parse(text: string): LockInfo | undefined {
  try {
    const info = JSON.parse(text) as LockInfo;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** When a lock was taken, for people: "Tuesday 17 November 2026, 18:05" (local time), or as written. */
function when(started: string): string {
  const t = new Date(started);
  return Number.isNaN(t.getTime()) ? started : `${longDate(toIso(t))}, ${t.toTimeString().slice(0, 5)}`;
}

const holderOf = (holder: LockInfo | undefined) =>
  holder ? `process ${holder.pid} on ${holder.host}, since ${when(holder.started)}` : 'an unknown process';

/** Take the lock at `path`, polling (with jitter) up to `waitMs`, then throw `busy(holder)`; a holder that died here is replaced. */
async function take(path: string, started: string, waitMs: number, busy: (holder: string) => string): Promise<Lock> {
  const mine: LockInfo = { pid: process.pid, host: hostname(), started };
  const text = `${JSON.stringify(mine)}\n`;
  const deadline = Date.now() + waitMs;
  let tookOver = false;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      await writeFileAtomic(path, text, { exclusive: true, durable: false });
      return { release: () => unlink(path).catch(() => {}) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if ((await lstat(path).catch(() => undefined))?.isSymbolicLink()) {
      // A link is no lock of ours (it may have come through git): remove the link itself.
      await unlink(path).catch(() => {});
      continue;
    }
    const holderText = await readFile(path, 'utf8').catch(() => '');
    const holder = parse(holderText);
    if (holder !== undefined && holder.host === mine.host && !isAlive(holder.pid) && !tookOver) {
      // The holder died: take its place (only if the file is still the stale one).
      tookOver = true;
      if ((await readFile(path, 'utf8').catch(() => '')) === holderText) await unlink(path).catch(() => {});
      continue;
    }
    if (Date.now() >= deadline) throw new CircleError(busy(holderOf(holder)));
    await sleep(pause * (0.5 + Math.random()));
  }
}

/** Take the circle's meeting lock or throw a CircleError saying who holds it. */
export function acquireLock(dir: string, started: string): Promise<Lock> {
  const path = lockFile(dir);
  const busy = (who: string) =>
    `a meeting is already running on this circle (${who}).\nFinish it there first. If you are sure nothing is running, delete ${path}.`;
  return take(path, started, 0, busy);
}

/** How long a writer waits for another: a change takes milliseconds, but `circle sync` holds the lock while it talks to the remote. */
const WRITE_WAIT_MS = 60_000;

/** The write locks this process holds (circle sync holds them while it reads the circles). */
const held = new Set<string>();

/** Run `change` (which writes `file`) holding `dir`'s write lock; apart from the meeting lock: `members add` never waits for a meeting. */
export async function withWriteLock<T>(dir: string, file: string, change: () => Promise<T>): Promise<T> {
  const path = writeLockFile(dir);
  const busy = (who: string) =>
    `another circle command is still changing files in ${displayPath(dir)} (${who}); nothing was written.\n` +
    `Try again in a moment. If nothing else is running, delete ${displayPath(path)}.`;
  const lock = await take(path, new Date().toISOString(), WRITE_WAIT_MS, busy).catch((error: unknown) => {
    // A lock that cannot be made (a full or read-only disk) is a failure to write `file`.
    throw error instanceof FileError ? new FileError('write', displayPath(file), error, '; nothing was changed.') : error;
  });
  held.add(path);
  try {
    return await change();
  } finally {
    held.delete(path);
    await lock.release();
  }
}

/**
 * Wait while another live process on this machine holds `dir`'s write lock (a sync: git
 * removes a file before writing it again); says whether one did. It only watches the
 * lock: one that is a link, unreadable, from another machine or a dead process is no reason to wait.
 * `pause` waits between two looks (a test's seam).
 */
export async function waitForWriters(dir: string, pause = () => sleep(20)): Promise<boolean> {
  const path = writeLockFile(dir);
  const heldByAnother = async () => {
    if (held.has(path) || !(await lstat(path).catch(() => undefined))?.isFile()) return false;
    const holder = parse(await readFile(path, 'utf8').catch(() => ''));
    return holder !== undefined && holder.host === hostname() && isAlive(holder.pid);
  };
  if (!(await heldByAnother())) return false;
  const deadline = Date.now() + WRITE_WAIT_MS;
  do await pause();
  while (Date.now() < deadline && (await heldByAnother()));
  return true;
}
