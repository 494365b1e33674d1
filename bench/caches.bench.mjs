// The caches of issue 21: `check` on a long history, cold and warm (its cache of files
// that passed), and agenda at 3 000 meetings against 6 when the same requests recur at
// every meeting (the circle's memory must grow with what is open, not with history).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, fmtX, generateWorkspace, measure, note } from './lib.mjs';

export default async function () {
  const thousand = generateWorkspace(1000);
  const cache = join(thousand, 'circles', 'generated', '.cache');
  measure('circle check (1 000 meetings), cold', [bin, '--home', thousand, 'check'], { runs: 5, before: () => rmSync(cache, { recursive: true, force: true }) });
  measure('circle check (1 000 meetings), warm', [bin, '--home', thousand, 'check'], { runs: 9 });
  const few = measure('circle agenda (6 meetings, recurring requests)', [bin, '--home', generateWorkspace(6, { recurring: true }), 'agenda']);
  const many = measure('circle agenda (3 000 meetings, recurring requests)', [bin, '--home', generateWorkspace(3000, { recurring: true }), 'agenda']);
  note('agenda, recurring requests: 3 000 / 6 meetings', Object.keys(few).filter((k) => few[k]?.ms).map((k) => `${k}: ${fmtX(many[k].ms / few[k].ms)}`).join('   '));
}
