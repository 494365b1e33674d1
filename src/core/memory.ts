// The circle's memory: what the group asked for and has not finished, however many
// meetings ago. Every member's last commitment stays open until they report on it at a
// Reflect (or it is marked dropped); every topic asked for stays in the backlog until it
// is the topic of a Learning Together or is dropped. Built by folding the meetings in
// date order; pure.
import { nameKey } from './names.js';
import { answersTo, FIELD } from './prompts.js';
import { hasReport } from './summary.js';
import type { Circle, Meeting } from './schema.js';

/** What one meeting adds to the memory (small enough to cache per meeting file). */
export interface MeetingMemory {
  date: string;
  present: string[];
  /** Members who reported at Reflect, and those whose commitment was marked dropped. */
  reported: string[];
  dropped: string[];
  commitments: Array<{ member: string; text: string; private: boolean }>;
  asked: Array<{ topic: string; by?: string | undefined; private: boolean }>;
  /** The Learning Together topic of this meeting: it leaves the backlog. */
  learned?: string | undefined;
  /** Questions left open at Learning Together and new issues raised at Reflect. */
  raised: Array<{ text: string; kind: QuestionKind; by?: string | undefined; private: boolean }>;
  /** Open questions and issues the group marked answered at this meeting. */
  answered: string[];
}

/** A question left open at Learning Together, or a new issue a member raised at Reflect. */
type QuestionKind = 'question' | 'issue';

export function memoryOf(m: Meeting): MeetingMemory {
  return {
    date: m.date,
    present: m.attendance.present,
    reported: m.reflect.members.filter(hasReport).map((r) => r.member),
    dropped: m.reflect.members.filter((r) => r.dropped).map((r) => r.member),
    commitments: answersTo(m.next.members, FIELD.commitment),
    asked: [
      ...m.reflect.requests.map((r) => ({ topic: r.topic.trim(), by: r.by?.trim() || undefined, private: r.private })),
      ...answersTo(m.next.members, FIELD.wish).map((a) => ({ topic: a.text, by: a.member, private: a.private })),
    ].filter((a) => a.topic),
    learned: m.learning.topic?.trim() || undefined,
    raised: [
      ...answersTo(m.reflect.members, FIELD.issues).map((a) => ({ text: a.text, kind: 'issue' as const, by: a.member, private: a.private })),
      ...m.learning.questions.map((q) => ({ text: q.trim(), kind: 'question' as const, private: false })).filter((q) => q.text),
    ],
    answered: m.learning.answered.map((q) => q.trim()).filter(Boolean),
  };
}

export interface OpenCommitment {
  member: string;
  text: string;
  /** The date of the meeting it was made at. */
  made: string;
  private: boolean;
}

/** The asks for one topic, tallied: the memory grows with what is open, not with history. */
export interface Asks {
  count: number;
  /** Who asked, each name once, in the order they first asked. */
  by: string[];
  /** The dates of the first and the last ask. */
  first: string;
  last: string;
}

interface BacklogTopic {
  topic: string;
  /** Asked in the open, and in confidence (counted for the facilitator, never shown to the group). */
  open?: Asks | undefined;
  inConfidence?: Asks | undefined;
}

/** A question or issue still open: raised in the open, and in confidence (never shown to the group). */
interface OpenQuestion {
  text: string;
  kind: QuestionKind;
  open?: Asks | undefined;
  inConfidence?: Asks | undefined;
}

export interface Memory {
  commitments: OpenCommitment[];
  backlog: BacklogTopic[];
  /** Open questions and new issues, until the group marks them answered or lets them go. */
  questions: OpenQuestion[];
}

/** ISO dates in order (plain comparison: a locale-aware one costs a collator's start-up). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How two spellings of a topic are compared: case, spacing and a final full stop do not count. */
export function topicKey(topic: string): string {
  return topic.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(/[\s.!?]+$/, '').trim();
}

/** The open item `which` names: its number as listed (from 1), its text, or the start of it when only one begins so. */
export function pickOpen<T>(items: readonly T[], which: string, text: (item: T) => string): T | undefined {
  if (/^\d+$/.test(which.trim())) return items[Number(which) - 1];
  const key = topicKey(which);
  const starts = items.filter((item) => topicKey(text(item)).startsWith(key));
  return items.find((item) => topicKey(text(item)) === key) ?? (starts.length === 1 ? starts[0] : undefined);
}

type Tallied = Pick<BacklogTopic, 'open' | 'inConfidence'>;

/** One more ask, in the open or in confidence, of what `into` holds under `key` (`fresh` when it holds nothing yet). */
function tally<E extends Tallied>(into: Map<string, E>, key: string, fresh: E, ask: { by?: string | undefined; private: boolean }, on: string): void {
  const entry = into.get(key) ?? into.set(key, fresh).get(key)!;
  const side = ask.private ? 'inConfidence' : 'open';
  const asks = (entry[side] ??= { count: 0, by: [], first: on, last: on });
  asks.count++;
  if (ask.by && !asks.by.includes(ask.by)) asks.by.push(ask.by);
  if (on > asks.last) asks.last = on;
}

