// The group's verdict: at the close, how useful the meeting was (1–5) and one thing to
// change (then anything else for the minutes); every few meetings (circle.yaml
// `review_outcomes_every`), in What's Next, how the group sees itself moving towards each
// of its outcomes (1–5).
import { outcomesOf } from '../../agreements.js';
import { labelOf, say } from '../../prompts.js';
import { textOf, type Draft, type Value } from '../draft.js';
import { Asker, perPlan, stepId, type MeetingPlan, type Step } from '../step.js';

const RATING = /^[1-5]$/;
/** A rating typed as 1 to 5, or nothing (Enter skips). */
const rating = (v: Value) => (typeof v !== 'string' || !v.trim() || RATING.test(v.trim()) ? true : 'a number from 1 to 5, or Enter to skip');
const ratingOf = (v: Value | undefined): number | undefined => (RATING.test(textOf(v)) ? Number(textOf(v)) : undefined);

const outcomeId = (id: string) => `${stepId('next', 'outcomes')}.${id}`;

/** What's Next at a review meeting (every Nth meeting, once the circle has outcomes): one rating per outcome. */
export function outcomeReviewSteps(plan: MeetingPlan): Step[] {
  const every = plan.circle.review_outcomes_every;
  if (!(every > 0 && plan.number % every === 0 && outcomesOf(plan.circle).length > 0)) return [];
  const a = new Asker('next', plan);
  const note = say('next', 'review', { every });
  return outcomesOf(plan.circle).map((o, i) =>
    a.one('outcome', { id: outcomeId(o.id), validate: rating, ...(i === 0 && { note }) }, { label: labelOf('purpose', o.id), outcome: o.text }),
  );
}

/** Before we close: the group's verdict, then anything else for the minutes. */
export const closingSteps = perPlan((plan): Step[] => {
  const a = new Asker('closing', plan);
  return [a.one('useful', { validate: rating }), a.one('change'), a.one('notes')];
});

/** The minutes' share: `next.outcomes` and `verdict`, each only when something was said. */
export function verdictMinutes(plan: MeetingPlan, draft: Draft): { outcomes?: Record<string, number>; verdict?: { useful?: number; change?: string } } {
  const outcomes = Object.fromEntries(
    outcomesOf(plan.circle).flatMap((o) => {
      const n = ratingOf(draft.answers[outcomeId(o.id)]);
      return n === undefined ? [] : [[o.id, n]];
    }),
  );
  const useful = ratingOf(draft.answers[stepId('closing', 'useful')]);
  const change = textOf(draft.answers[stepId('closing', 'change')]);
  const verdict = { ...(useful !== undefined && { useful }), ...(change && { change }) };
  return { ...(Object.keys(outcomes).length && { outcomes }), ...(Object.keys(verdict).length && { verdict }) };
}
