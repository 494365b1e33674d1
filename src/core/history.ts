// The circle over time: who belonged at each meeting, and one row per meeting.
import { SHORT_NAME } from './agreements.js';
import type { Member } from './schema.js';
import { nameKey } from './names.js';
import { type MeetingSummary } from './summary.js';

/**
 * Who was a member at each meeting. members.yaml keeps `joined` and `active` but no
 * leaving date, so a member who has left counts up to the last meeting they attended.
 * Anyone present who is not in members.yaml counts as a member of that meeting.
 */
export function rosters(meetings: readonly MeetingSummary[], members: readonly Pick<Member, 'name' | 'joined' | 'active'>[]): string[][] {
  const lastSeen = new Map<string, string>();
  for (const m of meetings) for (const p of m.present) lastSeen.set(nameKey(p), m.date);
  return meetings.map((m) => {
    const roster = new Map<string, string>();
    for (const member of members) {
      const key = nameKey(member.name);
      const joined = !member.joined || member.joined <= m.date;
      const stayed = member.active || (lastSeen.get(key) ?? '') >= m.date;
      if (joined && stayed) roster.set(key, member.name);
    }
    for (const p of m.present) if (!roster.has(nameKey(p))) roster.set(nameKey(p), p);
    return [...roster.values()];
  });
}

export interface HistoryRow {
  date: string;
  number: number;
  present: number;
  /** Members of the circle at the time (see `rosters`). */
  members: number;
  guests: number;
  topic?: string | undefined;
  nextTopic?: string | undefined;
  /** The agreements set or changed at this meeting, by their short names (purpose, rules, format). */
  agreed: string[];
}

export function historyRows(
  meetings: readonly MeetingSummary[],
  members: readonly Pick<Member, 'name' | 'joined' | 'active'>[],
  byMeeting: string[][] = rosters(meetings, members),
): HistoryRow[] {
  return meetings.map((m, i) => ({
    date: m.date,
    number: m.number,
    present: m.present.length,
    members: byMeeting[i]!.length,
    guests: m.guests,
    topic: m.topic,
    nextTopic: m.nextTopic,
    agreed: m.agreed.map((part) => SHORT_NAME[part]),
  }));
}
