import { describe, expect, it } from 'vitest';
import { describeCadence, meetingDates, nthWeekdayOfMonth, parseCadence } from '../../src/core/schedule.js';
import { weekday } from '../../src/core/dates.js';

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
    expect(describeCadence({ kind: 'weekly', every: 2, weekday: 2 })).toBe('every 2 weeks on Tuesday');
    expect(describeCadence({ kind: 'monthly', nth: -1, weekday: 4 })).toBe('the last Thursday of each month');
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

  it('finds the nth and last weekday of a month', () => {
    expect(nthWeekdayOfMonth(2026, 10, 2, 2)).toBe('2026-11-10');
    expect(nthWeekdayOfMonth(2026, 10, -1, 4)).toBe('2026-11-26');
    expect(nthWeekdayOfMonth(2026, 1, 5, 1)).toBeUndefined();
  });
});
