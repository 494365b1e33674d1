// `circle practice` in the terminal: each member's chain of commitments.
import type { ChalkInstance } from 'chalk';
import type { PracticeChain, PracticeLink } from '../core/practice.js';
import { labelOf } from '../core/prompts.js';
import { percent } from './chart.js';
import { t } from '../core/words.js';
import { oneLine } from './document.js';

/** The lines of one link (made, then what came of it), each ending in a line break. */
function linkLines(l: PracticeLink, c: ChalkInstance, label: (field: string) => string): string {
  const confided = c.dim(t('practice.in_confidence'));
  let out = `${l.made.date} #${l.made.number}  ${t('practice.will', { commitment: oneLine(l.commitment) })}${l.private ? confided : ''}\n`;
  const at = l.followedAt ? `${l.followedAt.date} #${l.followedAt.number}` : '';
  const missed = l.absences ? t('practice.after_missing', { count: l.absences }) : '';
  switch (l.status) {
    case 'followed_up':
      out += `  -> ${at}${missed}${l.report!.private ? confided : ''}:\n`;
      for (const s of l.report!.said) out += `       ${label(s.field)}: ${oneLine(s.text)}\n`;
      return out;
    case 'silent':
      return `${out}${c.yellow(t('practice.silent', { at, missed }))}\n`;
    case 'missed':
      return `${out}${c.red(t('practice.missed', { count: l.absences }))}\n`;
    case 'let_go':
      return `${out}${c.dim(t('practice.let_go', { at, missed }))}\n`;
    case 'open':
      return `${out}${c.dim(t('practice.open'))}\n`;
  }
}

export function practiceText(chains: readonly PracticeChain[], color: ChalkInstance): string {
  if (!chains.length) return t('practice.none');
  const labels = new Map<string, string>();
  const label = (field: string) => labels.get(field) ?? labels.set(field, labelOf('reflect', field).toLowerCase()).get(field)!;
  const out: string[] = [];
  chains.forEach((chain, i) => {
    const k = chain.counts;
    const line = t('practice.member', { name: color.bold(chain.member), done: k.followedUp, due: t('practice.due', { count: k.due }), share: percent(k.share) });
    out.push(`${i ? '\n' : ''}${line}\n`);
    if (!chain.links.length) out.push(`${t('practice.no_commitments')}\n`);
    for (const l of chain.links) out.push(linkLines(l, color, label));
  });
  return out.join('').replace(/\n$/, '');
}
