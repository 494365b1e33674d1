import { describe, expect, it } from 'vitest';
import { parseCadence, scheduleDates, untilHeld, type DatesQuery } from '../../src/core/cadence.js';
import { cadenceText, ENGLISH } from '../../src/core/words.js';
import { daysBetween, weekday } from '../../src/core/dates.js';
import { chosenFor, nextMeetingDate, scheduledAfter, upcomingMeetings } from '../../src/core/schedule.js';
import type { Circle, Meeting } from '../../src/core/schema.js';

/** The rule's next `count` dates with the skipped ones among them, and those held alone. */
const upcomingDates = (q: DatesQuery & { count: number }) => untilHeld(scheduleDates(q), q.count);
const meetingDates = (q: DatesQuery & { count: number }) => upcomingDates(q).flatMap((d) => (d.skipped ? [] : [d.date]));

describe('parseCadence', () => {
  it.each([
    ['weekly on Tuesday', { kind: 'weekly', every: 1, weekday: 2 }],
    ['every Thursday', { kind: 'weekly', every: 1, weekday: 4 }],
    ['Every 2 weeks on tuesdays', { kind: 'weekly', every: 2, weekday: 2 }],
    ['every other week on Monday', { kind: 'weekly', every: 2, weekday: 1 }],
    ['monthly on the 2nd Tuesday', { kind: 'monthly', nth: 2, weekday: 2 }],
    ['the last Friday of each month', { kind: 'monthly', nth: -1, weekday: 5 }],
    ['every month on the first Wednesday', { kind: 'monthly', nth: 1, weekday: 3 }],
  ])('reads "%s"', (text, cadence) => {
    expect(parseCadence(text)).toEqual({ ok: true, cadence });
  });

  it('refuses the ambiguous "every second Tuesday" and says what to write instead', () => {
    const r = parseCadence('every second Tuesday');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/ambiguous.*every 2 weeks.*monthly on the 2nd/);
  });

  it('refuses nonsense with examples', () => {
    const r = parseCadence('whenever we feel like it');
    expect(!r.ok && r.error).toMatch(/weekly on Tuesday/);
  });

  it('describes a cadence in words', () => {
    expect(cadenceText({ kind: 'weekly', every: 2, weekday: 2 }, ENGLISH)).toBe('every 2 weeks on Tuesday');
    expect(cadenceText({ kind: 'monthly', nth: -1, weekday: 4 }, ENGLISH)).toBe('the last Thursday of each month');
  });
});

describe('meetingDates', () => {
  it('counts every N weeks from the anchor, whatever day the anchor is', () => {
    const dates = meetingDates({
      cadence: { kind: 'weekly', every: 2, weekday: 2 },
      anchor: '2026-11-28', // a Saturday: the first Tuesday after is Dec 1
      from: '2026-11-28',
      count: 3,
    });
    expect(dates).toEqual(['2026-12-01', '2026-12-15', '2026-12-29']);
  });

  it('keeps the fortnightly rhythm when starting mid-cycle and leaves out skipped dates', () => {
    const dates = meetingDates({
      cadence: { kind: 'weekly', every: 2, weekday: 2 },
      anchor: '2026-12-01',
      from: '2026-12-02',
      count: 2,
      skip: ['2026-12-29'],
    });
    expect(dates).toEqual(['2026-12-15', '2027-01-12']);
  });

  it('never lets the 5th weekday spill into the next month', () => {
    const dates = meetingDates({ cadence: { kind: 'monthly', nth: 5, weekday: 2 }, anchor: '2026-01-01', from: '2026-01-01', count: 4 });
    for (const d of dates) {
      expect(weekday(d)).toBe(2);
      expect(Number(d.slice(8))).toBeGreaterThan(28);
    }
    expect(dates[0]).toBe('2026-03-31');
  });

  it('ends with the year 9999 (weekly and monthly alike)', () => {
    expect(meetingDates({ cadence: { kind: 'monthly', nth: 2, weekday: 2 }, anchor: '2026-01-01', from: '9999-11-01', count: 5 })).toEqual(['9999-11-09', '9999-12-14']);
    expect(meetingDates({ cadence: { kind: 'weekly', every: 2, weekday: 2 }, anchor: '2026-01-06', from: '9999-12-01', count: 5 })).toHaveLength(2);
  });

  it('finds the nth and last weekday of a month', () => {
    const first = (nth: number, day: number, from: string) => meetingDates({ cadence: { kind: 'monthly', nth, weekday: day }, anchor: from, from, count: 1 });
    expect(first(2, 2, '2026-11-01')).toEqual(['2026-11-10']);
    expect(first(-1, 4, '2026-11-01')).toEqual(['2026-11-26']);
    expect(first(5, 1, '2026-02-01'), 'February 2026 has no 5th Monday').toEqual(['2026-03-30']);
  });
});

