// Start-up: how much a command costs over bare Node.
import { bin, generateWorkspace, report, time } from './lib.mjs';

export default async function () {
  report('circle --help', time([bin, '--help']));
  report('circle --version', time([bin, '--version']));
  report('circle list (example circle)', time([bin, 'list']));
  report('circle check (example circle)', time([bin, 'check']));
  const ws = generateWorkspace(1000);
  report('circle check (1 000 meetings)', time([bin, '--home', ws, 'check'], { runs: 5 }));
}
