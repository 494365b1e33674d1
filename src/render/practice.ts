// `circle practice` in the terminal: each member's chain of commitments.
import type { ChalkInstance } from 'chalk';
import type { PracticeChain, PracticeLink } from '../core/practice.js';
import { percent } from './chart.js';
import { labelOf } from '../core/prompts.js';
import { oneLine, plural } from './document.js';

function outcome(l: PracticeLink, c: ChalkInstance): string[] {
  const at = l.followedAt ? `${l.followedAt.date} #${l.followedAt.number}` : '';
  const missed = l.absences ? ` (after missing ${plural(l.absences, 'meeting')})` : '';
  switch (l.status) {
    case 'followed_up':
      return [`  -> ${at}${missed}${l.report!.private ? c.dim(' (in confidence)') : ''}:`, ...l.report!.said.map((s) => `       ${labelOf('reflect', s.field).toLowerCase()}: ${oneLine(s.text)}`)];
    case 'silent':
      return [c.yellow(`  !! ${at}${missed}: came, but reported nothing on it`)];
    case 'missed':
      return [c.red(`  !! never followed up: missed the ${plural(l.absences, 'meeting')} since`)];
    case 'let_go':
      return [c.dim(`  -- ${at}${missed}: let go`)];
    case 'open':
      return [c.dim('  .. to follow up at the next meeting')];
  }
}

export function practiceText(chains: readonly PracticeChain[], color: ChalkInstance): string {
  if (!chains.length) return 'No commitments recorded yet.';
  return chains
    .map((chain) => {
      const k = chain.counts;
      const head = `${color.bold(chain.member)}: ${k.followedUp} of ${plural(k.due, 'commitment')} followed up (${percent(k.share)})`;
      const links = chain.links.flatMap((l) => [
        `${l.made.date} #${l.made.number}  will practise: ${oneLine(l.commitment)}${l.private ? color.dim(' (in confidence)') : ''}`,
        ...outcome(l, color),
      ]);
      return [head, ...(links.length ? links : ['  no commitments recorded'])].join('\n');
    })
    .join('\n\n');
}
