// circle agenda reads the circle files and the newest meeting only: its cost must
// not grow with the length of the history.
import { bin, generateWorkspace, report, time } from './lib.mjs';

export default async function () {
  const small = generateWorkspace(10);
  const large = generateWorkspace(10000); // slow the first time; cached in bench/.data
  const a = report('circle agenda (10 meetings)', time([bin, '--home', small, 'agenda']));
  const b = report('circle agenda (10 000 meetings)', time([bin, '--home', large, 'agenda']));
  report('circle agenda --format pdf (10 meetings)', time([bin, '--home', small, 'agenda', '--format', 'pdf', '--out', '-'], { runs: 7 }));
  console.log(`${'10 000 meetings / 10 meetings'.padEnd(44)} ${(b / a).toFixed(2).padStart(17)}×`);
}
