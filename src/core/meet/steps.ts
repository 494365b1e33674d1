// The meeting as an ordered list of steps, worked out from the plan (what does not change
// while the meeting runs) and the answers so far, one section after another.
import { AGREEMENTS, agreementsOf, type AgreementId, type Agreements } from '../agreements.js';
import type { Draft } from './draft.js';
import { formatSteps, withFormatAgreed } from './sections/format.js';
import { groundRuleSteps } from './sections/ground-rules.js';
import { introductionSteps } from './sections/introductions.js';
import { learningSteps } from './sections/learning.js';
import { whatsNextSteps } from './sections/next.js';
import { openingSteps } from './sections/opening.js';
import { purposeSteps } from './sections/purpose.js';
import { reflectSteps } from './sections/reflect.js';
import { closingSteps } from './sections/verdict.js';
import type { MeetingPlan, Step } from './step.js';

/** A circle's first meeting: no meeting before it. */
export const isFirst = (plan: MeetingPlan): boolean => plan.last === undefined;

/** The agreements this meeting discusses: all of them at a first meeting, else those revisited. */
export function agreementsDiscussed(plan: MeetingPlan, draft: Draft): AgreementId[] {
  return AGREEMENTS.filter((section) => isFirst(plan) || draft.revisit?.includes(section));
}

/** The agreements as the meeting found them (kept in the draft). */
export const baseOf = (plan: MeetingPlan, draft: Draft): Agreements => draft.base ?? agreementsOf(plan.circle);

/**
 * The draft ready to run: with the agreements a regular meeting revisits (added to those
 * of an interrupted one) and, when it discusses any, a copy of them as they stand.
 */
export function withAgreements(draft: Draft, plan: MeetingPlan, revisit: readonly AgreementId[] = []): Draft {
  const wanted = AGREEMENTS.filter((p) => draft.revisit?.includes(p) || revisit.includes(p));
  const next: Draft = isFirst(plan) || !wanted.length ? draft : { ...draft, revisit: wanted };
  return agreementsDiscussed(plan, next).length && !next.base ? { ...next, base: agreementsOf(plan.circle) } : next;
}

/** The meeting's sections in order, each a function giving its steps for the answers so far. No Reflect or Learning Together at a first meeting. */
function sections(plan: MeetingPlan, draft: Draft): Array<() => Step[]> {
  const talk = agreementsDiscussed(plan, draft);
  const base = baseOf(plan, draft);
  const regular = !isFirst(plan);
  return [
    () => openingSteps(plan, draft),
    () => introductionSteps(plan, draft),
    () => (talk.includes('purpose') ? purposeSteps(plan, base) : []),
    () => (talk.includes('ground_rules') ? groundRuleSteps(plan, base, draft) : []),
    () => (talk.includes('format') ? formatSteps(plan, base, draft) : []),
    () => (regular ? reflectSteps(plan, draft) : []),
    () => (regular ? learningSteps(plan) : []),
    () => whatsNextSteps(talk.includes('format') ? withFormatAgreed(plan, base, draft) : plan, draft),
    () => closingSteps(plan),
  ];
}

/** Every step of the meeting as far as the answers so far decide it, in order. */
export function steps(plan: MeetingPlan, draft: Draft): Step[] {
  return sections(plan, draft).flatMap((section) => section());
}

/**
 * The steps up to the end of the section that holds the first one not yet answered (all
 * of them once every one is): what asking it needs, without working out the sections after.
 */
export function stepsSoFar(plan: MeetingPlan, draft: Draft): Step[] {
  const found: Step[] = [];
  for (const section of sections(plan, draft)) {
    const added = section();
    found.push(...added);
    if (pendingStep(added, draft)) break; // an earlier section had none pending, or the loop would have stopped
  }
  return found;
}

/** The first step not yet answered; undefined when the meeting is done. Resuming is just this. */
export function pendingStep(all: readonly Step[], draft: Draft): Step | undefined {
  return all.find((s) => !(s.id in draft.answers));
}
