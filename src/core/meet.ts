// A meeting as data. The circle, its members and the last meeting give a plan; the
// plan and the answers so far (the draft) give the ordered list of steps still to
// ask; a pure reducer applies one answer; the finished draft becomes the minutes.
// Nothing here prompts, reads the clock or touches the disk: time comes in as ISO text.
import * as z from 'zod';
import { activeMembers, nextMeetingDate, tagName } from './circle.js';
import { INTRODUCTION_FIELDS, NEXT_FIELDS } from './minutes.js';
import { nameKey } from './names.js';
import { addDays, isIsoDate } from './dates.js';
import { commitmentsFrom, topicIdeasFrom, type TopicIdea } from './meeting.js';
import { partFor, type Prompts } from './prompts.js';
import { CONTROL_CHARS, meetingSchema, type Circle, type Meeting, type Member } from './schema.js';
import { REPORT_FIELDS } from './summary.js';

export type Value = string | boolean | string[];

export type SectionId = 'opening' | 'introductions' | 'reflect' | 'learning' | 'next' | 'closing';
export const SECTION_ORDER: readonly SectionId[] = ['opening', 'introductions', 'reflect', 'learning', 'next', 'closing'];

export interface Choice {
  name: string;
  value: string;
}

export interface Step {
  /** Where the answer is kept in the draft and named in an answers file, e.g. `reflect.Ana Souza.tried`. */
  id: string;
  section: SectionId;
  member?: string;
  /** text: one line; list: several lines (one item each); select: one choice; checkbox: several. */
  kind: 'text' | 'confirm' | 'select' | 'checkbox' | 'list';
  question: string;
  /** Shown when the member's turn begins (or resumes), e.g. the commitment they came in with. */
  note?: string;
  default?: Value;
  choices?: Choice[];
  /** select: a typed answer that is not among the choices is accepted too. */
  other?: boolean;
  validate?: (value: Value) => true | string;
}

/** What does not change while the meeting runs. */
export interface MeetingPlan {
  circle: Circle;
  members: Member[];
  last: Meeting | undefined;
  prompts: Prompts;
  date: string;
}

export const draftSchema = z.object({
  date: z.string().refine(isIsoDate),
  /** When the meeting started (ISO date-time). */
  started: z.string(),
  answers: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])),
  /** When each answer was saved (ISO date-time): the section clocks are read from these. */
  at: z.record(z.string(), z.string()),
});
export type Draft = z.infer<typeof draftSchema>;

export function newDraft(date: string, now: string): Draft {
  return { date, started: now, answers: {}, at: {} };
}

export function planMeeting(circle: Circle, members: Member[], last: Meeting | undefined, prompts: Prompts, date: string): MeetingPlan {
  return { circle, members, last, prompts, date };
}

/**
 * Typed into any Reflect answer, `++` notes a speaker request by that member:
 * "Tried the new rota ++ volunteer burnout" keeps "Tried the new rota" and requests
 * a speaker on "volunteer burnout". Several may follow one another. The mark counts
 * only as a word of its own (at the start or after a space, and followed by one), so
 * "Notepad++" and "C++" stay as typed.
 */
export const REQUEST_MARK = '++';
const REQUEST_SPLIT = /(?:^|\s)\+\+\s+/;

export function splitRequests(answer: string): { text: string; requests: string[] } {
  const [text = '', ...requests] = answer.split(REQUEST_SPLIT).map((s) => s.trim());
  return { text, requests: requests.filter(Boolean) };
}

// ---- the steps ----------------------------------------------------------------

const REFLECT_KEYS = REPORT_FIELDS;
const NEXT_KEYS = NEXT_FIELDS;
/** Asked of a newcomer after their organisation. */
const INTRO_KEYS = INTRODUCTION_FIELDS.filter((k) => k !== 'organization');

const text = (a: Value | undefined): string => (typeof a === 'string' ? a.trim() : '');
const names = (a: Value | undefined): string[] => (Array.isArray(a) ? a.map((s) => s.trim()).filter(Boolean) : []);
const sameName = (a: string, b: string) => nameKey(a) === nameKey(b);

/**
 * The members ticked as present, as the draft keeps them. Never recomputed from
 * members.yaml: someone removed from it mid-meeting keeps the answers already given.
 */
