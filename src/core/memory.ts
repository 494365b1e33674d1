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

/** The memory after these meetings (in any order: they are folded by date), less the dropped topics. */
export function remember(meetings: readonly MeetingMemory[], dropped: readonly DroppedTopic[] = []): Memory {
  const open = new Map<string, OpenCommitment>();
  const backlog = new Map<string, BacklogTopic>();
  const sorted = [...meetings].sort((a, b) => byText(a.date, b.date));
  for (const m of sorted) {
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
  return { commitments: [...open.values()], backlog: [...backlog.values()] };
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
