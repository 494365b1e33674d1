// The circle's memory on long histories: history, stats and practice with 10, 1 000
// and 10 000 meetings. Cold = no summary cache (every file parsed and validated);
// warm = the cache in circles/<slug>/.cache/ is there and no file changed.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, fmtX, generateWorkspace, label, measure, note, record, spawnTimed, VARIANTS } from './lib.mjs';
import { OLD_COMMIT, oldBin } from './old-build.mjs';

const cacheOf = (ws) => join(ws, 'circles', 'generated', '.cache');

export default async function () {
  for (const n of [10, 1000, 10000]) {
    const ws = generateWorkspace(n);
    const removeCache = () => rmSync(cacheOf(ws), { recursive: true, force: true });
    for (const command of ['history', 'stats', 'practice']) {
      const args = [bin, '--home', ws, command];
      measure(`${command}, ${label(n)} meetings, cold`, args, { runs: n >= 10000 ? 1 : 3, before: removeCache, warmup: n < 10000 });
      measure(`${command}, ${label(n)} meetings, warm`, args, { runs: n >= 10000 ? 5 : 9 });
    }
  }
  const ws = generateWorkspace(3000);
  measure('history, 3 000 meetings, warm', [bin, '--home', ws, 'history'], { runs: 9 });

  // The same cold run with the build before this work, for the speed-up: the two builds
  // take turns, so that load from other processes falls on both.
  const big = generateWorkspace(10000);
  const removeCache = () => rmSync(cacheOf(big), { recursive: true, force: true });
  const builds = { now: [bin, '--home', big, 'history'], then: [await oldBin(), '--home', big, 'history'] };
  const samples = { now: { cmd: [], base: [] }, then: { cmd: [], base: [] } };
  const env = VARIANTS[0].env;
  for (let i = 0; i < 3; i++) {
    for (const [id, args] of Object.entries(builds)) {
      samples[id].base.push(spawnTimed(['-e', '0'], { env }));
      removeCache();
      samples[id].cmd.push(spawnTimed(args, { env }));
    }
  }
  const now = record('history, 10 000 meetings, cold (again)', 3, { without: samples.now });
  const then = record(`history, 10 000 meetings, cold, build ${OLD_COMMIT}`, 3, { without: samples.then });
  note(`cold history at 10 000: ${OLD_COMMIT} / this build`, `without: ${fmtX(then.without.ms / now.without.ms)}`);
  removeCache();
}
