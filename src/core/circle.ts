// Facts about a circle that several commands need: its rhythm and its people.
import { addDays, daysBetween, formatClock, longDate, parseClock, type IsoDate } from './dates.js';
import { nameKey } from './names.js';
import { describeCadence, meetingDates, parseCadence, upcomingDates, type Cadence, type DatesQuery, type ScheduledDate } from './schedule.js';
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

/** What is wrong with a circle's format: too short for the method, or not matching the schedule. */
export function formatWarnings(circle: Pick<Circle, 'format' | 'schedule'>): string[] {
  const total = formatMinutes(circle);
  const out: string[] = [];
  if (total < MIN_MEETING_MINUTES) {
    out.push(
      `the format adds up to ${total} minutes; under ${MIN_MEETING_MINUTES} there is not enough time to reflect, learn and plan (format.sections in circle.yaml)`,
    );
  }
  if (total !== circle.schedule.duration) {
    out.push(`the format's sections add up to ${total} minutes but schedule.duration is ${circle.schedule.duration}`);
  }
  return out;
}

export function cadenceOf(circle: Pick<Circle, 'schedule'>): Cadence {
  const parsed = parseCadence(circle.schedule.cadence);
  if (!parsed.ok) throw new Error(parsed.error); // the schema has already refused this
  return parsed.cadence;
}

/** The schedule's rule as a dates query: cadence, anchor (else `created`) and skip dates, from `from`. */
export function scheduleQuery(circle: Pick<Circle, 'schedule' | 'created'>, from: IsoDate, count: number): DatesQuery {
  return {
    cadence: cadenceOf(circle),
    anchor: circle.schedule.anchor ?? circle.created,
    from,
    count,
    skip: circle.schedule.skip,
  };
}

/** When a meeting ends: the schedule's start plus its duration, as HH:MM. */
export function meetingEnd(schedule: Pick<Circle['schedule'], 'start' | 'duration'>): string {
  return formatClock(parseClock(schedule.start) + schedule.duration);
}

export interface ScheduleInWords {
  /** e.g. "every 4 weeks on Tuesday, counted from Tuesday 2 June 2026". */
  rule: string;
  anchor: IsoDate;
  start: string;
  end: string;
  /** True when circle.yaml words the cadence differently from `rule` (so it is worth quoting). */
  reworded: boolean;
}

export function describeSchedule(circle: Pick<Circle, 'schedule' | 'created'>): ScheduleInWords {
  const cadence = cadenceOf(circle);
  const anchor = circle.schedule.anchor ?? circle.created;
  const words = describeCadence(cadence);
  const counted = cadence.kind === 'weekly' && cadence.every > 1;
  return {
    rule: counted ? `${words}, counted from ${longDate(anchor)}` : words,
    anchor,
    start: circle.schedule.start,
    end: meetingEnd(circle.schedule),
    reworded: circle.schedule.cadence.trim().toLowerCase() !== words.toLowerCase(),
  };
}

export interface UpcomingMeeting extends ScheduledDate {
  /** The date the group chose at the last meeting (`next.date`). */
  chosen?: true;
  /** A schedule date with no meeting because the group chose this date instead (then `skipped` is true). */
  movedTo?: IsoDate;
  /** The topic and speaker chosen at the last meeting, on the meeting they were chosen for. */
  topic?: string;
  speaker?: string;
}

export interface UpcomingQuery {
  circle: Pick<Circle, 'schedule' | 'created'>;
  /** The newest meeting on record; undefined before the first. */
  last: Pick<Meeting, 'date' | 'next'> | undefined;
  /** First date that may be listed (inclusive); dates up to the last meeting are never listed. */
  from: IsoDate;
  /** How many meetings to list (skipped and moved dates among them come on top). */
  count: number;
}

/**
 * The next `count` meetings on or after `from`, with the skipped and moved dates among them.
 *
 * The date chosen at the last meeting (when on or after `from`) is the next meeting: it
 * takes the place of the schedule's dates after the last meeting up to it, or, when it
 * comes before the schedule's next date, of that one date. Those dates are listed as
 * skipped with `movedTo`. A chosen date wins over a skip date. The topic and speaker
 * chosen last time go on the meeting they were chosen for: the chosen date, else the
 * schedule's next date after the last meeting (the first one listed, unless `from` is
 * past it).
 */
export function upcomingMeetings({ circle, last, from, count }: UpcomingQuery): UpcomingMeeting[] {
  const afterLast = last ? addDays(last.date, 1) : undefined;
  const start = afterLast && afterLast > from ? afterLast : from;
  const chosen = last?.next.date && last.next.date >= start ? last.next.date : undefined;
  // The schedule's own next meeting after the last one: the date a chosen date stands in for.
  const standsFor = afterLast ? meetingDates(scheduleQuery(circle, afterLast, 1))[0] : undefined;
  const replacedUpTo = chosen && standsFor && standsFor > chosen ? standsFor : chosen;
  // Enough of the rule's dates to cover the replaced ones and still give `count` meetings.
  const extra = replacedUpTo ? Math.floor(daysBetween(start, replacedUpTo) / 7) + 2 : 0;

  const listed: UpcomingMeeting[] = [];
  for (const d of upcomingDates(scheduleQuery(circle, start, count + extra))) {
    if (d.date === chosen) continue;
    listed.push(chosen && replacedUpTo && !d.skipped && d.date <= replacedUpTo ? { date: d.date, skipped: true, movedTo: chosen } : d);
  }
  if (chosen) {
    const at = listed.findIndex((d) => d.date > chosen);
    listed.splice(at === -1 ? listed.length : at, 0, { date: chosen, skipped: false, chosen: true });
  }

  const out: UpcomingMeeting[] = [];
  let held = 0;
  for (const d of listed) {
    if (held === count) break;
    out.push(d);
    if (!d.skipped) held += 1;
  }
  const topic = last?.next.topic?.trim();
  const speaker = last?.next.speaker?.trim();
  // The meeting they were chosen for: the chosen date, else the schedule's next date after the last meeting.
  const target = out.find((d) => d.date === (last?.next.date ?? standsFor) && !d.skipped);
  if (target && topic) target.topic = topic;
  if (target && speaker) target.speaker = speaker;
  return out;
}

/** The next meeting on or after `today` (and after the last one): the date chosen last time if still ahead, else the schedule's. */
export function nextMeetingDate(
  circle: Pick<Circle, 'schedule' | 'created'>,
  last: Pick<Meeting, 'date' | 'next'> | undefined,
  today: string,
): string | undefined {
  return upcomingMeetings({ circle, last, from: today, count: 1 }).find((d) => !d.skipped)?.date;
}

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
