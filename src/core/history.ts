// The circle over time: who belonged at each meeting, and one row per meeting.
import { SHORT_NAME } from './agreements.js';
import type { Member } from './schema.js';
import { nameKey } from './names.js';
import { type MeetingSummary } from './summary.js';

/**
 * Who was a member at each meeting: those the minutes say were expected (the roster as
 * the meeting knew it) and those present. Minutes written before that was kept are read
 * against members.yaml, which keeps `joined` and `active` but no leaving date, so a member
 * who has left counts up to the last meeting they attended. Anyone present who is not in
 * members.yaml counts as a member of that meeting.
 */
export function rosters(meetings: readonly MeetingSummary[], members: readonly Pick<Member, 'name' | 'joined' | 'active'>[]): string[][] {
  const lastSeen = new Map<string, string>();
  for (const m of meetings) for (const p of m.present) lastSeen.set(nameKey(p), m.date);
  const keys = members.map((member) => nameKey(member.name));
  const named = new Map(members.map((member, i) => [keys[i]!, member.name]));
  return meetings.map((m) => {
    const roster = new Map<string, string>();
    if (m.expected) {
      for (const p of m.expected) roster.set(nameKey(p), named.get(nameKey(p)) ?? p);
    } else {
      members.forEach((member, i) => {
        const joined = !member.joined || member.joined <= m.date;
        const stayed = member.active || (lastSeen.get(keys[i]!) ?? '') >= m.date;
        if (joined && stayed) roster.set(keys[i]!, member.name);
      });
    }
    for (const p of m.present) {
      const key = nameKey(p);
      if (!roster.has(key)) roster.set(key, p);
    }
    return [...roster.values()];
  });
}

export function historyRows(
  meetings: readonly MeetingSummary[],
  members: readonly Pick<Member, 'name' | 'joined' | 'active'>[],
  sizes: readonly number[] = rosters(meetings, members).map((roster) => roster.length),
) {
  return meetings.map((m, i) => ({
    date: m.date,
    number: m.number,
    present: m.present.length,
    // Members of the circle at the time (see `rosters`).
    members: sizes[i]!,
    guests: m.guests,
    topic: m.topic,
    nextTopic: m.nextTopic,
    agreed: m.agreed.map((section) => SHORT_NAME[section]),
  }));
}
