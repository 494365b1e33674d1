// The room view: what the page on the wall shows of the meeting (`circle meet --room`) or of
// the next agenda (`circle agenda --room`). Built by allow-list: each field below is taken on
// purpose from the plan and the draft, so what is not named here (any member's answers, apologies,
// what is kept in confidence) cannot reach the page. Pure: the time comes in as ISO text.
import type { Agenda } from './agenda.js';
import { isIsoDate } from './dates.js';
import { longDate } from './words.js';
import { backlogByDemand, topicKey } from './memory.js';
import { FIELD, memberFields } from './prompts.js';
import { minutesBetween, sectionTitle, plannedFor, sectionBegan, sectionStatus } from './meet/clock.js';
import { everyone, inConfidence, namesOf, present, sameName, textOf, type Draft } from './meet/draft.js';
import { splitRequests } from './meet/requests.js';
import { MEETING_SECTIONS, stepId, tagOf, type MeetingSection, type MeetingPlan, type Step } from './meet/step.js';
import { agreementsDiscussed, baseOf, isFirst, pendingStep, steps } from './meet/steps.js';

export interface RoomView {
  /** agenda: before the meeting; live: a question is being asked; review: every answer is in; paused: interrupted; over: recorded. */
  state: 'agenda' | 'live' | 'review' | 'paused' | 'over';
  circle: string;
  number: number;
  /** The meeting's date, written out. */
  date: string;
  /** The sections of the meeting in order: those before the current one are done. */
  sections: Array<{ title: string; state: 'done' | 'now' | 'later'; start?: string; end?: string }>;
  /** The agenda: when and where. */
  when?: { start: string; end: string; place?: string };
  clock?: { section: ReturnType<typeof clockOf>; meeting: ReturnType<typeof clockOf> };
  /** The question being asked, as the group hears it. */
  question?: string;
  /** Whose turn it is (their name tag), their organisation during introductions, and in Reflect their share of the section's time. */
  turn?: { name: string; organization?: string; clock?: { used: number; share?: number; over: boolean } };
  upNext?: string;
  rules?: string[];
  /** The purpose statement as it is being written (lines). */
  purpose?: string[];
  /** The questions still open from earlier meetings, while the group says which were answered tonight. */
  open?: string[];
  /** The topics asked for tonight (none kept in confidence). */
  requests?: string[];
  /** The backlog's most asked-for topics. */
  backlog?: string[];
  /** Tonight's topic and speaker: on the agenda, and during Learning Together once known. */
  tonight?: { topic: string; speaker?: string };
  /** Once chosen: the next meeting's date (written out), topic and speaker. */
  next?: { date?: string; topic?: string; speaker?: string };
}

/** How many backlog topics the page lists. */
const BACKLOG_SHOWN = 5;

/** The facilitator's own steps: whether the expected speaker came, noting what was said, the session's record. */
const FACILITATOR_STEPS = new Set(['speaker_here', 'introductions.others', 'learning.format', 'learning.topic', 'learning.speaker', 'learning.notes']);

/** Questions only the facilitator answers (about a person: the page shows the person, not the question). */
const facilitatorOnly = (step: Step) =>
  FACILITATOR_STEPS.has(step.id) || (step.section === 'opening' && step.member !== undefined) || (step.section === 'reflect' && step.member !== undefined && /\.(private|keep)$/.test(step.id));

/** Tonight's topic and speaker: as given tonight, else as chosen last time. */
function tonightOf(plan: MeetingPlan, draft: Draft): RoomView['tonight'] {
  const given = (field: 'topic' | 'speaker') => (stepId('learning', field) in draft.answers ? textOf(draft.answers[stepId('learning', field)]) : plan.last?.next?.[field]);
  const topic = given('topic');
  const speaker = given('speaker');
  return topic ? { topic, ...(speaker && { speaker }) } : undefined;
}

/** The sections this meeting has, in order (an opening without minutes of its own is shown as part of the introductions after it). */
function sectionsOf(plan: MeetingPlan, draft: Draft, all: readonly Step[]): MeetingSection[] {
  const talk: readonly string[] = agreementsDiscussed(plan, draft);
  const regular = !isFirst(plan);
  const has = (p: MeetingSection) =>
    p === 'opening' || p === 'next' || p === 'closing' || talk.includes(p) || (regular && (p === 'reflect' || p === 'learning')) || plannedFor(plan, p) !== undefined || all.some((s) => s.section === p);
  const shown = MEETING_SECTIONS.filter(has);
  return shown[1] === 'introductions' && plannedFor(plan, 'opening') === undefined ? shown.slice(1) : shown;
}

