// Welcome and attendance: who facilitates, who is here, guests and newcomers.
import { activeMembers, tagName } from '../../members.js';
import { say } from '../../prompts.js';
import { namesOf, sameName, type Value } from '../draft.js';
import { Asker, type MeetingPlan, type Step } from '../step.js';

export function openingSteps(plan: MeetingPlan): Step[] {
  const a = new Asker('opening', plan);
  const known = plan.members.map((m) => m.name);
  const notAMember = (v: Value) => {
    const list = namesOf(v);
    const clash = list.find((n) => known.some((k) => sameName(k, n)));
    if (clash) return `${clash} is already in members.yaml: tick them in attendance instead`;
    const twice = list.find((n, i) => list.findIndex((m) => sameName(m, n)) !== i);
    return twice ? `${twice} is listed twice` : true;
  };
  // Active members first, ticked; then former members, who may come back.
  const active = activeMembers(plan.members);
  const former = plan.members.filter((m) => !m.active);
  const choices = [
    ...active.map((m) => ({ name: m.name, value: m.name, also: [tagName(m)] })),
    ...former.map((m) => ({ name: say('opening', 'returning', { name: m.name }), value: m.name, also: [tagName(m)] })),
  ];
  return [
    a.one('facilitator'),
    // A new circle's first meeting: nobody to tick, everyone joins as a newcomer.
    a.one('attendance', { choices, default: active.map((m) => m.name), ...(choices.length ? {} : { note: say('opening', 'nobody') }) }),
    a.one('guests'),
    a.one('newcomers', { validate: notAMember }),
  ];
}
