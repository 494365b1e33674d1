// `circle purpose` and `circle rules` as text: what the circle agreed, and when.
import { labelOf, titleOf } from '../core/prompts.js';
import { longDate, t } from '../core/words.js';

/** A meeting that set or changed the agreement. */
export interface AgreedAt {
  date: string;
  number: number;
}

/** "Agreed at meeting 1 (Tuesday 2 June 2026); changed at meeting 5 (…)." and where to read why. */
function when(agreed: readonly AgreedAt[]): string[] {
  if (!agreed.length) return [];
  const at = (a: AgreedAt) => t('agreements.at', { number: a.number, date: longDate(a.date) });
  const [first, ...later] = agreed;
  const said = later.length ? t('agreements.changed', { at: at(first!), later: later.map(at).join(', ') }) : t('agreements.agreed', { at: at(first!) });
  return ['', said, t('agreements.said', { date: agreed.at(-1)!.date })];
}

export function purposeText(purpose: string, vision: string, outcomes: ReadonlyArray<{ id: string; text: string }>, agreed: readonly AgreedAt[]): string {
  const lines = [labelOf('purpose', 'statement'), `  ${purpose || labelOf('purpose', 'unset')}`, '', labelOf('purpose', 'vision'), `  ${vision || labelOf('purpose', 'unset')}`];
  if (outcomes.length) {
    lines.push('', labelOf('purpose', 'outcomes'));
    for (const o of outcomes) lines.push(`  ${labelOf('purpose', o.id)}: ${o.text}`);
  }
  return [...lines, ...when(agreed)].join('\n');
}

export function rulesText(rules: readonly string[], agreed: readonly AgreedAt[]): string {
  const lines = rules.length ? rules.map((r, i) => `${String(i + 1).padStart(3)}. ${r}`) : [`  ${labelOf('ground_rules', 'none')}`];
  return [titleOf('ground_rules'), ...lines, ...when(agreed)].join('\n');
}
