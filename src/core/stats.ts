// The numbers behind `circle stats`: attendance per meeting and per member, the topics
// learned, and how many commitments were followed up.
import { OUTCOMES } from './agreements.js';
import { labelOf } from './prompts.js';
import { historyRows, rosters } from './history.js';
import { countFollowUps, followUps } from './practice.js';
import type { OpenCommitment } from './memory.js';
import type { Member } from './schema.js';
import { nameKey } from './names.js';
import { type MeetingSummary } from './summary.js';

/** A member's attendance: meetings they `attended` out of those held while they were a member (`of`), and apologies for the others. */
const memberStats = (name: string, active: boolean) => ({ name, active, attended: 0, of: 0, apologies: 0, commitments: countFollowUps([]) });

/** The share of the members present at a meeting (0 with nobody on the roll). */
export const attendanceShare = (m: { present: number; members: number }) => (m.members ? m.present / m.members : 0);

/**
 * The numbers for `stats`. `open` is what the circle's memory holds open (openCommitments,
 * as the agenda lists them): a commitment among them counts as open however long ago it
 * was made; any other not followed up nor let go was never followed up.
 */
export function circleStats(
  meetings: readonly MeetingSummary[],
  members: readonly Pick<Member, 'name' | 'joined' | 'active'>[],
  open: ReadonlyArray<Pick<OpenCommitment, 'member' | 'made'>>,
) {
  const byMeeting = rosters(meetings, members);
  const rows = historyRows(meetings, members, byMeeting.map((r) => r.length));
  const stillOpen = new Set(open.map((c) => `${nameKey(c.member)}\n${c.made}`));
  const links = followUps(meetings).map((l) => {
    if (stillOpen.has(`${nameKey(l.member)}\n${meetings[l.made]!.date}`)) return { ...l, status: 'open' as const };
    // Made at the last meeting by someone who has left since.
    return l.status === 'open' ? { ...l, status: 'missed' as const } : l;
  });

  const people = new Map(members.map((m) => [nameKey(m.name), memberStats(m.name, m.active)]));
  meetings.forEach((meeting, i) => {
    const present = new Set(meeting.present.map(nameKey));
    const apologised = new Set(meeting.apologised.map(nameKey));
    for (const name of byMeeting[i]!) {
      const key = nameKey(name);
      const p = people.get(key) ?? memberStats(name, false);
      people.set(key, p);
      p.of += 1;
      if (present.has(key)) p.attended += 1;
      else if (apologised.has(key)) p.apologies += 1;
    }
  });
  const linksOf = new Map<string, typeof links>();
  for (const l of links) {
    const key = nameKey(l.member);
    if (!linksOf.has(key)) linksOf.set(key, []);
    linksOf.get(key)!.push(l);
  }
  for (const [key, p] of people) p.commitments = countFollowUps(linksOf.get(key) ?? []);

  const shares = rows.filter((r) => r.members > 0).map(attendanceShare);
  return {
    meetings: rows,
    members: [...people.values()].filter((p) => p.of > 0 || p.active),
    topics: meetings.filter((m) => m.topic).map((m) => ({ date: m.date, number: m.number, topic: m.topic!, speaker: m.speaker })),
    commitments: countFollowUps(links),
    averageAttendance: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : undefined,
    usefulness: meetings.flatMap((m) => (m.useful ? [{ date: m.date, number: m.number, useful: m.useful }] : [])),
    outcomes: OUTCOMES.map((id) => ({
      id,
      label: labelOf('purpose', id),
      ratings: meetings.flatMap((m) => (m.outcomes?.[id] ? [{ date: m.date, number: m.number, rating: m.outcomes[id] }] : [])),
    })).filter((o) => o.ratings.length),
  };
}
export type CircleStats = ReturnType<typeof circleStats>;
