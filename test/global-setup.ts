// Before any test: build dist/ from the sources, so a spawned test never runs a stale build.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  // In-process runs use this process's time zone: the same everywhere (spawned runs get TZ from testEnv).
  process.env.TZ = 'UTC';
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
