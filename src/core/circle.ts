// Facts about a circle that several commands need: its rhythm and its people.
import { addDays } from './dates.js';
import { parseCadence, meetingDates, type Cadence } from './schedule.js';
import type { Circle, Meeting, Member } from './schema.js';

/** Under this many minutes a meeting is too short to learn, build trust and reflect. */
export const MIN_MEETING_MINUTES = 90;

export const DEFAULT_SECTIONS = [
  { id: 'reflect', title: 'Time to Reflect', share: 45 },
  { id: 'learning', title: 'Learning Together', share: 50 },
  { id: 'next', title: "What's Next?", share: 25 },
] as const;

/** Split a meeting's length in proportion to `shares`, in steps of 5 minutes; the last part takes the rest. */
export function splitMinutes(duration: number, shares: readonly number[]): number[] {
  const total = shares.reduce((sum, s) => sum + s, 0);
  const parts = shares.map((s) => Math.round((duration * s) / total / 5) * 5);
  parts[parts.length - 1] = duration - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

/** Split a meeting's length over the three sections in the default proportions. */
export function sectionMinutes(duration: number): number[] {
  return splitMinutes(duration, DEFAULT_SECTIONS.map((s) => s.share));
}

export function formatMinutes(circle: Pick<Circle, 'format'>): number {
  return circle.format.sections.reduce((sum, s) => sum + s.minutes, 0);
}

export function cadenceOf(circle: Pick<Circle, 'schedule'>): Cadence {
  const parsed = parseCadence(circle.schedule.cadence);
  if (!parsed.ok) throw new Error(parsed.error); // the schema has already refused this
  return parsed.cadence;
}

/** The next meeting on or after `today`: the date chosen last time if still ahead, else the schedule's. */
export function nextMeetingDate(
  circle: Pick<Circle, 'schedule' | 'created'>,
  last: Pick<Meeting, 'date' | 'next'> | undefined,
  today: string,
): string | undefined {
  const chosen = last?.next.date;
  if (chosen && chosen >= today) return chosen;
  const after = last && last.date >= today ? addDays(last.date, 1) : today;
  return meetingDates({
    cadence: cadenceOf(circle),
    anchor: circle.schedule.anchor ?? circle.created,
    from: after,
    count: 1,
    skip: circle.schedule.skip,
  })[0];
}

/** How two spellings of a member's name are compared: trimmed, NFC, case-insensitive. */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name.trim().normalize('NFC').toLowerCase();
    if (keys.size < 10_000) keys.set(name, key);
  }
  return key;
}
// The same few names come up in every meeting of a long history: remember their keys.
const keys = new Map<string, string>();

/** Titles a name may start with; the tag shows the first name after them. */
const TITLES = /^(dr|prof|mr|mrs|ms|mx|rev|sr|fr)\.?\s+(?=\S)/i;

/** The name for the name tag: `tag`, else the first name (after any title such as "Dr"). */
export function tagName(member: { name: string; tag?: string | undefined }): string {
  const name = member.name.trim();
  return member.tag?.trim() || name.replace(TITLES, '').split(/\s+/)[0] || name;
}

export function activeMembers<M extends Pick<Member, 'active'>>(members: readonly M[]): M[] {
  return members.filter((m) => m.active);
}

/** Find a member by full name, or by the start of a name when only one matches. */
export function findMember<M extends Pick<Member, 'name'>>(
  members: readonly M[],
  query: string,
): { found: M; index: number } | { found?: undefined; matches: M[] } {
  const q = nameKey(query);
  const exact = members.findIndex((m) => nameKey(m.name) === q);
  if (exact >= 0) return { found: members[exact]!, index: exact };
  const matches = members.filter((m) => nameKey(m.name).startsWith(q) || nameKey(m.name).split(/\s+/).includes(q));
  if (matches.length === 1) return { found: matches[0]!, index: members.indexOf(matches[0]!) };
  return { matches };
}

export interface CircleSummary {
  slug: string;
  name: string;
  members: number;
  meetings: number;
  lastMeeting?: string | undefined;
  nextMeeting?: string | undefined;
}

export function summarize(
  slug: string,
  circle: Circle,
  members: readonly Member[],
  meetingDates: readonly string[],
  last: Meeting | undefined,
  today: string,
): CircleSummary {
  return {
    slug,
    name: circle.name,
    members: activeMembers(members).length,
    meetings: meetingDates.length,
    lastMeeting: meetingDates.at(-1),
    nextMeeting: nextMeetingDate(circle, last, today),
  };
}