/**
 * The memory after these meetings (in any order: they are folded by date), less the topics
 * and questions the group let go of (circle.yaml): what was asked up to that day is closed.
 */
export function remember(
  meetings: readonly MeetingMemory[],
  dropped: Readonly<Circle['dropped_topics']> = [],
  droppedQuestions: Readonly<Circle['dropped_questions']> = [],
): Memory {
  const open = new Map<string, OpenCommitment>();
  const backlog = new Map<string, BacklogTopic>();
  const questions = new Map<string, OpenQuestion>();
  const sorted = [...meetings].sort((a, b) => byText(a.date, b.date));
  // A topic or question let go of on a day closes what was asked up to that day: applied as the fold passes it.
  const drops: Array<{ on: string; from: Map<string, unknown>; key: string }> = [
    ...dropped.map((d) => ({ on: d.on, from: backlog, key: topicKey(d.topic) })),
    ...droppedQuestions.map((d) => ({ on: d.on, from: questions, key: topicKey(d.question) })),
  ].sort((a, b) => byText(a.on, b.on));
  let nextDrop = 0;
  const dropUntil = (date: string | undefined) => {
    for (; nextDrop < drops.length && (date === undefined || drops[nextDrop]!.on < date); nextDrop++) drops[nextDrop]!.from.delete(drops[nextDrop]!.key);
  };
  for (const m of sorted) {
    dropUntil(m.date);
    for (const text of m.answered) questions.delete(topicKey(text));
    for (const q of m.raised) tally(questions, topicKey(q.text), { text: q.text, kind: q.kind }, q, m.date);
    for (const name of [...m.reported, ...m.dropped]) {
      const key = nameKey(name);
      if ((open.get(key)?.made ?? m.date) < m.date) open.delete(key);
    }
    for (const c of m.commitments) open.set(nameKey(c.member), { member: c.member, text: c.text, made: m.date, private: c.private });
    if (m.learned) backlog.delete(topicKey(m.learned));
    for (const a of m.asked) tally(backlog, topicKey(a.topic), { topic: a.topic }, a, m.date);
  }
  dropUntil(undefined);
  return { commitments: [...open.values()], backlog: [...backlog.values()], questions: [...questions.values()] };
}

/** How often something was asked for or raised, by whom (in the open), first and last; `inConfidence` of `count` in confidence. */
interface Shown extends Asks {
  inConfidence: number;
}

/** The open asks and, with `all`, those in confidence, as one tally; undefined when nothing is to be shown. */
function shown(open: Asks | undefined, secret: Asks | undefined, all: boolean | undefined): Shown | undefined {
  const asks = [open, all ? secret : undefined].filter((a): a is Asks => a !== undefined);
  if (!asks.length) return undefined;
  return {
    count: asks.reduce((n, a) => n + a.count, 0),
    by: open?.by ?? [],
    first: asks.map((a) => a.first).sort(byText)[0]!,
    last: asks.map((a) => a.last).sort(byText).at(-1)!,
    inConfidence: all ? (secret?.count ?? 0) : 0,
  };
}

/** An open question or issue as it is shown. */
export interface QuestionShown extends Shown {
  text: string;
  kind: QuestionKind;
}

/** Open questions and issues, most raised first, then the most recent; those raised only in confidence only with `all`. */
export function questionsByDemand(memory: Pick<Memory, 'questions'>, options: { all?: boolean; kind?: QuestionKind } = {}): QuestionShown[] {
  return memory.questions
    .filter((q) => !options.kind || q.kind === options.kind)
    .flatMap((q) => {
      const tallied = shown(q.open, q.inConfidence, options.all);
      return tallied ? [{ text: q.text, kind: q.kind, ...tallied }] : [];
    })
    .sort((a, b) => b.count - a.count || byText(b.last, a.last));
}

/** Open commitments of members active now, under today's name (private ones too): what the agenda follows up, `stats` counts open. */
export function openCommitments(memory: Pick<Memory, 'commitments'>, members: ReadonlyArray<{ name: string; active: boolean }>): OpenCommitment[] {
  const active = new Map(members.filter((m) => m.active).map((m) => [nameKey(m.name), m.name]));
  return memory.commitments.flatMap((c) => {
    const name = active.get(nameKey(c.member));
    return name === undefined ? [] : [{ ...c, member: name }];
  });
}

/** Most asked for first, then the one waiting longest: how `circle topics` and the topic picker order topics. */
export const byDemand = (a: Pick<Asks, 'count' | 'first'>, b: Pick<Asks, 'count' | 'first'>): number => b.count - a.count || byText(a.first, b.first);

/**
 * The backlog most-asked first (then the oldest first), each topic with how often it was asked
 * for, by whom (in the open), since and until when; what is asked only in confidence is left out unless `all`.
 */
export function backlogByDemand(memory: Pick<Memory, 'backlog'>, options: { all?: boolean } = {}): Array<Shown & { topic: string }> {
  return memory.backlog
    .flatMap((t) => {
      const tallied = shown(t.open, t.inConfidence, options.all);
      return tallied ? [{ topic: t.topic, ...tallied }] : [];
    })
    .sort(byDemand);
}
