// `circle practice` in the terminal: each member's chain of commitments. A long history
// prints hundreds of thousands of lines, so they are pushed onto one list, not built
// up from many small ones.
import type { ChalkInstance } from 'chalk';
import type { PracticeChain, PracticeLink } from '../core/practice.js';
import { labelOf } from '../core/prompts.js';
import { percent } from './chart.js';
import { oneLine, plural } from './document.js';

function outcome(out: string[], l: PracticeLink, c: ChalkInstance, label: (field: string) => string): void {
  const at = l.followedAt ? `${l.followedAt.date} #${l.followedAt.number}` : '';
  const missed = l.absences ? ` (after missing ${plural(l.absences, 'meeting')})` : '';
  switch (l.status) {
    case 'followed_up':
      out.push(`  -> ${at}${missed}${l.report!.private ? c.dim(' (in confidence)') : ''}:`);
      for (const s of l.report!.said) out.push(`       ${label(s.field)}: ${oneLine(s.text)}`);
      return;
    case 'silent':
      out.push(c.yellow(`  !! ${at}${missed}: came, but reported nothing on it`));
      return;
    case 'missed':
      out.push(c.red(`  !! never followed up: missed the ${plural(l.absences, 'meeting')} since`));
      return;
    case 'let_go':
      out.push(c.dim(`  -- ${at}${missed}: let go`));
      return;
    case 'open':
      out.push(c.dim('  .. to follow up at the next meeting'));
  }
}

export function practiceText(chains: readonly PracticeChain[], color: ChalkInstance): string {
  if (!chains.length) return 'No commitments recorded yet.';
  const labels = new Map<string, string>();
  const label = (field: string) => labels.get(field) ?? labels.set(field, labelOf('reflect', field).toLowerCase()).get(field)!;
  const out: string[] = [];
  for (const chain of chains) {
    if (out.length) out.push('');
    const k = chain.counts;
    out.push(`${color.bold(chain.member)}: ${k.followedUp} of ${plural(k.due, 'commitment')} followed up (${percent(k.share)})`);
    if (!chain.links.length) out.push('  no commitments recorded');
    for (const l of chain.links) {
      out.push(`${l.made.date} #${l.made.number}  will practise: ${oneLine(l.commitment)}${l.private ? color.dim(' (in confidence)') : ''}`);
      outcome(out, l, color, label);
    }
  }
  return out.join('\n');
}
