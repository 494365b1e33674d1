// The meeting as an ordered list of steps, worked out from the plan (what does not change
// while the meeting runs) and the answers so far. The words come from
// templates/prompts.yaml (in the circle's own wording); what each step does with them
// (who is asked, defaults, choices, checks) is here.
import { isIsoDate } from '../dates.js';
import { activeMembers, tagName } from '../members.js';
import { commitmentsFrom, mergeIdeas, topicIdeasFrom, type Asked, type TopicIdea } from '../meeting.js';
import { FIELD, fill, partFor, say, type Part, type PartId, type Question, type QuestionKind } from '../prompts.js';
import { scheduledAfter } from '../schedule.js';
import type { Circle, Meeting, Member } from '../schema.js';
import { everyone, namesOf, newcomers, present, sameName, textOf, type Draft, type Value } from './draft.js';
import { splitRequests } from './requests.js';

/** What does not change while the meeting runs. */
export interface MeetingPlan {
  circle: Circle;
  members: Member[];
  last: Meeting | undefined;
  date: string;
}

/** The parts of a meeting, in the order they are asked. */
export const MEETING_PARTS = ['opening', 'introductions', 'reflect', 'learning', 'next', 'closing'] as const satisfies readonly PartId[];
export type MeetingPart = (typeof MEETING_PARTS)[number];

export interface StepChoice {
  name: string;
  value: string;
  /** Other names an answers file may use for it, e.g. a member's name tag. */
  also?: string[];
}

export interface Step {
  /** Where the answer is kept in the draft and named in an answers file, e.g. `reflect.Ana Souza.tried`. */
  id: string;
  section: MeetingPart;
  member?: string;
  kind: QuestionKind;
  question: string;
  /** Shown when the member's turn begins (or resumes), e.g. the commitment they came in with. */
  note?: string;
  default?: Value;
  choices?: StepChoice[];
  /** select: the choice that lets the facilitator type another answer (its label). */
  other?: string;
  validate?: (value: Value) => true | string;
}

/** How a part's answers are named in the draft: `intro.NAME.vision`, `reflect.requests`, `facilitator`. */
const PREFIX: Record<MeetingPart, string> = { opening: '', introductions: 'intro', reflect: 'reflect', learning: 'learning', next: 'next', closing: '' };

export function stepId(part: MeetingPart, question: string, member?: string): string {
  return [PREFIX[part], member, question].filter(Boolean).join('.');
}

/** A part's questions in the circle's words, made into steps. */
class Asker {
  readonly words: Part;
  constructor(
    readonly part: MeetingPart,
    readonly plan: MeetingPlan,
  ) {
    this.words = partFor(plan.circle, part);
  }

  step(q: Question, extra: Partial<Step> = {}, member?: string, values: Record<string, string | number> = {}): Step {
    return {
      id: stepId(this.part, q.id, member),
      section: this.part,
      ...(member && { member }),
      kind: q.kind ?? 'text',
      question: fill(q.ask, { ...(member && { name: member, tag: tagOf(this.plan, member) }), ...values }),
      ...(q.choices && { choices: Object.entries(q.choices).map(([value, name]) => ({ name, value })) }),
      ...(q.other && { other: q.other }),
      ...extra,
    };
  }

  /** The question asked once, by id. */
  one(id: string, extra: Partial<Step> = {}, values: Record<string, string | number> = {}): Step {
    const q = this.words.questions.find((x) => x.id === id);
    if (!q) throw new Error(`templates/prompts.yaml: ${this.part} has no question "${id}"`);
    return this.step(q, extra, undefined, values);
  }

  /** The questions asked of each person, for `member`. */
  each(member: string, extra: Partial<Step> = {}, keep: (q: Question) => boolean = () => true): Step[] {
    return this.words.questions.filter((q) => q.each && keep(q)).map((q) => this.step(q, extra, member));
  }
}