const clockOf = (used: number, planned: number | undefined) => ({ used, ...(planned !== undefined && { planned }), over: planned !== undefined && used > planned });

/** A list answer as typed so far: its items once given, else those entered before Enter on an empty line. */
const listSoFar = (draft: Draft, id: string): string[] => (id in draft.answers ? namesOf(draft.answers[id]) : namesOf(draft.partial?.[id]));

/** A long text as typed so far, in lines. */
function textSoFar(draft: Draft, id: string, fallback: string | undefined): string[] {
  const given = draft.answers[id];
  const lines = typeof given === 'string' ? given.split('\n') : (draft.partial?.[id] ?? (fallback ?? '').split('\n'));
  return lines.map((l) => l.trim()).filter(Boolean);
}

/**
 * Topics asked for tonight that the page may show: a Reflect request once the facilitator said
 * the reflection is not kept in confidence, a What's Next one once that person's turn is over
 * (until then the answer may still be marked), the group's own list; none marked in confidence.
 */
function requestsTonight(draft: Draft, current: Step | undefined): string[] {
  const asked: string[] = [];
  const ask = (section: 'reflect' | 'next', name: string, field: string, whole = false) => {
    const id = stepId(section, field, name);
    if (inConfidence(draft, id)) return;
    const { text, requests } = splitRequests(textOf(draft.answers[id]));
    asked.push(...requests, ...(whole && text ? [text] : []));
  };
  for (const name of present(draft)) {
    if (draft.answers[stepId('reflect', 'private', name)] === false) for (const field of memberFields('reflect')) ask('reflect', name, field);
  }
  asked.push(...listSoFar(draft, stepId('reflect', 'requests')));
  for (const name of everyone(draft)) {
    if (current?.section === 'next' && current.member !== undefined && sameName(current.member, name)) continue;
    for (const field of memberFields('next')) ask('next', name, field, field === FIELD.wish);
  }
  const seen = new Set<string>();
  return asked.filter((t) => !seen.has(topicKey(t)) && Boolean(seen.add(topicKey(t))));
}

/** The ground rules as they stand: the circle's own, then as the group rewords, drops and adds them. */
function rulesNow(plan: MeetingPlan, draft: Draft): string[] {
  const rules = baseOf(plan, draft).ground_rules.flatMap((rule, i) => {
    const id = stepId('ground_rules', String(i + 1));
    if (draft.answers[id] === 'drop') return [];
    return [draft.answers[id] === 'reword' ? textOf(draft.answers[`${id}.wording`]) || rule : rule];
  });
  return [...rules, ...listSoFar(draft, stepId('ground_rules', 'added'))];
}

/** Whose turn it is, and in Reflect their share of what is left of the section's time (minutes left ÷ people still to speak). */
function turnOf(plan: MeetingPlan, draft: Draft, step: Step, all: readonly Step[], now: string): RoomView['turn'] {
  const member = step.member!;
  const organization =
    step.section === 'introductions'
      ? textOf(draft.answers[stepId('introductions', FIELD.organization, member)]) || plan.members.find((m) => sameName(m.name, member))?.organization
      : undefined;
  const turn: NonNullable<RoomView['turn']> = { name: tagOf(plan, member), ...(organization && { organization }) };
  const planned = plannedFor(plan, 'reflect');
  if (step.section !== 'reflect' || planned === undefined) return turn;
  const order = present(draft);
  const at = order.findIndex((n) => sameName(n, member));
  if (at < 0) return turn;
  const began = sectionBegan(draft, 'reflect', all);
  const before = order.slice(0, at);
  const turnBegan =
    all
      .filter((s) => s.section === 'reflect' && s.member !== undefined && before.some((n) => sameName(n, s.member!)) && draft.at[s.id])
      .map((s) => draft.at[s.id]!)
      .sort()
      .at(-1) ?? began;
  const left = Math.max(0, planned - minutesBetween(began, turnBegan));
  const share = left / (order.length - at);
  const used = minutesBetween(turnBegan, now);
  // Under a minute left each: the clock counts up alone ("2 of 0 min" says nothing).
  return { ...turn, clock: { used, ...(share >= 1 && { share: Math.floor(share) }), over: used > share } };
}

