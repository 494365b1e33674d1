// Introductions: newcomers always; the others when the facilitator says so.
import { FIELD } from '../../prompts.js';
import { newcomers, present, type Draft } from '../draft.js';
import { Asker, type MeetingPlan, type Step } from '../step.js';

export function introductionSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const a = new Asker('introductions', plan);
  const steps = newcomers(draft).flatMap((n) => a.each(n));
  const others = present(draft);
  if (others.length) {
    // At a circle's first meeting everyone is new to everyone.
    steps.push(a.one('others', { default: plan.last === undefined }, { count: others.length }));
    // Members' organisations are in members.yaml already.
    if (draft.answers['intro.others'] === true) steps.push(...others.flatMap((n) => a.each(n, {}, (q) => q.id !== FIELD.organization)));
  }
  return steps;
}