function openingSteps(plan: MeetingPlan): Step[] {
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

function introductionSteps(plan: MeetingPlan, draft: Draft): Step[] {
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

function reflectSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const a = new Asker('reflect', plan);
  const commitments = commitmentsFrom(plan.last);
  const steps = present(draft).flatMap((name) => {
    const commitment = commitments.find((c) => sameName(c.member, name))?.commitment;
    const note = commitment ? say('reflect', 'commitment', { name, commitment }) : say('reflect', 'no_commitment', { name });
    return a.each(name, { note });
  });
  steps.push(a.one('requests'));
  return steps;
}

function learningSteps(plan: MeetingPlan): Step[] {
  const a = new Asker('learning', plan);
  const chosen = plan.last?.next;
  return [
    a.one('format', { default: chosen?.speaker ? 'speaker' : 'dialogue' }),
    a.one('topic', { default: chosen?.topic ?? '' }),
    a.one('speaker', { default: chosen?.speaker ?? '' }),
    a.one('notes'),
    a.one('questions'),
  ];
}

function whatsNextSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const a = new Asker('next', plan);
  const scheduled = scheduledAfter(plan.circle, plan.date) ?? '';
  const laterDate = (v: Value) =>
    typeof v !== 'string' || !v.trim() || (isIsoDate(v.trim()) && v.trim() > plan.date) ? true : `a date after ${plan.date}, as YYYY-MM-DD`;
  return [
    ...everyone(draft).flatMap((name) => a.each(name)),
    a.one('topic', { choices: topicIdeas(plan, draft).map((idea) => ({ name: ideaLabel(plan, idea), value: idea.topic })) }),
    a.one('speaker'),
    a.one('date', { default: scheduled, validate: laterDate }),
  ];
}

function closingSteps(plan: MeetingPlan): Step[] {
  return [new Asker('closing', plan).one('notes')];
}

/** How a person is addressed: their name tag (members.yaml), else their first name. */
function tagOf(plan: MeetingPlan, name: string): string {
  return tagName(plan.members.find((m) => sameName(m.name, name)) ?? { name });
}

function ideaLabel(plan: MeetingPlan, idea: TopicIdea): string {
  return idea.by.length ? `${idea.topic} (${idea.by.map((b) => tagOf(plan, b)).join(', ')})` : idea.topic;
}

/** Tonight's speaker requests and "want to learn" answers, from the draft. */
function askedTonight(plan: MeetingPlan, draft: Draft): Asked[] {
  const asked: Asked[] = [];
  for (const name of present(draft)) {
    for (const q of partFor(plan.circle, 'reflect').questions) {
      for (const topic of splitRequests(textOf(draft.answers[stepId('reflect', q.id, name)])).requests) asked.push({ topic, by: name, source: 'request' });
    }
  }
  for (const topic of namesOf(draft.answers[stepId('reflect', 'requests')])) asked.push({ topic, source: 'request' });
  for (const name of everyone(draft)) asked.push({ topic: textOf(draft.answers[stepId('next', FIELD.wish, name)]), by: name, source: 'wants_to_learn' });
  return asked;
}

/** Ideas for the next topic: tonight's requests and wishes first, then those left over from last time. */
export function topicIdeas(plan: MeetingPlan, draft: Draft): TopicIdea[] {
  const done = textOf(draft.answers[stepId('learning', 'topic')]).toLowerCase();
  const seen = new Set<string>();
  return [...mergeIdeas(askedTonight(plan, draft)), ...topicIdeasFrom(plan.last)].filter((idea) => {
    const key = idea.topic.toLowerCase();
    if (key === done || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every step of the meeting as far as the answers so far decide it, in order. */
export function steps(plan: MeetingPlan, draft: Draft): Step[] {
  return [
    ...openingSteps(plan),
    ...introductionSteps(plan, draft),
    ...reflectSteps(plan, draft),
    ...learningSteps(plan),
    ...whatsNextSteps(plan, draft),
    ...closingSteps(plan),
  ];
}

/** The first step not yet answered; undefined when the meeting is done. Resuming is just this. */
export function pendingStep(all: readonly Step[], draft: Draft): Step | undefined {
  return all.find((s) => !(s.id in draft.answers));
}