function present(draft: Draft): string[] {
  const ticked = names(draft.answers.attendance);
  return ticked.filter((n, i) => ticked.findIndex((m) => sameName(m, n)) === i);
}

function newcomers(draft: Draft): string[] {
  return names(draft.answers.newcomers);
}

function openingSteps(plan: MeetingPlan): Step[] {
  const known = plan.members.map((m) => m.name);
  const notAMember = (v: Value) => {
    const list = names(v);
    const clash = list.find((n) => known.some((k) => sameName(k, n)));
    if (clash) return `${clash} is already in members.yaml: tick them in attendance instead`;
    const twice = list.find((n, i) => list.findIndex((m) => sameName(m, n)) !== i);
    return twice ? `${twice} is listed twice` : true;
  };
  // Active members first, ticked; then former members, who may come back.
  const active = activeMembers(plan.members);
  const former = plan.members.filter((m) => !m.active);
  const choices = [
    ...active.map((m) => ({ name: m.name, value: m.name })),
    ...former.map((m) => ({ name: `${m.name} (returning)`, value: m.name })),
  ];
  return [
    { id: 'facilitator', section: 'opening', kind: 'text', question: 'Who is facilitating today?' },
    {
      id: 'attendance',
      section: 'opening',
      kind: 'checkbox',
      question: 'Who is here? (space ticks, Enter goes on)',
      choices,
      default: active.map((m) => m.name),
      // A new circle's first meeting: nobody to tick, everyone joins as a newcomer.
      ...(choices.length ? {} : { note: 'Nobody is in members.yaml yet: list everyone present as a newcomer.' }),
    },
    { id: 'guests', section: 'opening', kind: 'list', question: 'Guests (visitors who are not joining)' },
    { id: 'newcomers', section: 'opening', kind: 'list', question: 'Newcomers joining the circle today', validate: notAMember },
  ];
}

function introductionSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const part = partFor(plan.prompts, plan.circle, 'introductions');
  const ask = (id: string) => part.questions.find((q) => q.id === id)?.ask ?? id;
  const perPerson = (name: string, withOrg: boolean): Step[] => [
    ...(withOrg ? [{ id: `intro.${name}.organization`, section: 'introductions', member: name, kind: 'text', question: 'Organisation' } as Step] : []),
    ...INTRO_KEYS.map((k): Step => ({ id: `intro.${name}.${k}`, section: 'introductions', member: name, kind: 'text', question: ask(k) })),
  ];
  const steps = newcomers(draft).flatMap((n) => perPerson(n, true));
  const others = present(draft);
  if (others.length) {
    steps.push({
      id: 'intro.others',
      section: 'introductions',
      kind: 'confirm',
      question: `Note introductions for the ${others.length} others too?`,
      // At a circle's first meeting everyone is new to everyone.
      default: plan.last === undefined,
    });
    if (draft.answers['intro.others'] === true) steps.push(...others.flatMap((n) => perPerson(n, false)));
  }
  return steps;
}

function reflectSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const part = partFor(plan.prompts, plan.circle, 'reflect');
  const commitments = commitmentsFrom(plan.last);
  const steps = present(draft).flatMap((name) => {
    const commitment = commitments.find((c) => sameName(c.member, name))?.commitment;
    const note = commitment ? `Last time ${name} meant to: ${commitment}` : `${name} made no commitment last time.`;
    const questions = part.questions
      .filter((q) => (REFLECT_KEYS as readonly string[]).includes(q.id))
      .map((q): Step => ({ id: `reflect.${name}.${q.id}`, section: 'reflect', member: name, kind: 'text', question: q.ask, note }));
    const trust: Step = {
      id: `reflect.${name}.private`,
      section: 'reflect',
      member: name,
      kind: 'confirm',
      question: `Keep what ${tagName({ name })} shared in confidence (off agendas and public minutes)?`,
      default: false,
      note,
    };
    return [...questions, trust];
  });
  steps.push({ id: 'reflect.requests', section: 'reflect', kind: 'list', question: 'Any other topics the group wants a speaker on?' });
  return steps;
}