describe('upcomingDates', () => {
  it('shows a skipped date in its place and still gives `count` meetings', () => {
    const dates = upcomingDates({ cadence: { kind: 'weekly', every: 4, weekday: 2 }, anchor: '2026-06-02', from: '2026-11-01', count: 3, skip: ['2027-01-12'] });
    expect(dates).toEqual([
      { date: '2026-11-17', skipped: false },
      { date: '2026-12-15', skipped: false },
      { date: '2027-01-12', skipped: true },
      { date: '2027-02-09', skipped: false },
    ]);
  });

  it('gives only months that have a 5th Tuesday, each inside its own month', () => {
    const dates = upcomingDates({ cadence: { kind: 'monthly', nth: 5, weekday: 2 }, anchor: '2026-01-01', from: '2026-01-01', count: 6 }).map((d) => d.date);
    for (const d of dates) {
      expect(weekday(d)).toBe(2);
      expect(Number(d.slice(8))).toBeGreaterThan(28);
    }
    expect(dates).toEqual(['2026-03-31', '2026-06-30', '2026-09-29', '2026-12-29', '2027-03-30', '2027-06-29']);
  });

  it.each(['Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe'])(
    'keeps whole calendar days across daylight-saving changes in %s',
    (zone) => {
      const saved = process.env.TZ;
      process.env.TZ = zone;
      try {
        // Santiago moves its clocks at midnight on 6 Sep 2026 (local midnight does not exist that day);
        // Berlin on 25 Oct, New York on 1 Nov and 14 Mar, Lord Howe by half an hour.
        if (zone === 'America/Santiago') expect(new Date(2026, 8, 6).getHours()).toBe(1);
        for (const [from, day] of [['2026-08-30', 0], ['2026-10-20', 2], ['2027-03-02', 2], ['2026-10-27', 0]] as const) {
          const dates = meetingDates({ cadence: { kind: 'weekly', every: 1, weekday: day }, anchor: from, from, count: 4 });
          dates.forEach((d, i) => {
            expect(weekday(d)).toBe(day);
            if (i) expect(daysBetween(dates[i - 1]!, d)).toBe(7);
          });
        }
      } finally {
        process.env.TZ = saved;
      }
    },
  );
});

