// `circle practice` in the terminal: each member's chain of commitments. A long history
// prints hundreds of thousands of lines (20 MB at 10 000 meetings): `practiceBytes`
// writes them straight into buffers, a link at a time, rather than joining them into
// one string that is then encoded for stdout.
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

/** The text, in pieces that end in line breaks, given to `put` (the last without one). */
function practiceLines(chains: readonly PracticeChain[], color: ChalkInstance, put: (text: string) => void): void {
  if (!chains.length) return put(t('practice.none'));
  const labels = new Map<string, string>();
  const label = (field: string) => labels.get(field) ?? labels.set(field, labelOf('reflect', field).toLowerCase()).get(field)!;
  chains.forEach((chain, i) => {
    const k = chain.counts;
    const line = t('practice.member', { name: color.bold(chain.member), done: k.followedUp, due: t('practice.due', { count: k.due }), share: percent(k.share) });
    put(`${i ? '\n' : ''}${line}\n`);
    if (!chain.links.length) put(`${t('practice.no_commitments')}\n`);
    for (const l of chain.links) put(linkLines(l, color, label));
  });
}

export function practiceText(chains: readonly PracticeChain[], color: ChalkInstance): string {
  const out: string[] = [];
  practiceLines(chains, color, (text) => out.push(text));
  return out.join('').replace(/\n$/, '');
}

/** practiceText and a line break, as UTF-8, in pieces of about a megabyte (none copied into a larger one). */
export function practiceBytes(chains: readonly PracticeChain[], color: ChalkInstance): Buffer[] {
  const full: Buffer[] = [];
  let buffer = Buffer.allocUnsafe(CHUNK);
  let length = 0;
  const put = (text: string) => {
    // At most three bytes a UTF-16 unit.
    if (length + 3 * text.length > buffer.length) {
      full.push(buffer.subarray(0, length));
      buffer = Buffer.allocUnsafe(Math.max(CHUNK, 3 * text.length));
      length = 0;
    }
    length += buffer.write(text, length);
  };
  practiceLines(chains, color, put);
  if (!(length ? buffer[length - 1] === 10 : full.at(-1)?.at(-1) === 10)) put('\n');
  full.push(buffer.subarray(0, length));
  return full;
}

const CHUNK = 1 << 20;
