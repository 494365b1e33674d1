// The goals' start-up figures counted in instructions (valgrind's callgrind) instead of
// time: on a shared machine a wall-clock ratio moves ±10 % from run to run, these counts
// under 1 %. Each is one warm run, with V8's random seed fixed, over one run of `node -e 0`.
// (Not the long histories: there the count swings by a third with when V8's background
// compiler gets to run.) Skipped where valgrind is not installed (apt-get install valgrind).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, fmtX, generateWorkspace, note, VARIANTS } from './lib.mjs';

/** Instructions of `node args…` (every thread), as callgrind counts them. */
function instructions(args) {
  const out = mkdtempSync(join(tmpdir(), 'circle-callgrind-'));
  try {
    const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${join(out, 'cg.%p')}`, process.execPath, '--random-seed=1', ...args], {
      env: VARIANTS[0].env,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 << 20,
    });
    if (r.status !== 0) throw new Error(`valgrind node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    // Each file's "summary:" line is its total (a "totals:" line repeats it).
    return readdirSync(out).reduce((sum, f) => sum + Number(/^summary: (\d+)/m.exec(readFileSync(join(out, f), 'utf8'))?.[1] ?? 0), 0);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export default async function () {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('(valgrind is not installed: no instruction counts)');
    return;
  }
  const base = instructions(['-e', '0']);
  note('node -e 0, instructions', `${(base / 1e6).toFixed(0)}M`);
  for (const [label, args] of [
    ['circle agenda (10 meetings)', [bin, '--home', generateWorkspace(10), 'agenda']],
    ['circle --help', [bin, '--help']],
  ]) {
    spawnSync(process.execPath, args, { env: VARIANTS[0].env, stdio: 'ignore' }); // warm: the code cache and the circle's caches
    const count = instructions(args);
    note(`${label}, instructions`, `${(count / 1e6).toFixed(0)}M, ${fmtX(count / base)} node -e 0`);
  }
}