describe('upcomingMeetings: the schedule with what the last meeting decided', () => {
  // Every 4 weeks on Tuesday from 2 June 2026: 20 Oct, 17 Nov, 15 Dec, (12 Jan skipped), 9 Feb.
  const circle = {
    created: '2026-06-02',
    schedule: { cadence: 'every 4 weeks on Tuesday', anchor: '2026-06-02', start: '18:00', duration: 120, skip: ['2027-01-12'] },
  } as unknown as Circle;
  const last = (next: { date?: string; topic?: string; speaker?: string }) => ({ date: '2026-10-20', next: { members: [], ...next } }) as unknown as Meeting;

  it('puts the chosen date in place of the schedule date it stands in for, with the topic and speaker', () => {
    const dates = upcomingMeetings({ circle, last: last({ date: '2026-11-19', topic: 'Burnout', speaker: 'Nadia' }), today: '2026-11-01', count: 3 });
    expect(dates).toEqual([
      { date: '2026-11-17', skipped: true, movedTo: '2026-11-19' },
      { date: '2026-11-19', skipped: false, chosen: true, topic: 'Burnout', speaker: 'Nadia' },
      { date: '2026-12-15', skipped: false },
      { date: '2027-01-12', skipped: true },
      { date: '2027-02-09', skipped: false },
    ]);
    expect(nextMeetingDate(circle, last({ date: '2026-11-19' }), '2026-11-01')).toBe('2026-11-19');
  });

  it('drops every schedule date up to a chosen date further out, and a chosen date wins over a skip date', () => {
    const dates = upcomingMeetings({ circle, last: last({ date: '2027-01-12' }), today: '2026-11-01', count: 2 });
    expect(dates).toEqual([
      { date: '2026-11-17', skipped: true, movedTo: '2027-01-12' },
      { date: '2026-12-15', skipped: true, movedTo: '2027-01-12' },
      { date: '2027-01-12', skipped: false, chosen: true },
      { date: '2027-02-09', skipped: false },
    ]);
  });

  it('with no chosen date, puts the topic on the first upcoming date', () => {
    const dates = upcomingMeetings({ circle, last: last({ topic: 'Burnout' }), today: '2026-11-01', count: 2 });
    expect(dates).toEqual([
      { date: '2026-11-17', skipped: false, topic: 'Burnout' },
      { date: '2026-12-15', skipped: false },
    ]);
  });

  it('leaves out a chosen date before --from, and lists nothing up to the last meeting', () => {
    // The chosen date passed with no minutes: the topic goes with the next meeting held.
    expect(upcomingMeetings({ circle, last: last({ date: '2026-11-19', topic: 'Burnout' }), today: '2026-11-20', count: 1 })).toEqual([{ date: '2026-12-15', skipped: false, topic: 'Burnout' }]);
    expect(upcomingMeetings({ circle, last: last({ topic: 'Burnout' }), today: '2026-11-18', count: 1 })).toEqual([{ date: '2026-12-15', skipped: false, topic: 'Burnout' }]);
    // Listed from a later date than today: the meeting in between takes the topic.
    expect(upcomingMeetings({ circle, last: last({ topic: 'Burnout' }), today: '2026-11-18', from: '2026-12-16', count: 1 })).toEqual([
      { date: '2027-01-12', skipped: true },
      { date: '2027-02-09', skipped: false },
    ]);
    expect(upcomingMeetings({ circle, last: last({}), today: '2026-10-20', count: 1 }).map((d) => d.date)).toEqual(['2026-11-17']);
    expect(upcomingMeetings({ circle, last: undefined, today: '2026-10-20', count: 1 }).map((d) => d.date)).toEqual(['2026-10-20']);
  });

  it('counts from the anchor, else the creation date, and leaves out skip dates', () => {
    expect(scheduledAfter(circle, '2026-11-01')).toBe('2026-11-17');
    expect(scheduledAfter(circle, '2026-12-15')).toBe('2027-02-09'); // 12 January is skipped
    const unanchored = { ...circle, created: '2026-06-09', schedule: { ...circle.schedule, anchor: undefined } } as unknown as Circle;
    expect(scheduledAfter(unanchored, '2026-11-01')).toBe('2026-11-24');
  });

  it('gives the chosen topic to the next meeting only, whatever date is asked about', () => {
    const chosen = last({ topic: 'Burnout', speaker: 'Nadia' });
    expect(chosenFor(circle, chosen, '2026-11-17', '2026-11-01')).toEqual({ topic: 'Burnout', speaker: 'Nadia' });
    expect(chosenFor(circle, chosen, '2026-12-15', '2026-11-01')).toEqual({});
    expect(chosenFor(circle, chosen, '2026-12-15', '2026-11-28')).toEqual({ topic: 'Burnout', speaker: 'Nadia' });
    expect(chosenFor(circle, chosen, '2026-10-20', '2026-11-01')).toEqual({}); // the last meeting itself
  });
});

describe('isIsoDate', () => {
  it('knows the calendar: month lengths, leap years, four-digit years', async () => {
    const { isIsoDate } = await import('../../src/core/dates.js');
    expect(['2024-02-29', '2000-02-29', '2026-12-31', '2011-12-30'].map(isIsoDate)).toEqual([true, true, true, true]);
    expect(['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', '12026-01-01'].map(isIsoDate)).toEqual(
      Array(8).fill(false),
    );
  });
});
