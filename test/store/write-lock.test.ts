// A reader that finds a circle file missing waits only while a live process on this
// machine holds the circle's write lock (a sync's rebase), and never takes the lock itself.
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitForWriters } from '../../src/store/lock.js';
import { tempDir } from '../helpers.js';

const lockText = (pid: number, host = hostname()) => `${JSON.stringify({ pid, host, started: new Date().toISOString() })}\n`;

function withLock(text: string): { dir: string; lock: string } {
  const dir = join(tempDir(), 'circle');
  mkdirSync(dir);
  const lock = join(dir, '.write-lock');
  writeFileSync(lock, text);
  return { dir, lock };
}

describe('waitForWriters', () => {
  it('waits while a live process here holds the lock, and says so once it lets go', async () => {
    const { dir, lock } = withLock(lockText(process.ppid));
    let pauses = 0;
    // The holder lets go during the waiter's third pause: it looks once more, and stops.
    const waited = await waitForWriters(dir, async () => {
      if (++pauses === 3) rmSync(lock);
    });
    expect({ waited, pauses }).toEqual({ waited: true, pauses: 3 });
  });

  it.each([
    ['junk', 'not a lock'],
    ['another machine', lockText(process.ppid, `not-${hostname()}`)],
    ['a dead process', lockText(2 ** 22 + 17)],
  ])('does not wait for a lock from %s, and leaves it where it is', async (_, text) => {
    const { dir, lock } = withLock(text);
    expect(await waitForWriters(dir)).toBe(false);
    expect(existsSync(lock)).toBe(true);
  });

  it('does not wait for a lock that is a link, nor where there is none', async () => {
    const { dir, lock } = withLock('');
    rmSync(lock);
    expect(await waitForWriters(dir)).toBe(false);
    const target = join(dir, 'elsewhere');
    writeFileSync(target, lockText(process.ppid));
    symlinkSync(target, lock);
    expect(await waitForWriters(dir)).toBe(false);
  });
});
