// A small circle with one meeting behind it, built inline for the core tests (the
// example circle in circles/ may change without breaking them).
import type { MeetingPlan } from '../../src/core/meet/index.js';
import { memoryOf, remember } from '../../src/core/memory.js';
import { circleSchema, meetingSchema, membersSchema, type Circle, type Meeting, type Member } from '../../src/core/schema.js';

/** The three parts of a meeting, 120 minutes in all: the test circles' format. */
export const FORMAT = {
  sections: [
    { id: 'reflect', title: 'Time to Reflect', minutes: 45 },
    { id: 'learning', title: 'Learning Together', minutes: 50 },
    { id: 'next', title: "What's Next?", minutes: 25 },
  ],
};

export const CIRCLE: Circle = circleSchema.parse({
  name: 'Riverside Test Circle',
  created: '2026-06-02',
  purpose: 'To learn from one another.',
  ground_rules: ['Listen first.'],
  format: FORMAT,
  schedule: { cadence: 'every 4 weeks on Tuesday', anchor: '2026-06-02', start: '18:00', duration: 120, location: 'Library' },
});

export const MEMBERS: Member[] = membersSchema.parse({
  members: [
    { name: 'José Álvarez', joined: '2026-06-02' },
    { name: 'Łucja Nowak', joined: '2026-06-02' },
    { name: 'Amara Okafor', joined: '2026-06-02' },
    { name: 'Đặng Thu Hương', tag: 'Hương', joined: '2026-06-02' },
    { name: 'Grace Whitfield', joined: '2026-06-02', active: false },
  ],
}).members;

/** The meeting before 17 November: it chose a topic, a speaker and the date, and two members committed. */
export const LAST: Meeting = meetingSchema.parse({
  date: '2026-10-20',
  number: 6,
  attendance: { present: ['José Álvarez', 'Łucja Nowak', 'Amara Okafor'] },
  reflect: { requests: [{ topic: 'Writing a first grant application', by: 'Łucja Nowak' }] },
  learning: { topic: 'Board and staff' },
  next: {
    members: [
      { member: 'José Álvarez', will_practice: "Call the Seniors' Network about a winter transport rota." },
      { member: 'Amara Okafor', will_practice: 'Keep every Friday afternoon clear.' },
    ],
    topic: 'Preventing burnout',
    speaker: 'Dr Nadia Karim',
    date: '2026-11-17',
  },
});

export const DATE = '2026-11-17';

/** The plan of the meeting of 17 November; `last: undefined` makes it the circle's first. */
export function plan(overrides: Partial<MeetingPlan> = {}): MeetingPlan {
  const last = 'last' in overrides ? overrides.last : LAST;
  const memory = remember(last ? [memoryOf(last)] : []);
  return { circle: CIRCLE, members: MEMBERS, last, date: DATE, number: last ? last.number + 1 : 1, memory, ...overrides };
}
