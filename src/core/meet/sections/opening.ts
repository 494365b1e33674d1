// Welcome and attendance: who facilitates, who is here, who sent apologies, guests and newcomers.
import { activeMembers, tagName } from '../../members.js';
import { say } from '../../prompts.js';
import { nameProblem, showName } from '../../names.js';
import type { Member } from '../../schema.js';
import { everyone, namesOf, sameName, type Draft, type Value } from '../draft.js';
import { Asker, type MeetingPlan, type Step, type StepChoice } from '../step.js';

const choice = (m: Member, name = m.name): StepChoice => ({ name, value: m.name, also: [tagName(m)] });

/** Members as the meeting's date saw them: nobody who joined after it. */
function membersOn(plan: MeetingPlan): Member[] {
  return plan.members.filter((m) => !m.joined || m.joined <= plan.date);
}

/** The active members as the meeting knows them: who is expected, recorded in the minutes. */
export const expectedAt = (plan: MeetingPlan): string[] => activeMembers(membersOn(plan)).map((m) => m.name);

/** Active members who are not here (ticked or newcomers already added on a run that stopped): asked for their apology. */
export function absentees(plan: MeetingPlan, draft: Draft): string[] {
  if (!('attendance' in draft.answers)) return [];
  const here = everyone(draft);
  return expectedAt(plan).filter((n) => !here.some((p) => sameName(p, n)));
}

export function openingSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const a = new Asker('opening', plan);
  const members = membersOn(plan);
  const known = plan.members.map((m) => m.name);
  const notAMember = (v: Value) => {
    const list = namesOf(v);
    // A name members.yaml would refuse is refused here, before anything is saved.
    for (const n of list) {
      const problem = nameProblem(n, 'a member');
      if (problem) return `${showName(n)}: ${problem}`;
    }
    const clash = list.find((n) => known.some((k) => sameName(k, n)));
    if (clash) return `${clash} is already in members.yaml: tick them in attendance instead`;
    const twice = list.find((n, i) => list.findIndex((m) => sameName(m, n)) !== i);
    return twice ? `${twice} is listed twice` : true;
  };
  // Active members first, ticked; then former members, who may come back.
  const active = activeMembers(members);
  const former = members.filter((m) => !m.active);
  const choices = [...active.map((m) => choice(m)), ...former.map((m) => choice(m, say('opening', 'returning', { name: m.name })))];
  // Last time's facilitator, if still a member, is offered first.
  const lastFacilitator = plan.last?.facilitator && active.find((m) => sameName(m.name, plan.last!.facilitator!))?.name;
  return [
    a.one('facilitator', { choices: active.map((m) => choice(m)), ...(lastFacilitator && { default: lastFacilitator }) }),
    // A new circle's first meeting: nobody to tick, everyone joins as a newcomer.
    a.one('attendance', { choices, default: active.map((m) => m.name), ...(choices.length ? {} : { note: say('opening', 'nobody') }) }),
    ...absentees(plan, draft).map((name) => a.one('apology', {}, {}, name)),
    a.one('guests'),
    a.one('newcomers', { validate: notAMember }),
  ];
}
