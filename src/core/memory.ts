// The circle's memory: what the group asked for and has not finished, however many
// meetings ago. Every member's last commitment stays open until they report on it at a
// Reflect (or it is marked dropped); every topic asked for stays in the backlog until it
// is the topic of a Learning Together or is dropped. Built by folding the meetings in
// date order; pure.
import { nameKey } from './names.js';
import { answerText, confided, FIELD, memberFields } from './prompts.js';
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
}

export function memoryOf(m: Meeting): MeetingMemory {
  const reportFields = memberFields('reflect');
  return {
    date: m.date,
    present: m.attendance.present,
    reported: m.reflect.members.filter((r) => reportFields.some((f) => answerText(r, f) !== undefined)).map((r) => r.member),
    dropped: m.reflect.members.filter((r) => r.dropped).map((r) => r.member),
    commitments: m.next.members.flatMap((a) => {
      const text = answerText(a, FIELD.commitment);
      return text ? [{ member: a.member, text, private: confided(a, FIELD.commitment) }] : [];
    }),
    asked: [
      ...m.reflect.requests.map((r) => ({ topic: r.topic.trim(), by: r.by?.trim() || undefined, private: r.private })),
      ...m.next.members.flatMap((a) => {
        const topic = answerText(a, FIELD.wish);
        return topic ? [{ topic, by: a.member, private: confided(a, FIELD.wish) }] : [];
      }),
    ].filter((a) => a.topic),
    learned: m.learning.topic?.trim() || undefined,
  };
}

interface OpenCommitment {
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

export interface BacklogTopic {
  topic: string;
  /** Asked in the open, and in confidence (counted for the facilitator, never shown to the group). */
  open?: Asks | undefined;
  inConfidence?: Asks | undefined;
}

export interface Memory {
  commitments: OpenCommitment[];
  backlog: BacklogTopic[];
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

function tally(asks: Asks | undefined, by: string | undefined, on: string): Asks {
  if (!asks) return { count: 1, by: by ? [by] : [], first: on, last: on };
  asks.count++;
  if (by && !asks.by.includes(by)) asks.by.push(by);
  if (on > asks.last) asks.last = on;
  return asks;
}

/** The memory after these meetings (in any order: they are folded by date), less the dropped topics. */
export function remember(meetings: readonly MeetingMemory[], dropped: readonly DroppedTopic[] = []): Memory {
  const open = new Map<string, OpenCommitment>();
  const backlog = new Map<string, BacklogTopic>();
  const sorted = [...meetings].sort((a, b) => byText(a.date, b.date));
  // A topic let go of on a day closes the asks up to that day: applied as the fold passes it.
  const drops = [...dropped].sort((a, b) => byText(a.on, b.on));
  let nextDrop = 0;
  const dropUntil = (date: string | undefined) => {
    for (; nextDrop < drops.length && (date === undefined || drops[nextDrop]!.on < date); nextDrop++) backlog.delete(topicKey(drops[nextDrop]!.topic));
  };
  for (const m of sorted) {
    dropUntil(m.date);
    for (const name of [...m.reported, ...m.dropped]) {
      const key = nameKey(name);
      if ((open.get(key)?.made ?? m.date) < m.date) open.delete(key);
    }
    for (const c of m.commitments) open.set(nameKey(c.member), { member: c.member, text: c.text, made: m.date, private: c.private });
    if (m.learned) backlog.delete(topicKey(m.learned));
    for (const a of m.asked) {
      const key = topicKey(a.topic);
      const entry = backlog.get(key) ?? { topic: a.topic };
      if (a.private) entry.inConfidence = tally(entry.inConfidence, a.by, m.date);
      else entry.open = tally(entry.open, a.by, m.date);
      backlog.set(key, entry);
    }
  }
  dropUntil(undefined);
  return { commitments: [...open.values()], backlog: [...backlog.values()] };
}

/** A backlog topic as it is shown: how often it was asked for, by whom (in the open), since and until when. */
export interface Demand extends Asks {
  topic: string;
  /** Of `count`, the asks made in confidence. */
  inConfidence: number;
}

/** The backlog most-asked first (then the oldest first); what is asked only in confidence is left out unless `all`. */
export function backlogByDemand(memory: Pick<Memory, 'backlog'>, options: { all?: boolean } = {}): Demand[] {
  const shown: Demand[] = [];
  for (const t of memory.backlog) {
    const secret = options.all ? t.inConfidence : undefined;
    const asks = [t.open, secret].filter((a): a is Asks => a !== undefined);
    if (!asks.length) continue;
    shown.push({
      topic: t.topic,
      count: asks.reduce((n, a) => n + a.count, 0),
      by: t.open?.by ?? [],
      first: asks.map((a) => a.first).sort(byText)[0]!,
      last: asks.map((a) => a.last).sort(byText).at(-1)!,
      inConfidence: secret?.count ?? 0,
    });
  }
  return shown.sort((a, b) => b.count - a.count || byText(a.first, b.first));
}
