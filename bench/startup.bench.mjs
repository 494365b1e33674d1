// Start-up: how much a command costs over bare Node.
import { bin, generateWorkspace, measure } from './lib.mjs';

export default async function () {
  measure('circle --help', [bin, '--help']);
  measure('circle --version', [bin, '--version']);
  measure('circle agenda --help', [bin, 'agenda', '--help']);
  measure('circle list (example circle)', [bin, 'list']);
  measure('circle check (example circle)', [bin, 'check']);
}
