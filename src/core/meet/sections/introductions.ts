// Introductions: at a circle's first meeting, everyone at length; later, newcomers always
// (typed tonight, or added to members.yaml ahead with a `joined` date since the last
// meeting) and the others when the facilitator says so.
import { newcomersSince } from '../../members.js';
import { FIELD } from '../../prompts.js';
import { everyone, newcomers, present, sameName, type Draft } from '../draft.js';
import { Asker, stepId, type MeetingPlan, type Step } from '../step.js';

/** Members ticked tonight who joined since the last meeting (added ahead): introduced like newcomers. */
export function joinedAhead(plan: MeetingPlan, draft: Draft): string[] {
  if (plan.last === undefined) return [];
  const fresh = newcomersSince(plan.members, plan.last);
  return present(draft).filter((n) => fresh.some((m) => sameName(m.name, n)));
}

export function introductionSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const a = new Asker('introductions', plan);
  // Members' organisations in members.yaml are offered to confirm.
  const organization = (name: string) => plan.members.find((m) => sameName(m.name, name))?.organization ?? '';
  const known = (s: Step, name: string) => (s.id === stepId('introductions', FIELD.organization, name) ? { ...s, default: organization(name) } : s);
  const atLength = (names: string[]) => names.flatMap((n) => a.each(n).map((s) => known(s, n)));
  // Everyone is new to everyone at a circle's first meeting.
  if (plan.last === undefined) return atLength(everyone(draft));
  const ahead = joinedAhead(plan, draft);
  const steps = [...newcomers(draft).flatMap((n) => a.each(n)), ...atLength(ahead)];
  const others = present(draft).filter((n) => !ahead.includes(n));
  if (others.length) {
    steps.push(a.one('others', { default: false }, { count: others.length }));
    // Members' organisations are in members.yaml already.
    if (draft.answers[stepId('introductions', 'others')] === true) steps.push(...others.flatMap((n) => a.each(n, {}, (q) => q.id !== FIELD.organization)));
  }
  return steps;
}
