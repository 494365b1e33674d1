// The circle's memory: what the group asked for and has not finished, however many
// meetings ago. Every member's last commitment stays open until they report on it at a
// Reflect (or it is marked dropped); every topic asked for stays in the backlog until it
// is the topic of a Learning Together or is dropped. Built by folding the meetings in
// date order; pure.
import { nameKey } from './names.js';
import { answerText, FIELD, memberFields } from './prompts.js';
import type { Meeting } from './schema.js';

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
  const reportFields = memberFields('reflect');
  return {
    date: m.date,
    present: m.attendance.present,
    reported: m.reflect.members.filter((r) => reportFields.some((f) => answerText(r, f) !== undefined)).map((r) => r.member),
    dropped: m.reflect.members.filter((r) => r.dropped).map((r) => r.member),
    commitments: m.next.members.flatMap((a) => {
      const text = answerText(a, FIELD.commitment);
      return text ? [{ member: a.member, text, private: a.private }] : [];
    }),
    asked: [
      ...m.reflect.requests.map((r) => ({ topic: r.topic.trim(), by: r.by?.trim() || undefined, private: r.private })),
      ...m.next.members.flatMap((a) => {
        const topic = answerText(a, FIELD.wish);
        return topic ? [{ topic, by: a.member, private: a.private }] : [];
      }),
    ].filter((a) => a.topic),
    learned: m.learning.topic?.trim() || undefined,
    raised: [
      ...m.reflect.members.flatMap((r) => {
        const text = answerText(r, FIELD.issues);
        return text ? [{ text, kind: 'issue' as const, by: r.member, private: r.private }] : [];
      }),
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

export interface BacklogTopic {
  topic: string;
  /** Each time it was asked for, oldest first. */
  asks: Array<{ by?: string | undefined; on: string; private: boolean }>;
}

/** Raised, or asked again: how often, by whom, first and last. */
export interface Raised {
  count: number;
  /** Who raised it, each name once, in the order they first did. */
  by: string[];
  first: string;
  last: string;
}

/** A question or issue still open: raised in the open, and in confidence (never shown to the group). */
export interface OpenQuestion {
  text: string;
  kind: QuestionKind;
  open?: Raised | undefined;
  inConfidence?: Raised | undefined;
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

/** A topic the group let go of (`dropped_topics` in circle.yaml): asks up to that day are closed. */
interface DroppedTopic {
  topic: string;
  on: string;
}

/** A question the group let go of (`dropped_questions` in circle.yaml): raised up to that day, it is closed. */
interface DroppedQuestion {
  question: string;
  on: string;
}

function tallied(raised: Raised | undefined, by: string | undefined, on: string): Raised {
  if (!raised) return { count: 1, by: by ? [by] : [], first: on, last: on };
  raised.count++;
  if (by && !raised.by.includes(by)) raised.by.push(by);
  if (on > raised.last) raised.last = on;
  return raised;
}

/** The memory after these meetings (in any order: they are folded by date), less the dropped topics and questions. */
export function remember(meetings: readonly MeetingMemory[], dropped: readonly DroppedTopic[] = [], droppedQuestions: readonly DroppedQuestion[] = []): Memory {
  const open = new Map<string, OpenCommitment>();
  const backlog = new Map<string, BacklogTopic>();
  const questions = new Map<string, OpenQuestion>();
  const sorted = [...meetings].sort((a, b) => byText(a.date, b.date));
  // A question let go of on a day closes what was raised up to that day: applied as the fold passes it.
  const drops = [...droppedQuestions].sort((a, b) => byText(a.on, b.on));
  let nextDrop = 0;
  const dropUntil = (date?: string) => {
    for (; nextDrop < drops.length && (date === undefined || drops[nextDrop]!.on < date); nextDrop++) questions.delete(topicKey(drops[nextDrop]!.question));
  };
  for (const m of sorted) {
    dropUntil(m.date);
    for (const text of m.answered) questions.delete(topicKey(text));
    for (const q of m.raised) {
      const key = topicKey(q.text);
      const entry = questions.get(key) ?? { text: q.text, kind: q.kind };
      if (q.private) entry.inConfidence = tallied(entry.inConfidence, q.by, m.date);
      else entry.open = tallied(entry.open, q.by, m.date);
      questions.set(key, entry);
    }
    for (const name of [...m.reported, ...m.dropped]) {
      const key = nameKey(name);
      if ((open.get(key)?.made ?? m.date) < m.date) open.delete(key);
    }
    for (const c of m.commitments) open.set(nameKey(c.member), { member: c.member, text: c.text, made: m.date, private: c.private });
    if (m.learned) backlog.delete(topicKey(m.learned));
    for (const a of m.asked) {
      const key = topicKey(a.topic);
      const entry = backlog.get(key) ?? { topic: a.topic, asks: [] };
      entry.asks.push({ by: a.by, on: m.date, private: a.private });
      backlog.set(key, entry);
    }
  }
  for (const d of dropped) {
    const entry = backlog.get(topicKey(d.topic));
    if (!entry) continue;
    entry.asks = entry.asks.filter((a) => a.on > d.on);
    if (!entry.asks.length) backlog.delete(topicKey(d.topic));
  }
  dropUntil();
  return { commitments: [...open.values()], backlog: [...backlog.values()], questions: [...questions.values()] };
}

/** An open question or issue as it is shown: how often it was raised, by whom (in the open), first and last. */
export interface QuestionShown extends Raised {
  text: string;
  kind: QuestionKind;
  /** Of `count`, the times it was raised in confidence. */
  inConfidence: number;
}

/**
 * Open questions and issues, most raised first, then the most recently raised. What was
 * raised only in confidence is left out unless `all` (the facilitator's own list).
 */
export function questionsByDemand(memory: Pick<Memory, 'questions'>, options: { all?: boolean; kind?: QuestionKind } = {}): QuestionShown[] {
  const shown: QuestionShown[] = [];
  for (const q of memory.questions) {
    if (options.kind && q.kind !== options.kind) continue;
    const secret = options.all ? q.inConfidence : undefined;
    const raised = [q.open, secret].filter((r): r is Raised => r !== undefined);
    if (!raised.length) continue;
    shown.push({
      text: q.text,
      kind: q.kind,
      count: raised.reduce((n, r) => n + r.count, 0),
      by: q.open?.by ?? [],
      first: raised.map((r) => r.first).sort(byText)[0]!,
      last: raised.map((r) => r.last).sort(byText).at(-1)!,
      inConfidence: secret?.count ?? 0,
    });
  }
  return shown.sort((a, b) => b.count - a.count || byText(b.last, a.last));
}

/**
 * The commitments still open, of members active now (under their name in members.yaml):
 * what the agenda follows up and `stats` counts as open. Private ones are included.
 */
export function openCommitments(memory: Pick<Memory, 'commitments'>, members: ReadonlyArray<{ name: string; active: boolean }>): OpenCommitment[] {
  const active = new Map(members.filter((m) => m.active).map((m) => [nameKey(m.name), m.name]));
  return memory.commitments.flatMap((c) => {
    const name = active.get(nameKey(c.member));
    return name === undefined ? [] : [{ ...c, member: name }];
  });
}

/** Most asked for first, then the one waiting longest: how `circle topics` and the topic picker order topics. */
export const byDemand = (a: { asks: number; first: string }, b: { asks: number; first: string }): number => b.asks - a.asks || byText(a.first, b.first);

/** The backlog most-asked first (then the oldest first); what is asked only in confidence is left out unless `all`. */
export function backlogByDemand(memory: Pick<Memory, 'backlog'>, options: { all?: boolean } = {}): BacklogTopic[] {
  const demand = (t: BacklogTopic) => ({ asks: t.asks.length, first: t.asks[0]!.on });
  return memory.backlog
    .map((t) => (options.all ? t : { ...t, asks: t.asks.filter((a) => !a.private) }))
    .filter((t) => t.asks.length)
    .sort((a, b) => byDemand(demand(a), demand(b)));
}
