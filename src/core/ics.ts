// An iCalendar file (RFC 5545) of upcoming meetings.
//
// Times are written as *floating* local time (DTSTART:20261027T180000, no TZID, no Z).
// circle.yaml keeps times as local wall-clock time without a zone, and a circle meets
// in one place: 18:00 means 18:00 there, in summer and in winter. A floating time is
// shown at that wall-clock time by calendar apps (Google Calendar, Apple Calendar,
// Outlook, Thunderbird) on both sides of a daylight-saving change. A TZID would need a
// zone the data does not hold; guessing it from the machine that runs `circle` would
// be wrong on a laptop abroad or a server in UTC, and a hand-made VTIMEZONE is one more
// thing a calendar app can read differently.
//
// A date with no meeting (a skip date, or a date the group moved) is written as an event
// with STATUS:CANCELLED and the same UID it had as a meeting, so importing the file again
// takes away a meeting imported before it was called off. There is no SEQUENCE: the
// file is a METHOD:PUBLISH snapshot, which importers match by UID and replace whole, and
// a SEQUENCE that must grow with every change would need a counter kept between runs
// (`circle` keeps no such state; a number made up per run could go down again).
import type { UpcomingMeeting } from './schedule.js';
import { addDays, formatClock, parseClock } from './dates.js';
import { longDate, t } from './words.js';
import type { Circle } from './schema.js';

/** Escape a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Fold a content line to at most 75 octets per line, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Text with web addresses taken out: an invitation full of links looks like phishing. */
export function withoutLinks(s: string): string {
  return s
    .replace(/\b(?:https?|ftp):\/\/\S+/gi, '')
    .replace(/\bwww\.\S+/gi, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

const localTime = (date: string, minutes: number) =>
  `${addDays(date, Math.floor(minutes / 1440)).replaceAll('-', '')}T${formatClock(minutes).replace(':', '')}00`;

/** `stamp`: when the file was made (DTSTAMP is in UTC). */
export function buildIcs(cal: { name: string; stamp: Date; events: Readonly<ReturnType<typeof meetingEvents>> }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//circle//learning circle schedule//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
  ];
  const stamp = cal.stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  for (const e of cal.events) {
    const start = parseClock(e.start);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${localTime(e.date, start)}`,
      `DTEND:${localTime(e.date, start + e.duration)}`,
      `SUMMARY:${escapeText(withoutLinks(e.summary))}`,
    );
    if (e.location?.trim()) lines.push(`LOCATION:${escapeText(withoutLinks(e.location))}`);
    if (e.description?.trim()) lines.push(`DESCRIPTION:${escapeText(withoutLinks(e.description))}`);
    lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A stable key for a circle: FNV-1a of its name and creation date (two workspaces may both have a `riverside`). */
export function circleKey(circle: Pick<Circle, 'name' | 'created'>): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${circle.name.trim()}\n${circle.created}`)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The calendar events for the upcoming meetings: held ones with the plan, the others cancelled. */
export function meetingEvents(circle: Pick<Circle, 'name' | 'created' | 'schedule' | 'format'>, meetings: readonly UpcomingMeeting[]) {
  const key = circleKey(circle);
  const plan = circle.format.sections.map((s) => t('calendar.section', { title: s.title, minutes: s.minutes })).join(', ');
  const name = circle.name;
  return meetings.map((m) => {
    const lines = m.skipped
      ? [m.movedTo ? t('calendar.moved', { circle: name, date: longDate(m.movedTo) }) : t('calendar.none', { circle: name })]
      : [
          t('calendar.meeting', { circle: name }),
          ...(m.chosen ? [t('calendar.chosen')] : []),
          t('calendar.rhythm', { plan }),
          ...(m.topic ? [t('calendar.topic', { topic: m.topic })] : []),
          ...(m.speaker ? [t('calendar.speaker', { speaker: m.speaker })] : []),
        ];
    return {
      // Stable across runs, so importing again updates the event instead of doubling it.
      uid: `${m.date}-${key}@circle`,
      date: m.date,
      start: circle.schedule.start,
      duration: circle.schedule.duration,
      summary: m.skipped ? t('calendar.none_summary', { circle: name }) : name,
      location: circle.schedule.location,
      description: lines.join('\n'),
      // A date with no meeting after all: calendar apps take the event away.
      ...(m.skipped && { cancelled: true }),
    };
  });
}
