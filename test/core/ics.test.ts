import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildIcs, circleKey, escapeText, foldLine, meetingEvents, withoutLinks } from '../../src/core/ics.js';
import type { Circle } from '../../src/core/schema.js';

describe('iCalendar pieces', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `DESCRIPTION:${'Юлия Łucja Αλέξης '.repeat(10)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(Buffer.from(folded).toString('utf8')).not.toContain('\uFFFD');
  });

  it('takes web addresses out of text', () => {
    expect(withoutLinks('Notes at https://example.org/x?y=1 and www.example.org today')).toBe('Notes at and today');
  });

  it('writes events that a parser reads back, with CRLF line endings', () => {
    const ics = buildIcs({
      name: 'Test, Circle',
      stamp: new Date('2026-11-01T12:00:00Z'),
      events: [{ uid: '2026-11-17-test@circle', date: '2026-11-17', start: '23:30', duration: 60, summary: 'Circle; meeting', location: 'Hall B, 2nd floor', description: 'Line one\nLine two' }],
    });
    expect(ics.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('2026-11-17-test@circle');
    expect(event.summary).toBe('Circle; meeting');
    expect(event.location).toBe('Hall B, 2nd floor');
    expect(event.description).toBe('Line one\nLine two');
    expect(event.startDate.toString()).toBe('2026-11-17T23:30:00');
    expect(event.endDate.toString()).toBe('2026-11-18T00:30:00'); // past midnight: the next day
    expect(event.startDate.isDate).toBe(false);
    expect(event.startDate.zone).toBe(ICAL.Timezone.localTimezone); // floating local time
  });
});

describe('meeting events', () => {
  const circle = {
    name: 'Riverside Circle',
    created: '2026-06-02',
    schedule: { start: '18:00', duration: 120, location: 'Library' },
    format: { sections: [{ id: 'reflect', title: 'Time to Reflect', minutes: 120 }] },
  } as unknown as Circle;

  it('gives UIDs from a hash of the name and creation date: stable, and different for another circle with the same slug', () => {
    expect(circleKey(circle)).toMatch(/^[0-9a-f]{8}$/);
    expect(circleKey(circle)).toBe(circleKey({ ...circle }));
    expect(circleKey({ ...circle, created: '2026-06-03' })).not.toBe(circleKey(circle));
    expect(circleKey({ ...circle, name: 'Riverside Circle II' })).not.toBe(circleKey(circle));
    expect(meetingEvents(circle, [{ date: '2026-11-17', skipped: false }])[0]!.uid).toBe(`2026-11-17-${circleKey(circle)}@circle`);
  });

  it('writes skipped and moved dates as cancelled events that a parser reads back', () => {
    const events = meetingEvents(circle, [
      { date: '2026-11-17', skipped: true, movedTo: '2026-11-19' },
      { date: '2026-11-19', skipped: false, chosen: true, topic: 'Burnout', speaker: 'Nadia' },
      { date: '2027-01-12', skipped: true },
    ]);
    const ics = buildIcs({ name: 'Riverside Circle', stamp: new Date('2026-11-01T12:00:00Z'), events });
    const parsed = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(parsed.map((v) => [v.getFirstPropertyValue('dtstart')!.toString().slice(0, 10), v.getFirstPropertyValue('status')])).toEqual([
      ['2026-11-17', 'CANCELLED'],
      ['2026-11-19', 'CONFIRMED'],
      ['2027-01-12', 'CANCELLED'],
    ]);
    const held = new ICAL.Event(parsed[1]!);
    expect(held.description).toContain('Topic: Burnout');
    expect(held.description).toContain('Speaker: Nadia');
    expect(new ICAL.Event(parsed[0]!).description).toContain('Thursday 19 November 2026 instead');
    expect(ics).not.toContain('SEQUENCE');
  });
});
