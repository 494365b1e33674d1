// circle agenda reads the circle files and the newest meeting only: its cost must
// not grow with the length of the history.
import { bin, fmtX, generateWorkspace, measure, note } from './lib.mjs';

export default async function () {
  const small = generateWorkspace(10);
  const large = generateWorkspace(10000); // slow the first time; cached in bench/.data
  const a = measure('circle agenda (10 meetings)', [bin, '--home', small, 'agenda']);
  const b = measure('circle agenda (10 000 meetings)', [bin, '--home', large, 'agenda']);
  // The same circle meeting in Spanish: its words and date-fns locale are loaded on top.
  measure('circle agenda (10 meetings, in Spanish)', [bin, '--home', generateWorkspace(10, { language: 'es' }), 'agenda']);
  measure('circle agenda --format pdf (10 meetings)', [bin, '--home', small, 'agenda', '--format', 'pdf', '--out', '-'], { runs: 7 });
  note('agenda: 10 000 meetings / 10 meetings', Object.keys(a).filter((k) => a[k]?.ms).map((k) => `${k}: ${fmtX(b[k].ms / a[k].ms)}`).join('   '));
}
