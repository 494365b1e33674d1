// This build against the one before issue 21 (c6668a9), in the same run: the start-up
// figures of the issue's goals, and `check` on 1 000 meetings cold (no .cache/ at all).
// The two builds take turns, so that load from other processes falls on both; each has a
// workspace of its own, as the caches are kept per build. (caches.bench.mjs measures
// check warm.)
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, fmtX, generateWorkspace, note, record, spawnTimed, VARIANTS } from './lib.mjs';
import { BEFORE_ISSUE_21, oldBin } from './old-build.mjs';

/** A fresh copy of workspace `ws` (without its caches) for the older build. */
function copyFor(ws) {
  const copy = `${ws}-${BEFORE_ISSUE_21}`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(ws, copy, { recursive: true, filter: (f) => !f.endsWith('/.cache') });
  return copy;
}

/** `label` for each build, `runs` turns each (warmed up once each, unless `before`, which runs before each timed run, empties a cache). */
function compare(label, runs, builds, before) {
  const env = VARIANTS[0].env;
  const samples = { now: { cmd: [], base: [] }, then: { cmd: [], base: [] } };
  if (!before) for (const args of Object.values(builds)) spawnTimed(args, { env }); // warm: the code cache and the circle's caches
  for (let i = 0; i < runs; i++) {
    for (const [id, args] of Object.entries(builds)) {
      samples[id].base.push(spawnTimed(['-e', '0'], { env }));
      before?.(id);
      samples[id].cmd.push(spawnTimed(args, { env }));
    }
  }
  const now = record(`${label}, this build`, runs, { without: samples.now });
  const then = record(`${label}, build ${BEFORE_ISSUE_21}`, runs, { without: samples.then });
  note(`${label}: this build / ${BEFORE_ISSUE_21}`, `without: ${fmtX(now.without.ms / then.without.ms)}`);
}

export default async function () {
  const then = await oldBin(BEFORE_ISSUE_21);
  const ten = generateWorkspace(10);
  compare('circle agenda (10 meetings)', 15, { now: [bin, '--home', ten, 'agenda'], then: [then, '--home', copyFor(ten), 'agenda'] });
  compare('circle --help', 15, { now: [bin, '--help'], then: [then, '--help'] });
  const thousand = { now: generateWorkspace(1000) };
  thousand.then = copyFor(thousand.now);
  const builds = { now: [bin, '--home', thousand.now, 'check'], then: [then, '--home', thousand.then, 'check'] };
  compare('check, 1 000 meetings, cold', 3, builds, (id) => rmSync(join(thousand[id], 'circles', 'generated', '.cache'), { recursive: true, force: true }));
}