function learningSteps(plan: MeetingPlan): Step[] {
  const part = partFor(plan.prompts, plan.circle, 'learning');
  const ask = (id: string, fallback: string) => part.questions.find((q) => q.id === id)?.ask ?? fallback;
  const chosen = plan.last?.next;
  return [
    {
      id: 'learning.format',
      section: 'learning',
      kind: 'select',
      question: 'A speaker or a dialogue?',
      choices: [
        { name: 'a speaker', value: 'speaker' },
        { name: 'a facilitated dialogue', value: 'dialogue' },
      ],
      default: chosen?.speaker ? 'speaker' : 'dialogue',
    },
    { id: 'learning.topic', section: 'learning', kind: 'text', question: 'Topic', default: chosen?.topic ?? '' },
    { id: 'learning.speaker', section: 'learning', kind: 'text', question: 'Speaker (or who led the dialogue)', default: chosen?.speaker ?? '' },
    { id: 'learning.notes', section: 'learning', kind: 'text', question: ask('notes', 'Notes') },
    { id: 'learning.questions', section: 'learning', kind: 'list', question: ask('questions', 'Questions raised') },
  ];
}

function nextSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const part = partFor(plan.prompts, plan.circle, 'next');
  const people = [...present(draft), ...newcomers(draft)];
  const perMember = people.flatMap((name) =>
    part.questions
      .filter((q) => (NEXT_KEYS as readonly string[]).includes(q.id))
      .map((q): Step => ({ id: `next.${name}.${q.id}`, section: 'next', member: name, kind: 'text', question: q.ask })),
  );
  const scheduled = nextMeetingDate(plan.circle, undefined, addDays(plan.date, 1)) ?? '';
  return [
    ...perMember,
    {
      id: 'next.topic',
      section: 'next',
      kind: 'select',
      other: true,
      question: 'Topic for next time',
      choices: topicIdeas(plan, draft).map((idea) => ({ name: ideaLabel(idea), value: idea.topic })),
    },
    { id: 'next.speaker', section: 'next', kind: 'text', question: 'Speaker for next time, if known' },
    {
      id: 'next.date',
      section: 'next',
      kind: 'text',
      question: 'Date of the next meeting',
      default: scheduled,
      validate: (v) =>
        typeof v !== 'string' || !v.trim() || (isIsoDate(v.trim()) && v.trim() > plan.date) ? true : `a date after ${plan.date}, as YYYY-MM-DD`,
    },
  ];
}

function ideaLabel(idea: TopicIdea): string {
  return idea.by.length ? `${idea.topic} (${idea.by.map((b) => b.split(/\s+/)[0]).join(', ')})` : idea.topic;
}

