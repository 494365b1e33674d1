// The finished meeting: the minutes as written to meetings/DATE.yaml, and the changes
// members.yaml needs (newcomers join, former members who came are active again).
import type * as z from 'zod';
import { tagName } from '../members.js';
import { FIELD, memberFields, type SectionId } from '../prompts.js';
import type { meetingSchema, Member } from '../schema.js';
import { everyone, inConfidence, namesOf, newcomers, present, sameName, textOf, type Draft } from './draft.js';
import { formatAgreed } from './sections/format.js';
import { rulesAgreed } from './sections/ground-rules.js';
import { purposeAgreed } from './sections/purpose.js';
import { splitRequests } from './requests.js';
import { absentees, expectedAt, guestsOf } from './sections/opening.js';
import { joinedAhead } from './sections/introductions.js';
import { verdictMinutes } from './sections/verdict.js';
import { droppedCommitment, openCommitment } from './sections/reflect.js';
import { stepId, type MeetingSection, type MeetingPlan } from './step.js';
import { agreementsDiscussed, baseOf, isFirst } from './steps.js';

/** The minutes as written to meetings/DATE.yaml: only what was said, in the file's order. */
export type MeetingFile = z.input<typeof meetingSchema>;

/** Text answers under `prefix` as fields: empty answers are left out of the minutes. */
function fields(draft: Draft, section: MeetingSection, member: string | undefined, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, textOf(draft.answers[stepId(section, k, member)])]).filter(([, v]) => v));
}
const memberAnswers = (draft: Draft, section: MeetingSection & SectionId, member: string) => fields(draft, section, member, memberFields(section));

/**
 * The minutes from the answers so far (the reflect entry's `commitment` is the one the
 * member came in with). Speaker requests typed after `++` in Reflect and What's Next answers
 * move to `reflect.requests` (at a first meeting too, which has no Reflect of its own).
 */
export function toMinutes(plan: MeetingPlan, draft: Draft): MeetingFile {
  const attendees = present(draft);
  const requests: { topic: string; by?: string; private?: boolean }[] = [];

  /**
   * A person's answers with the `++ topic` requests in them moved to `requests`, and the
   * answers marked as kept in confidence listed (a request raised in one is kept in confidence too).
   */
  const asking = (section: 'reflect' | 'next', name: string, trust: { private?: true }) => {
    const answers: Record<string, string | string[]> = memberAnswers(draft, section, name);
    const confided: string[] = [];
    for (const [k, v] of Object.entries(answers)) {
      const secret = inConfidence(draft, stepId(section, k, name));
      const split = splitRequests(v as string);
      for (const topic of split.requests) requests.push({ topic, by: name, ...(secret ? { private: true } : trust) });
      if (split.text) answers[k] = split.text;
      else delete answers[k];
      if (secret && split.text && !trust.private) confided.push(k);
    }
    return confided.length ? { ...answers, in_confidence: confided } : answers;
  };
  const reflections = attendees.map((name) => {
    const trust = draft.answers[stepId('reflect', 'private', name)] === true ? { private: true as const } : {};
    const answers = asking('reflect', name, trust);
    const commitment = openCommitment(plan, name)?.text;
    const dropped = droppedCommitment(draft, name) ? { dropped: true } : {};
    return { member: name, ...(commitment ? { commitment } : {}), ...answers, ...dropped, ...trust };
  });
  for (const topic of namesOf(draft.answers[stepId('reflect', 'requests')])) requests.push({ topic });
  const whatsNext = everyone(draft).map((name) => ({ member: name, ...asking('next', name, {}) }));

  const fresh = [...newcomers(draft), ...joinedAhead(plan, draft)];
  const introduced = isFirst(plan)
    ? everyone(draft)
    : [...fresh, ...(draft.answers[stepId('introductions', 'others')] === true ? attendees.filter((n) => !fresh.includes(n)) : [])];
  const introductions = introduced
    .map((name) => ({ member: name, ...memberAnswers(draft, 'introductions', name) }))
    .filter((i) => Object.keys(i).length > 1 || fresh.includes(i.member));

  const learning = {
    ...fields(draft, 'learning', undefined, ['format', 'topic', 'speaker', 'notes']),
    questions: namesOf(draft.answers[stepId('learning', 'questions')]),
    answered: namesOf(draft.answers[stepId('learning', 'answered')]),
  };
  const facilitator = textOf(draft.answers[stepId('opening', 'facilitator')]);
  const notes = textOf(draft.answers[stepId('closing', 'notes')]);
  const talk = agreementsDiscussed(plan, draft);
  const base = baseOf(plan, draft);
  const { outcomes, verdict } = verdictMinutes(plan, draft);
  const absent = absentees(plan, draft).map((member) => ({ member, ...fields(draft, 'opening', member, ['apology']) }));
  return {
    date: plan.date,
    number: plan.number,
    ...(plan.circle.language && plan.circle.language !== 'en' && { language: plan.circle.language }),
    ...(facilitator ? { facilitator } : {}),
    attendance: { present: everyone(draft), guests: guestsOf(plan, draft), absent, expected: expectedAt(plan) },
    introductions,
    ...(talk.includes('purpose') && { purpose: purposeAgreed(base, draft, isFirst(plan)) }),
    ...(talk.includes('ground_rules') && { ground_rules: rulesAgreed(base, draft) }),
    ...(talk.includes('format') && { format: formatAgreed(plan, base, draft) }),
    ...(isFirst(plan)
      ? requests.length > 0 && { reflect: { members: [], requests } }
      : { reflect: { members: reflections, requests }, learning }),
    next: {
      members: whatsNext,
      ...fields(draft, 'next', undefined, ['topic', 'speaker', 'date', 'notes']),
      ...(outcomes && { outcomes }),
    },
    ...(verdict && { verdict }),
    ...(notes ? { notes } : {}),
  };
}

/** What someone's introduction tonight says of them, for members.yaml. */
const introduced = (draft: Draft, name: string) => fields(draft, 'introductions', name, [FIELD.organization, FIELD.vision]);

/**
 * What members.yaml needs once the minutes are written, given the members it holds
 * now (it may have been edited while the meeting ran): newcomers not yet in it are
 * added (`joining`), anyone present who is marked inactive is active again (`returning`,
 * by their place in the file), and the vision (and organisation) anyone gave in their
 * introduction is kept with them (`updated`).
 */
export function rollChanges(members: readonly Member[], plan: MeetingPlan, draft: Draft) {
  const known = (name: string) => members.some((m) => sameName(m.name, name));
  const joining = newcomers(draft)
    .filter((name) => !known(name))
    .map((name) => ({ name, tag: tagName({ name }), ...introduced(draft, name), joined: plan.date, active: true }));
  const here = everyone(draft);
  const isBack = (m: Member) => !m.active && here.some((n) => sameName(n, m.name));
  const returning = members.flatMap((m, index) => (isBack(m) ? [{ index, name: m.name }] : []));
  const updated = members.flatMap((m, index) => {
    const name = here.find((n) => sameName(n, m.name));
    const said = name === undefined ? {} : introduced(draft, name);
    const set = Object.fromEntries(Object.entries(said).filter(([k, v]) => String(m[k as keyof Member] ?? '').trim() !== v));
    return Object.keys(set).length ? [{ index, name: m.name, set }] : [];
  });
  return { joining, returning, updated };
}
export type RollChanges = ReturnType<typeof rollChanges>;
