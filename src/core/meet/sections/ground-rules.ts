// Ground rules: the group's discussion, noted once per question, then each rule in turn
// (keep, reword or drop) and any new ones.
import type { Agreements } from '../../agreements.js';
import { discussed } from '../../prompts.js';
import { namesOf, textOf, type Draft, type Value } from '../draft.js';
import type { MeetingFile } from '../minutes.js';
import { Asker, stepId, type MeetingPlan, type Step } from '../step.js';

/** Rules are named by their place in circle.yaml as the meeting found it: `rules.2`, `rules.2.wording`. */
const ruleId = (n: number) => stepId('ground_rules', String(n));
const wordingId = (n: number) => `${ruleId(n)}.wording`;

const someWords = (v: Value) => (textOf(v) ? true : 'type the new words, or choose to drop the rule');

export function groundRuleSteps(plan: MeetingPlan, base: Agreements, draft: Draft): Step[] {
  const a = new Asker('ground_rules', plan);
  const rules = base.ground_rules;
  const steps = discussed('ground_rules').map((id) => a.one(id));
  rules.forEach((rule, i) => {
    const n = i + 1;
    steps.push(a.one('rule', { id: ruleId(n), default: 'keep' }, { n, count: rules.length, rule }));
    if (draft.answers[ruleId(n)] === 'reword') steps.push(a.one('wording', { id: wordingId(n), default: rule, edit: true, validate: someWords }, { n }));
  });
  steps.push(a.one('added'));
  return steps;
}

/** The lists that have something in them (the minutes leave out the empty ones). */
export const nonEmpty = <T extends Record<string, unknown[]>>(lists: T): Partial<T> =>
  Object.fromEntries(Object.entries(lists).filter(([, items]) => items.length)) as Partial<T>;

/** The minutes' `ground_rules`: what was said, and each rule kept, reworded, dropped or added. */
export function rulesAgreed(base: Agreements, draft: Draft): MeetingFile['ground_rules'] {
  const notes = Object.fromEntries(
    discussed('ground_rules')
      .map((id) => [id, textOf(draft.answers[stepId('ground_rules', id)])])
      .filter(([, v]) => v),
  );
  const kept: string[] = [];
  const reworded: Array<{ from: string; to: string }> = [];
  const dropped: string[] = [];
  base.ground_rules.forEach((rule, i) => {
    const choice = draft.answers[ruleId(i + 1)];
    const to = textOf(draft.answers[wordingId(i + 1)]);
    if (choice === 'drop') dropped.push(rule);
    else if (choice === 'reword' && to && to !== rule) reworded.push({ from: rule, to });
    else kept.push(rule);
  });
  const added: string[] = [];
  for (const rule of namesOf(draft.answers[stepId('ground_rules', 'added')])) {
    if (![...kept, ...reworded.map((r) => r.to), ...added].includes(rule)) added.push(rule);
  }
  return { notes, ...nonEmpty({ kept, reworded, dropped, added }) };
}
