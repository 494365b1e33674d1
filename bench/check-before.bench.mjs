// circle check on 1 000 meetings, cold (no .cache/ at all), against the build before issue
// 21: the two builds take turns, so that load from other processes falls on both.
// (caches.bench.mjs measures it warm.)
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, generateWorkspace, record, spawnTimed, VARIANTS } from './lib.mjs';
import { BEFORE_ISSUE_21, oldBin } from './old-build.mjs';

export default async function () {
  const ws = generateWorkspace(1000);
  const removeCache = () => rmSync(join(ws, 'circles', 'generated', '.cache'), { recursive: true, force: true });
  const builds = { now: [bin, '--home', ws, 'check'], then: [await oldBin(BEFORE_ISSUE_21), '--home', ws, 'check'] };
  const samples = { now: { cmd: [], base: [] }, then: { cmd: [], base: [] } };
  const env = VARIANTS[0].env;
  for (let i = 0; i < 3; i++) {
    for (const [id, args] of Object.entries(builds)) {
      samples[id].base.push(spawnTimed(['-e', '0'], { env }));
      removeCache();
      samples[id].cmd.push(spawnTimed(args, { env }));
    }
  }
  record('check, 1 000 meetings, cold', 3, { without: samples.now });
  record(`check, 1 000 meetings, cold, build ${BEFORE_ISSUE_21}`, 3, { without: samples.then });
}