/** Ideas for the next topic: tonight's requests and wishes first, then those left over from last time. */
export function topicIdeas(plan: MeetingPlan, draft: Draft): TopicIdea[] {
  const done = text(draft.answers['learning.topic']).toLowerCase();
  const seen = new Set<string>();
  const tonight = meetingSchema.safeParse(toMinutes(plan, draft));
  return [...topicIdeasFrom(tonight.success ? tonight.data : undefined), ...topicIdeasFrom(plan.last)].filter((idea) => {
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
    ...nextSteps(plan, draft),
    { id: 'notes', section: 'closing', kind: 'text', question: 'Anything else for the minutes (food rota, news)?' },
  ];
}

/** The first step not yet answered; undefined when the meeting is done. Resuming is just this. */
export function nextStep(plan: MeetingPlan, draft: Draft): Step | undefined {
  return steps(plan, draft).find((s) => !(s.id in draft.answers));
}

// ---- answers ------------------------------------------------------------------

export type Checked = { ok: true; value: Value } | { ok: false; error: string };

/** Typed or pasted text without control characters (which the minutes may not hold). */
const clean = (s: string) => s.replace(CONTROL_CHARS, '').trim();

/** A raw answer (typed, or read from YAML) as the value a step keeps; absent takes the default. */
export function coerce(step: Step, raw: unknown): Checked {
  const fail = (error: string): Checked => ({ ok: false, error });
  let value: Value;
  if (raw === undefined || raw === null) {
    value = step.default ?? (step.kind === 'confirm' ? false : step.kind === 'list' || step.kind === 'checkbox' ? [] : '');
  } else if (step.kind === 'confirm') {
    if (typeof raw === 'boolean') value = raw;
    else if (typeof raw === 'string' && /^(y|yes|true)$/i.test(raw.trim())) value = true;
    else if (typeof raw === 'string' && /^(n|no|false)$/i.test(raw.trim())) value = false;
    else return fail('expected yes or no');
  } else if (step.kind === 'list' || step.kind === 'checkbox') {
    const items = Array.isArray(raw) ? raw : [raw];
    if (!items.every((i) => typeof i === 'string' || typeof i === 'number')) return fail('expected a list of text');
    value = items.map((i) => clean(String(i))).filter(Boolean);
  } else {
    if (typeof raw !== 'string' && typeof raw !== 'number') return fail('expected text');
    value = clean(String(raw));
  }
  if (step.kind === 'checkbox') {
    const choices = step.choices ?? [];
    const picked = new Set<string>();
    for (const v of value as string[]) {
      // A full name, or a first name that only one choice has.
      const byFirst = choices.filter((c) => sameName(tagName({ name: c.value }), v));
      const hit = choices.find((c) => sameName(c.value, v)) ?? (byFirst.length === 1 ? byFirst[0] : undefined);
      if (!hit) return fail(choices.length ? `"${v}" is not one of: ${choices.map((c) => c.value).join(', ')}` : `"${v}": there is nobody to choose`);
      picked.add(hit.value);
    }
    // In the order of the choices, each once.
    value = choices.map((c) => c.value).filter((v) => picked.has(v));
  }
  if (step.kind === 'select' && !step.other && !(step.choices ?? []).some((c) => c.value === value)) {
    return fail(`expected one of: ${(step.choices ?? []).map((c) => c.value).join(', ')}`);
  }
  const verdict = step.validate?.(value) ?? true;
  return verdict === true ? { ok: true, value } : fail(verdict);
}

/** The reducer: the draft with one more answer. Throws on a step that is not asked now or a bad value. */
export function answer(plan: MeetingPlan, draft: Draft, stepId: string, raw: unknown, at: string, all = steps(plan, draft)): Draft {
  const step = all.find((s) => s.id === stepId);
  if (!step) throw new Error(`no step "${stepId}" in this meeting`);
  const checked = coerce(step, raw);
  if (!checked.ok) throw new Error(`${stepId}: ${checked.error}`);
  return { ...draft, answers: { ...draft.answers, [stepId]: checked.value }, at: { ...draft.at, [stepId]: at } };
}

// ---- the clock ----------------------------------------------------------------

export interface SectionStatus {
  id: SectionId;
  title: string;
  about?: string;
  /** Minutes since the section began. */
  used: number;
  /** Minutes the circle's format gives it, if any. */
  planned?: number;
}

const TITLES: Record<SectionId, string> = {
  opening: 'Welcome and attendance',
  introductions: 'Introductions',
  reflect: 'Time to Reflect',
  learning: 'Learning Together',
  next: "What's Next?",
  closing: 'Before we close',
};

/** Where a section stands: it began when the last answer of an earlier section was saved. */
export function sectionStatus(plan: MeetingPlan, draft: Draft, section: SectionId, now: string, all = steps(plan, draft)): SectionStatus {
  const format = plan.circle.format.sections.find((s) => s.id === section);
  const part = section in plan.prompts ? plan.prompts[section as keyof Prompts] : undefined;
  const rank = SECTION_ORDER.indexOf(section);
  const earlier = all.filter((s) => SECTION_ORDER.indexOf(s.section) < rank && draft.at[s.id]);
  const began = earlier.map((s) => draft.at[s.id]!).sort().at(-1) ?? draft.started;
  const used = Math.max(0, Math.floor((Date.parse(now) - Date.parse(began)) / 60_000));
  return {
    id: section,
    title: format?.title ?? part?.title ?? TITLES[section],
    ...(part?.about ? { about: part.about } : {}),
    used: Number.isFinite(used) ? used : 0,
    ...(format ? { planned: format.minutes } : {}),
  };
}

// ---- the minutes --------------------------------------------------------------

/** Text answers as optional fields: empty answers are left out of the minutes. */
function fields(draft: Draft, prefix: string, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, text(draft.answers[`${prefix}.${k}`])]).filter(([, v]) => v));
}

/** The minutes as written to meetings/DATE.yaml: only what was said, in the file's order. */
export type Minutes = z.input<typeof meetingSchema>;

/**
 * The minutes from the answers so far (the reflect entry's `commitment` is last time's
 * "will practice"). Speaker requests typed after `++` in Reflect answers move to `requests`.
 */
