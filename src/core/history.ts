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
    for (const p of m.present) if (!roster.has(nameKey(p))) roster.set(nameKey(p), p);
    return [...roster.values()];
  });
}

/** How many were members at each meeting: the lengths of `rosters`, without making the lists. */
export function rosterSizes(meetings: readonly MeetingSummary[], members: readonly Pick<Member, 'name' | 'joined' | 'active'>[]): number[] {
  // A slot per member's name key; anyone else present is -1, -2, … by name key.
  const slots = new Map<string, number>();
  const slotOf = members.map((member) => {
    const key = nameKey(member.name);
    if (!slots.has(key)) slots.set(key, slots.size);
    return slots.get(key)!;
  });
  const others = new Map<string, number>();
  const byName = new Map<string, number>(); // each name as written, looked up once
  const slot = (name: string): number => {
    let found = byName.get(name);
    if (found === undefined) {
      const key = nameKey(name);
      if (!slots.has(key) && !others.has(key)) others.set(key, -1 - others.size);
      byName.set(name, (found = slots.get(key) ?? others.get(key)!));
    }
    return found;
  };
  const lastSeen = new Array<string>(slots.size).fill('');
  for (const m of meetings) for (const p of m.present) if (slot(p) >= 0) lastSeen[slot(p)] = m.date;
  // The meeting each slot was last counted at, so that a name is counted once a meeting.
  const countedAt = new Array<number>(slots.size).fill(-1);
  const otherAt = new Map<number, number>();
  return meetings.map((m, at) => {
    if (m.expected) return new Set([...m.expected, ...m.present].map(slot)).size;
    let size = 0;
    members.forEach((member, i) => {
      const s = slotOf[i]!;
      if (countedAt[s] !== at && (!member.joined || member.joined <= m.date) && (member.active || lastSeen[s]! >= m.date)) {
        countedAt[s] = at;
        size++;
      }
    });
    for (const p of m.present) {
      const s = slot(p);
      if (s >= 0 ? countedAt[s] === at : otherAt.get(s) === at) continue;
      if (s >= 0) countedAt[s] = at;
      else otherAt.set(s, at);
      size++;
    }
    return size;
  });
}

export function historyRows(
  meetings: readonly MeetingSummary[],
  members: readonly Pick<Member, 'name' | 'joined' | 'active'>[],
  sizes: readonly number[] = rosterSizes(meetings, members),
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
