// Introductions: at a circle's first meeting, everyone at length; later, newcomers always
// and the others when the facilitator says so.
import { FIELD } from '../../prompts.js';
import { everyone, newcomers, present, sameName, type Draft } from '../draft.js';
import { Asker, stepId, type MeetingPlan, type Step } from '../step.js';

export function introductionSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const a = new Asker('introductions', plan);
  if (plan.last === undefined) {
    // Everyone is new to everyone: members' organisations in members.yaml are offered to confirm.
    const organization = (name: string) => plan.members.find((m) => sameName(m.name, name))?.organization ?? '';
    const known = (s: Step, name: string) => (s.id === stepId('introductions', FIELD.organization, name) ? { ...s, default: organization(name) } : s);
    return everyone(draft).flatMap((n) => a.each(n).map((s) => known(s, n)));
  }
  const steps = newcomers(draft).flatMap((n) => a.each(n));
  const others = present(draft);
  if (others.length) {
    steps.push(a.one('others', { default: false }, { count: others.length }));
    // Members' organisations are in members.yaml already.
    if (draft.answers[stepId('introductions', 'others')] === true) steps.push(...others.flatMap((n) => a.each(n, {}, (q) => q.id !== FIELD.organization)));
  }
  return steps;
}