export function toMinutes(plan: MeetingPlan, draft: Draft): Minutes {
  const attendees = present(draft);
  const commitments = commitmentsFrom(plan.last);
  const requests: { topic: string; by?: string; private?: boolean }[] = [];

  const reflections = attendees.map((name) => {
    const answers = fields(draft, `reflect.${name}`, REFLECT_KEYS);
    const inConfidence = draft.answers[`reflect.${name}.private`] === true;
    const trust = inConfidence ? { private: true } : {};
    for (const [k, v] of Object.entries(answers)) {
      const split = splitRequests(v);
      for (const topic of split.requests) requests.push({ topic, by: name, ...trust });
      if (split.text) answers[k] = split.text;
      else delete answers[k];
    }
    const commitment = commitments.find((c) => sameName(c.member, name))?.commitment;
    return { member: name, ...(commitment ? { commitment } : {}), ...answers, ...trust };
  });
  for (const topic of names(draft.answers['reflect.requests'])) requests.push({ topic });

  const introduced = [...newcomers(draft), ...(draft.answers['intro.others'] === true ? attendees : [])];
  const introductions = introduced
    .map((name) => ({ member: name, ...fields(draft, `intro.${name}`, INTRODUCTION_FIELDS) }))
    .filter((i) => Object.keys(i).length > 1 || newcomers(draft).includes(i.member));

  const learning = {
    ...fields(draft, 'learning', ['format', 'topic', 'speaker', 'notes']),
    questions: names(draft.answers['learning.questions']),
  };
  const facilitator = text(draft.answers.facilitator);
  const notes = text(draft.answers.notes);
  return {
    date: plan.date,
    number: (plan.last?.number ?? 0) + 1,
    ...(facilitator ? { facilitator } : {}),
    attendance: { present: [...attendees, ...newcomers(draft)], guests: names(draft.answers.guests) },
    introductions,
    reflect: { members: reflections, requests },
    learning,
    next: {
      members: [...attendees, ...newcomers(draft)].map((name) => ({ member: name, ...fields(draft, `next.${name}`, NEXT_KEYS) })),
      ...fields(draft, 'next', ['topic', 'speaker', 'date']),
    },
    ...(notes ? { notes } : {}),
  };
}

export interface RollChanges {
  /** Newcomers to add, with what their introduction told us. */
  joining: Array<Pick<Member, 'name'> & Partial<Member>>;
  /** Former members who came back, to be marked active again: their place in members.yaml and name. */
  returning: Array<{ index: number; name: string }>;
}

/**
 * What members.yaml needs once the minutes are written, given the members it holds
 * now (it may have been edited while the meeting ran): newcomers not yet in it are
 * added, and anyone present who is marked inactive is active again.
 */
export function rollChanges(members: readonly Member[], plan: MeetingPlan, draft: Draft): RollChanges {
  const known = (name: string) => members.some((m) => sameName(m.name, name));
  const joining = newcomers(draft)
    .filter((name) => !known(name))
    .map((name) => {
      const about = fields(draft, `intro.${name}`, ['organization', 'vision']);
      return { name, tag: tagName({ name }), ...about, joined: plan.date, active: true };
    });
  const here = present(draft);
  const isBack = (m: Member) => !m.active && here.some((n) => sameName(n, m.name));
  const returning = members.flatMap((m, index) => (isBack(m) ? [{ index, name: m.name }] : []));
  return { joining, returning };
}

// ---- running it -----------------------------------------------------------------

/** Asks one step and gives back the raw answer. Interactive, answers-file and test prompters implement it. */
export interface Prompter {
  ask(step: Step, status: SectionStatus): Promise<unknown>;
}

export interface RunEffects {
  prompter: Prompter;
  /** Called after each answer with the new draft; the answer counts as kept once this resolves. */
  save(draft: Draft, step: Step): Promise<void>;
  /** The time now, ISO. */
  now(): string;
}

/** Ask every step not yet answered, in order, saving after each answer. */
export async function runMeeting(plan: MeetingPlan, draft: Draft, fx: RunEffects): Promise<Draft> {
  // The step list is worked out once per answer and shared by the three uses below.
  for (;;) {
    const all = steps(plan, draft);
    const step = all.find((s) => !(s.id in draft.answers));
    if (!step) return draft;
    const raw = await fx.prompter.ask(step, sectionStatus(plan, draft, step.section, fx.now(), all));
    draft = answer(plan, draft, step.id, raw, fx.now(), all);
    await fx.save(draft, step);
  }
}
