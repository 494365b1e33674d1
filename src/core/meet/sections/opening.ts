// Welcome and attendance: who facilitates, who is here, who sent apologies, guests and newcomers.
import { findMember, tagName } from '../../members.js';
import { guestName } from '../../nametags.js';
import { say } from '../../prompts.js';
import { nameProblem, showName } from '../../names.js';
import type { Member } from '../../schema.js';
import { everyone, namesOf, present, sameName, type Draft, type Value } from '../draft.js';
import { Asker, perPlan, type MeetingPlan, type Step, type StepChoice } from '../step.js';

const choice = (m: Member, name = m.name): StepChoice => ({ name, value: m.name, also: [tagName(m)] });

/** Members as the meeting's date saw them: nobody who joined after it. */
function membersOn(plan: MeetingPlan): Member[] {
  return plan.members.filter((m) => !m.joined || m.joined <= plan.date);
}

/** The active members as the meeting knows them: who is expected, recorded in the minutes. */
export const expectedAt = (plan: MeetingPlan): string[] => membersOn(plan).filter((m) => m.active).map((m) => m.name);

/** Active members who are not here (ticked or newcomers already added on a run that stopped): asked for their apology. */
export function absentees(plan: MeetingPlan, draft: Draft): string[] {
  if (!('attendance' in draft.answers)) return [];
  const here = everyone(draft);
  return expectedAt(plan).filter((n) => !here.some((p) => sameName(p, n)));
}

/**
 * Who may facilitate: those circle.yaml remembers (members or not) and last time's
 * facilitator first, then the other active members; last time's facilitator is the default.
 */
function facilitatorChoices(plan: MeetingPlan, active: readonly Member[]): Partial<Step> {
  const last = plan.last?.facilitator;
  const remembered: string[] = [];
  for (const n of [...plan.circle.facilitators, ...(last ? [last] : [])]) if (!remembered.some((r) => sameName(r, n))) remembered.push(n);
  const member = (n: string) => plan.members.find((m) => sameName(m.name, n));
  const choices = [
    ...remembered.map((n) => (member(n) ? choice(member(n)!) : { name: n, value: n })),
    ...active.filter((m) => !remembered.some((r) => sameName(r, m.name))).map((m) => choice(m)),
  ];
  const then = last && choices.find((c) => sameName(c.value, last));
  return { choices, ...(then && { default: then.value }) };
}

/** The speaker the last meeting expects tonight, when not a member (a member is ticked in attendance). */
const expectedSpeaker = perPlan((plan): string | undefined => {
  const speaker = plan.last?.next?.speaker?.trim();
  if (!speaker) return undefined;
  const found = findMember(plan.members, guestName(speaker).name);
  return found.found && found.by !== 'start' ? undefined : speaker;
});

/** The guests of the meeting: the expected speaker when the facilitator said they came, then those typed. */
export function guestsOf(plan: MeetingPlan, draft: Draft): string[] {
  const typed = namesOf(draft.answers.guests);
  const speaker = draft.answers.speaker_here === true ? expectedSpeaker(plan) : undefined;
  return speaker && !typed.some((g) => sameName(g, speaker)) ? [speaker, ...typed] : typed;
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
  // A member ticked as here is not a guest too.
  const notTicked = (v: Value) => {
    const ticked = namesOf(v).find((g) => present(draft).some((p) => sameName(p, guestName(g).name)));
    return ticked ? say('opening', 'guest_ticked', { name: ticked }) : true;
  };
  const speaker = expectedSpeaker(plan);
  // Active members first, ticked; then former members, who may come back.
  const active = members.filter((m) => m.active);
  const former = members.filter((m) => !m.active);
  const choices = [...active.map((m) => choice(m)), ...former.map((m) => choice(m, say('opening', 'returning', { name: m.name })))];
  return [
    a.one('facilitator', facilitatorChoices(plan, active)),
    // A new circle's first meeting: nobody to tick, everyone joins as a newcomer.
    a.one('attendance', { choices, default: active.map((m) => m.name), ...(choices.length ? {} : { note: say('opening', 'nobody') }) }),
    ...absentees(plan, draft).map((name) => a.one('apology', {}, {}, name)),
    ...(speaker ? [a.one('speaker_here', { default: true }, { speaker })] : []),
    a.one('guests', { note: say('opening', 'guest_organization'), validate: notTicked }),
    a.one('newcomers', { validate: notAMember }),
  ];
}
