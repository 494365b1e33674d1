// One meeting at a time per circle: circles/<slug>/.lock, created exclusively, holding
// who took it. A lock left by a process that died on this machine is taken over.
import { readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CircleError } from '../errors.js';
import { isAlive, writeFileAtomic } from './atomic.js';

export const lockFile = (dir: string) => join(dir, '.lock');

export interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

export interface Lock {
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

/** Take the circle's lock or throw a CircleError saying who holds it. */
export async function acquireLock(dir: string, started: string): Promise<Lock> {
  const path = lockFile(dir);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started };
  const text = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFileAtomic(path, text, { exclusive: true });
      return { release: () => unlink(path).catch(() => {}) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holderText = await readFile(path, 'utf8').catch(() => '');
    const holder = parse(holderText);
    const stale = holder !== undefined && holder.host === mine.host && !isAlive(holder.pid);
    if (!stale || attempt > 0) {
      const who = holder ? `process ${holder.pid} on ${holder.host}, since ${holder.started}` : 'an unknown process';
      throw new CircleError(
        `a meeting is already running on this circle (${who}).\n` +
          `Finish it there first. If you are sure nothing is running, delete ${path}.`,
      );
    }
    // The holder died: take its place (only if the file is still the stale one).
    if ((await readFile(path, 'utf8').catch(() => '')) === holderText) await unlink(path).catch(() => {});
  }
}
