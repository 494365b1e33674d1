// When the circle meets next, and what each of those meetings is for. `agenda`, `list`,
// `schedule` and the calendar file all ask this module, so they always agree.
import { parseCadence, scheduleDates, untilHeld, type Cadence, type DatesQuery, type ScheduledDate } from './cadence.js';
import { addDays, daysBetween, type IsoDate } from './dates.js';
import { cadenceText, ENGLISH, longDate, t } from './words.js';
import { meetingEnd } from './format.js';
import type { Circle, Meeting } from './schema.js';

type ScheduleOf = Pick<Circle, 'schedule' | 'created'>;
/** What the schedule needs of the newest meeting on record: its date and what it chose. */
type LastMeeting = Pick<Meeting, 'date'> & { next: Pick<Meeting['next'], 'date' | 'topic' | 'speaker'> };

function cadenceOf(circle: ScheduleOf): Cadence {
  const parsed = parseCadence(circle.schedule.cadence);
  if (!parsed.ok) throw new Error(parsed.error); // the schema has already refused this
  return parsed.cadence;
}

/** The schedule's rule as a dates query: cadence, anchor (else `created`) and skip dates, from `from`. */
function scheduleQuery(circle: ScheduleOf, from: IsoDate): DatesQuery {
  return { cadence: cadenceOf(circle), anchor: circle.schedule.anchor ?? circle.created, from, skip: circle.schedule.skip };
}

/** The schedule's own next date after `date` (skip dates left out). */
export function scheduledAfter(circle: ScheduleOf, date: IsoDate): IsoDate | undefined {
  for (const d of scheduleDates(scheduleQuery(circle, addDays(date, 1)))) if (!d.skipped) return d.date;
  return undefined;
}

/** The rule in words ("every 4 weeks on Tuesday, counted from Tuesday 2 June 2026"), and whether circle.yaml words it otherwise (so it is worth quoting). */
export function describeSchedule(circle: ScheduleOf) {
  const cadence = cadenceOf(circle);
  const anchor = circle.schedule.anchor ?? circle.created;
  const counted = cadence.kind === 'weekly' && cadence.every > 1;
  const rule = cadenceText(cadence);
  return {
    rule: counted ? t('cadence.counted', { rule, date: longDate(anchor) }) : rule,
    anchor,
    start: circle.schedule.start,
    end: meetingEnd(circle.schedule),
    reworded: circle.schedule.cadence.trim().toLowerCase() !== cadenceText(cadence, ENGLISH).toLowerCase(),
  };
}

/** What the group chose at the last meeting for the next one. */
export interface Chosen {
  topic?: string;
  speaker?: string;
}

export interface UpcomingMeeting extends ScheduledDate, Chosen {
  /** The date the group chose at the last meeting (`next.date`). */
  chosen?: true;
  /** A schedule date with no meeting because the group chose this date instead (then `skipped` is true). */
  movedTo?: IsoDate;
}

interface UpcomingQuery {
  circle: ScheduleOf;
  /** The newest meeting on record; undefined before the first. */
  last: LastMeeting | undefined;
  /** Today: the next meeting is the first one held on or after it. */
  today: IsoDate;
  /** First date that may be listed (inclusive; default today); dates up to the last meeting are never listed. */
  from?: IsoDate;
  /** How many meetings to list (skipped and moved dates among them come on top). */
  count: number;
}

/** The meetings from `from` on, with skipped and moved dates, before the topic is placed. */
function listDates(circle: ScheduleOf, last: LastMeeting | undefined, from: IsoDate, count: number): UpcomingMeeting[] {
  const afterLast = last ? addDays(last.date, 1) : undefined;
  const start = afterLast && afterLast > from ? afterLast : from;
  const chosen = last?.next.date && last.next.date >= start ? last.next.date : undefined;
  // The schedule's own next meeting after the last one: the date a chosen date stands in for.
  const standsFor = last ? scheduledAfter(circle, last.date) : undefined;
  const replacedUpTo = chosen && standsFor && standsFor > chosen ? standsFor : chosen;
  // Enough of the rule's dates to cover the replaced ones and still give `count` meetings.
  const extra = replacedUpTo ? Math.floor(daysBetween(start, replacedUpTo) / 7) + 2 : 0;

  const listed: UpcomingMeeting[] = [];
  for (const d of untilHeld(scheduleDates(scheduleQuery(circle, start)), count + extra)) {
    if (d.date === chosen) continue;
    listed.push(chosen && replacedUpTo && !d.skipped && d.date <= replacedUpTo ? { date: d.date, skipped: true, movedTo: chosen } : d);
  }
  if (chosen) {
    const at = listed.findIndex((d) => d.date > chosen);
    listed.splice(at === -1 ? listed.length : at, 0, { date: chosen, skipped: false, chosen: true });
  }
  return untilHeld(listed, count);
}

/**
 * The next meeting on or after `today` (and after the last one): the date chosen last time
 * if still ahead, else the schedule's next date.
 *
 * The date chosen at the last meeting takes the place of the schedule's dates after the
 * last meeting up to it, or, when it comes before the schedule's next date, of that one
 * date; a chosen date wins over a skip date.
 */
export function nextMeetingDate(circle: ScheduleOf, last: LastMeeting | undefined, today: IsoDate): IsoDate | undefined {
  return listDates(circle, last, today, 1).find((d) => !d.skipped)?.date;
}

/**
 * What the meeting on `date` is for: the topic and speaker chosen at the last meeting go
 * with the next meeting after it (see `nextMeetingDate`), or any earlier date one is
 * held on; a later meeting has no topic yet.
 */
export function chosenFor(circle: ScheduleOf, last: LastMeeting | undefined, date: IsoDate, today: IsoDate): Chosen {
  const topic = last?.next.topic?.trim();
  const speaker = last?.next.speaker?.trim();
  if (!last || !topic || date <= last.date) return {};
  const next = nextMeetingDate(circle, last, today);
  if (next !== undefined && date > next) return {};
  return { topic, ...(speaker && { speaker }) };
}

/** The next `count` meetings from `from` (default today), with skipped and moved dates, each with what it is for. */
export function upcomingMeetings({ circle, last, today, from = today, count }: UpcomingQuery): UpcomingMeeting[] {
  return listDates(circle, last, from, count).map((d) => (d.skipped ? d : { ...d, ...chosenFor(circle, last, d.date, today) }));
}
