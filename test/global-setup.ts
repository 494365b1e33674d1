// Before any test: build dist/ from the sources, so a spawned test never runs a stale build,
// give the run its own temp folder ($TMPDIR: every test's folders go in it) and cache folder
// ($XDG_CACHE_HOME, for the code cache). After the last: remove them, and fail if a test
// wrote into the repository's own circles/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../src/store/atomic.js';

const circles = join(import.meta.dirname, '..', 'circles');

/**
 * The run's temp folder: in memory where the system has a tmpfs (/dev/shm, as on Linux) with
 * a GiB free that lets tests run the scripts they write, and TMPDIR is not set. Each file
 * circle writes is fsynced, as git does with much of what it writes: on a busy disk those
 * waits were up to half the time of the sync tests. A folder left by a run that was killed
 * (its process gone) is removed.
 */
function runTempDir(): string {
  const shm = '/dev/shm';
  const free = existsSync(shm) ? statfsSync(shm) : undefined;
  if (!process.env.TMPDIR && free && free.bavail * free.bsize >= 2 ** 30) {
    for (const name of readdirSync(shm)) {
      const pid = Number(/^circle-test-(\d+)-/.exec(name)?.[1]);
      if (pid && !isAlive(pid)) rmSync(join(shm, name), { recursive: true, force: true });
    }
    const dir = mkdtempSync(join(shm, `circle-test-${process.pid}-`));
    try {
      writeFileSync(join(dir, 'run'), '#!/bin/sh\n', { mode: 0o755 });
      execFileSync(join(dir, 'run'));
      return dir;
    } catch {
      rmSync(dir, { recursive: true, force: true }); // mounted noexec: the system's temp folder
    }
  }
  return mkdtempSync(join(tmpdir(), 'circle-test-'));
}

/** Every file and folder under circles/, with its modification time. */
function listing(): string[] {
  return readdirSync(circles, { recursive: true }).map((f) => `${f} ${statSync(join(circles, String(f))).mtimeMs}`).sort();
}

export default function setup(): () => void {
  // In-process runs use this process's time zone: the same everywhere (spawned runs get TZ from testEnv).
  process.env.TZ = 'UTC';
  const temp = runTempDir();
  process.env.TMPDIR = temp;
  const cache = join(temp, 'cache');
  mkdirSync(cache);
  process.env.XDG_CACHE_HOME = cache;
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const before = listing();
  return () => {
    rmSync(temp, { recursive: true, force: true });
    const after = listing();
    const changed = [...after.filter((f) => !before.includes(f)), ...before.filter((f) => !after.includes(f))];
    if (!changed.length) return;
    // (an error thrown here is printed but leaves the exit code alone)
    process.stderr.write(`\nFAIL: a test wrote into the repository's own circles/: ${changed.join(', ')}\n`);
    process.exitCode = 1;
  };
}
