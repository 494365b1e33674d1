// Before any test: build dist/ from the sources, so a spawned test never runs a stale build,
// and give the run its own cache folder ($XDG_CACHE_HOME, for the code cache). After the
// last: remove that folder, and fail if a test wrote into the repository's own circles/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const circles = join(import.meta.dirname, '..', 'circles');

/** Every file and folder under circles/, with its modification time. */
function listing(): string[] {
  return readdirSync(circles, { recursive: true }).map((f) => `${f} ${statSync(join(circles, String(f))).mtimeMs}`).sort();
}

export default function setup(): () => void {
  // In-process runs use this process's time zone: the same everywhere (spawned runs get TZ from testEnv).
  process.env.TZ = 'UTC';
  const cache = mkdtempSync(join(tmpdir(), 'circle-test-cache-'));
  process.env.XDG_CACHE_HOME = cache;
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const before = listing();
  return () => {
    rmSync(cache, { recursive: true, force: true });
    const after = listing();
    const changed = [...after.filter((f) => !before.includes(f)), ...before.filter((f) => !after.includes(f))];
    if (!changed.length) return;
    // (an error thrown here is printed but leaves the exit code alone)
    process.stderr.write(`\nFAIL: a test wrote into the repository's own circles/: ${changed.join(', ')}\n`);
    process.exitCode = 1;
  };
}