/** The next person to speak in this section after the one whose turn it is. */
function upNext(plan: MeetingPlan, all: readonly Step[], step: Step): string | undefined {
  const later = all.slice(all.indexOf(step) + 1).find((s) => s.section === step.section && s.member !== undefined && !sameName(s.member, step.member!));
  return later && tagOf(plan, later.member!);
}

/** The meeting as the room sees it now. `state` is live until the meeting is interrupted (paused) or recorded (over). */
export function meetingView(plan: MeetingPlan, draft: Draft, now: string, state: 'live' | 'paused' | 'over' = 'live'): RoomView {
  const all = steps(plan, draft);
  const step = state === 'over' ? undefined : pendingStep(all, draft);
  const sections = sectionsOf(plan, draft, all);
  const current: MeetingSection = step?.section ?? 'closing';
  const rank = sections.indexOf(current === 'opening' && sections[0] === 'introductions' ? 'introductions' : current);
  const planned = sections.map((p) => plannedFor(plan, p)).filter((m) => m !== undefined);
  const status = sectionStatus(plan, draft, current, now, all);
  const topic = textOf(draft.answers[stepId('next', 'topic')]);
  const date = textOf(draft.answers[stepId('next', 'date')]);
  const speaker = textOf(draft.answers[stepId('next', 'speaker')]);
  const next = { ...(isIsoDate(date) && { date: longDate(date) }), ...(topic && { topic }), ...(speaker && { speaker }) };
  const during = (...ids: MeetingSection[]) => ids.includes(current);
  const requests = during('reflect', 'learning', 'next') ? requestsTonight(draft, step) : [];
  const learnt = topicKey(textOf(draft.answers[stepId('learning', 'topic')]));
  const backlog = during('next') && !topic ? backlogByDemand(plan.memory).map((t) => t.topic).filter((t) => topicKey(t) !== learnt).slice(0, BACKLOG_SHOWN) : [];
  const asking = step && !facilitatorOnly(step);
  const turn = step?.member !== undefined && step.section !== 'opening' ? turnOf(plan, draft, step, all, now) : undefined;
  const later = turn && step ? upNext(plan, all, step) : undefined;
  const tonight = during('learning') ? tonightOf(plan, draft) : undefined;
  const open = step?.id === stepId('learning', 'answered') ? (step.choices ?? []).map((c) => c.value) : [];
  return {
    state: state === 'live' && !step ? 'review' : state,
    circle: plan.circle.name,
    number: plan.number,
    date: longDate(plan.date),
    sections: sections.map((p, i) => ({ title: sectionTitle(plan, p), state: state === 'over' || i < rank ? 'done' : i === rank ? 'now' : 'later' })),
    ...(state !== 'over' && {
      clock: { section: clockOf(status.used, status.planned), meeting: clockOf(minutesBetween(draft.started, now), planned.length ? planned.reduce((a, b) => a + b, 0) : undefined) },
    }),
    ...(asking && { question: step.question }),
    ...(turn && { turn }),
    ...(later && { upNext: later }),
    ...(during('opening', 'introductions', 'ground_rules') && { rules: rulesNow(plan, draft) }),
    ...(during('purpose') && { purpose: textSoFar(draft, stepId('purpose', 'statement'), baseOf(plan, draft).purpose) }),
    ...(tonight && { tonight }),
    ...(open.length && { open }),
    ...(requests.length && { requests }),
    ...(backlog.length && { backlog }),
    ...(Object.keys(next).length && { next }),
  };
}

/** The next meeting's agenda as the room sees it while people arrive. */
export function agendaView(agenda: Agenda): RoomView {
  const topic = agenda.learning?.topic;
  return {
    state: 'agenda',
    circle: agenda.circle,
    number: agenda.number,
    date: longDate(agenda.date),
    when: { start: agenda.start, end: agenda.end, ...(agenda.place && { place: agenda.place }) },
    sections: agenda.sections.map((s) => ({ title: s.title, state: 'later', ...(s.slot && { start: s.slot.start, end: s.slot.end }) })),
    ...(agenda.groundRules.length && { rules: agenda.groundRules }),
    ...(topic && { tonight: { topic, ...(agenda.learning?.speaker && { speaker: agenda.learning.speaker }) } }),
  };
}
