// The caches of issue 21: `check` on a long history, cold and warm (its cache of files
// that passed), and agenda at 3 000 meetings against 6 when the same requests recur at
// every meeting (the circle's memory must grow with what is open, not with history).
// Agenda looks at every meeting file's stat (so that an older meeting edited in place is
// noticed): the time of those 3 000 stat calls alone, in a fresh Node process, is printed
// beside the ratio, with what the 1.15× goal leaves for them.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, fmtMs, fmtX, generateWorkspace, measure, median, note, VARIANTS } from './lib.mjs';

/** The median time, over `runs` fresh Node processes, of one statSync of each file in `folder` (timed inside the process). */
function statTime(folder, runs = 15) {
  const script = `const fs=require('fs');const d=${JSON.stringify(folder)};const n=fs.readdirSync(d);const t=performance.now();for(const f of n)fs.statSync(d+'/'+f);console.log(performance.now()-t)`;
  const env = VARIANTS[0].env; // without NODE_EXTRA_CA_CERTS
  return median(Array.from({ length: runs }, () => Number(spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' }).stdout)));
}

export default async function () {
  const thousand = generateWorkspace(1000);
  const cache = join(thousand, 'circles', 'generated', '.cache');
  measure('circle check (1 000 meetings), cold', [bin, '--home', thousand, 'check'], { runs: 5, before: () => rmSync(cache, { recursive: true, force: true }) });
  measure('circle check (1 000 meetings), warm', [bin, '--home', thousand, 'check'], { runs: 9 });
  const few = measure('circle agenda (6 meetings, recurring requests)', [bin, '--home', generateWorkspace(6, { recurring: true }), 'agenda']);
  const long = generateWorkspace(3000, { recurring: true });
  const many = measure('circle agenda (3 000 meetings, recurring requests)', [bin, '--home', long, 'agenda']);
  note('agenda, recurring requests: 3 000 / 6 meetings', Object.keys(few).filter((k) => few[k]?.ms).map((k) => `${k}: ${fmtX(many[k].ms / few[k].ms)}`).join('   '));
  const stats = statTime(join(long, 'circles', 'generated', 'meetings'));
  note('3 000 stat calls alone (fresh Node process)', `without: ${fmtMs(stats)}; the 1.15× goal leaves ${fmtMs(0.15 * few.without.ms)} over agenda at 6`);
}
