// The circle's memory on long histories: history, stats and practice with 10, 1 000
// and 10 000 meetings. Cold = no summary cache (every file parsed and validated);
// warm = the cache in circles/<slug>/.cache/ is there and no file changed.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, generateWorkspace, report, time } from './lib.mjs';

const env = { ...process.env, NO_COLOR: '1', CIRCLE_HOME: undefined };

/** Median wall time in ms with the cache removed before every run. */
function cold(args, cacheDir, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

export default async function () {
  for (const n of [10, 1000, 10000]) {
    const ws = generateWorkspace(n);
    const cacheDir = join(ws, 'circles', 'generated', '.cache');
    const label = n.toLocaleString('en').replace(',', ' ');
    for (const command of ['history', 'stats', 'practice']) {
      const args = [bin, '--home', ws, command];
      report(`${command}, ${label} meetings, cold`, cold(args, cacheDir, n >= 10000 ? 1 : 3));
      report(`${command}, ${label} meetings, warm`, time(args, { runs: n >= 10000 ? 5 : 9 }));
    }
  }
}
