import { describe, expect, it } from 'vitest';
import { buildAgenda, type Agenda, type AgendaInput } from '../../src/core/agenda.js';
import { memoryOf, remember } from '../../src/core/memory.js';
import { nameTags } from '../../src/core/nametags.js';
import { PROMPTS as prompts } from '../../src/core/prompts.js';
import { circleSchema, meetingSchema, memberSchema, type Meeting } from '../../src/core/schema.js';
import { agendaDocument } from '../../src/render/agenda.js';
import { toMarkdown } from '../../src/render/markdown.js';


const circle = circleSchema.parse({
  name: 'Eastside Youth Workers',
  created: '2026-01-06',
  purpose: 'Every young person in Eastside has three adults who believe in them.',
  ground_rules: ['Speak from your own practice.'],
  format: {
    sections: [
      { id: 'reflect', title: 'Time to Reflect', minutes: 45, prompts: { surprised: 'What caught you off guard?' } },
      { id: 'learning', title: 'Learning Together', minutes: 50 },
      { id: 'next', title: "What's Next?", minutes: 25 },
    ],
  },
  schedule: { cadence: 'every 2 weeks on Tuesday', anchor: '2026-01-06', start: '18:00', duration: 120, location: 'Hall B' },
  traditions: ['Name tags', 'Food'],
});

const members = [
  { name: 'Ana Souza', organization: 'Eastside Library', joined: '2026-01-06' },
  { name: 'Ben Okoro', organization: 'Youth Football', joined: '2026-01-06' },
  { name: 'Cleo Marsh', joined: '2026-01-06', active: false },
  { name: 'Dev Patel', organization: 'Food Hub', joined: '2026-02-10' },
  { name: 'Eli Berg', joined: '2026-01-06' },
].map((m) => memberSchema.parse(m));

const last: Meeting = meetingSchema.parse({
  date: '2026-02-03',
  number: 3,
  attendance: { present: ['Ana Souza', 'Ben Okoro', 'Cleo Marsh'] },
  reflect: {
    members: [
      { member: 'Ana Souza', new_issues: 'Volunteers leave after a month' },
      { member: 'Ben Okoro', new_issues: 'My board chair may resign over the budget', private: true },
      { member: 'Cleo Marsh', new_issues: 'Moving away' },
    ],
    requests: [
      { topic: 'Board relations', by: 'Ana Souza' },
      { topic: 'When a chair walks out', by: 'Ben Okoro', private: true },
    ],
  },
  next: {
    members: [
      { member: 'Ana Souza', will_practice: 'Ask one volunteer a week why they stay', wants_to_learn: 'Board relations' },
      { member: 'Ben Okoro', will_practice: 'Talk to the chair in private first', wants_to_learn: 'Quiet succession planning', private: true },
      { member: 'Cleo Marsh', will_practice: 'Hand over the youth council' },
    ],
    topic: 'Keeping volunteers',
    speaker: 'Rosa from the Volunteer Centre',
    date: '2026-02-17',
  },
});

/** The agenda's input: the memory as the last meeting leaves it, unless given. */
const input = (over: Partial<AgendaInput> = {}): AgendaInput => {
  const l = 'last' in over ? over.last : last;
  return { circle, members, last: l, memory: remember(l ? [memoryOf(l)] : []), number: l ? l.number + 1 : 1, date: '2026-02-17', today: '2026-02-01', ...over };
};
const everything = (a: Agenda) => JSON.stringify(a) + toMarkdown(agendaDocument(a));

describe('buildAgenda after a meeting', () => {
  const a = buildAgenda(input());

  it('numbers and times the meeting from the schedule and the format', () => {
    expect(a).toMatchObject({ kind: 'regular', number: 4, date: '2026-02-17', start: '18:00', end: '20:00', place: 'Hall B' });
    const timed = a.sections.filter((s) => s.slot).map((s) => [s.id, s.slot!.start, s.slot!.end, s.slot!.minutes]);
    expect(timed).toEqual([
      ['reflect', '18:00', '18:45', 45],
      ['learning', '18:45', '19:35', 50],
      ['next', '19:35', '20:00', 25],
    ]);
    expect(a.sections.map((s) => s.id)).toEqual(['introductions', 'ground_rules', 'reflect', 'learning', 'next']);
    expect(a.following).toBe('2026-03-03');
    expect(a.warnings).toEqual([]);
  });

  it("asks the circle's own wording of the questions", () => {
    const reflect = a.sections.find((s) => s.id === 'reflect')!;
    expect(reflect.questions).toContain('What caught you off guard?');
    expect(reflect.questions).not.toContain('What surprised you?');
  });

  it('follows up each commitment and open issue, leaving out inactive members', () => {
    expect(a.reflect!.commitments).toEqual([{ member: 'Ana Souza', commitment: 'Ask one volunteer a week why they stay' }]);
    expect(a.reflect!.issues).toEqual([{ text: 'Volunteers leave after a month', by: ['Ana Souza'], count: 1, since: expect.any(String) }]);
    expect(everything(a)).not.toMatch(/Cleo|Moving away|youth council/);
  });

  it('matches names as people write them: another case or Unicode form is the same person', () => {
    const spelled = { ...last, attendance: { ...last.attendance, present: ['ana souza', 'Ben Okoro'.normalize('NFD'), 'Cleo Marsh'] } };
    const b = buildAgenda(input({ last: spelled, members: members.map((m) => (m.name === 'Cleo Marsh' ? { ...m, name: 'CLEO MARSH' } : m)) }));
    expect(b.reflect!.missedLast).not.toContain('Ana Souza');
    expect(b.reflect!.missedLast).not.toContain('Ben Okoro');
    expect(everything(b)).not.toMatch(/Moving away|youth council/); // CLEO MARSH is still the inactive Cleo Marsh
  });

  it('never shows anything marked private', () => {
    expect(everything(a)).not.toMatch(/board chair|in private first|succession|chair walks out/i);
    const noTopic = buildAgenda(input({ last: { ...last, next: { ...last.next, topic: undefined, speaker: undefined } } }));
    expect(everything(noTopic)).not.toMatch(/succession/i);
  });

  it('names newcomers: active members who joined after the last meeting', () => {
    expect(a.newcomers).toEqual([{ name: 'Dev Patel', organization: 'Food Hub' }]);
    expect(a.sections[0]!.questions.length).toBeGreaterThan(0); // the longer introduction questions
    expect(a.reflect!.missedLast).toEqual(['Eli Berg']); // Dev is new, Cleo inactive
  });

  it('has no newcomer questions when nobody is new', () => {
    const b = buildAgenda(input({ members: members.filter((m) => m.name !== 'Dev Patel') }));
    expect(b.newcomers).toEqual([]);
    expect(b.sections[0]!.questions).toEqual([]);
  });

  it('carries the topic and speaker chosen last time', () => {
    expect(a.learning).toMatchObject({ topic: 'Keeping volunteers', speaker: 'Rosa from the Volunteer Centre' });
  });

  it('lists the backlog of topics asked for (none asked only in confidence), most-asked first', () => {
    const b = buildAgenda(input({ last: { ...last, next: { ...last.next, topic: undefined, speaker: undefined } } }));
    expect(b.learning!.topic).toBeUndefined();
    expect(b.learning!.backlog).toEqual([{ topic: 'Board relations', by: ['Ana Souza'], asks: 2 }]);
  });

  it('warns when the format is under 90 minutes or does not match the duration', () => {
    const short = circleSchema.parse({
      ...circle,
      format: { sections: circle.format.sections.map((s) => ({ ...s, minutes: 20 })) },
      schedule: { ...circle.schedule, duration: 60 },
    });
    expect(buildAgenda(input({ circle: short })).warnings).toEqual([expect.stringMatching(/adds up to 60 minutes; under 90/)]);
    const mismatch = { ...short, schedule: { ...short.schedule, duration: 90 } };
    expect(buildAgenda(input({ circle: mismatch })).warnings).toEqual([
      expect.stringMatching(/under 90/),
      "the format's sections add up to 60 minutes but schedule.duration is 90",
    ]);
    expect(buildAgenda(input({ circle: { ...circle, schedule: { ...circle.schedule, duration: 150 } } })).warnings).toEqual([
      "the format's sections add up to 120 minutes but schedule.duration is 150",
    ]);
  });
});

describe('buildAgenda before the first meeting', () => {
  const a = buildAgenda(input({ last: undefined, date: '2026-01-06' }));

  it('sets the group up: introductions, purpose, ground rules, format', () => {
    expect(a.kind).toBe('first');
    expect(a.number).toBe(1);
    expect(a.sections.map((s) => s.id)).toEqual(['introductions', 'purpose', 'ground_rules', 'format', 'next']);
    // The questions for the group; the facilitator's own steps (a confirm, a statement to type) are left off.
    expect(a.sections[0]!.questions).toEqual(prompts.introductions.questions.filter((q) => ['vision', 'hopes'].includes(q.id)).map((q) => q.ask));
    expect(a.sections.find((s) => s.id === 'purpose')!.questions).toEqual(prompts.purpose.questions.filter((q) => q.agenda !== false).map((q) => q.ask));
    expect(a.sections.find((s) => s.id === 'ground_rules')!.questions).toHaveLength(4);
    expect(JSON.stringify(a.sections)).not.toMatch(/\{\w+\}/); // no {placeholder} left unfilled
    expect(a.reflect).toBeUndefined();
    expect(a.learning).toBeUndefined();
    expect(a.proposedFormat).toEqual([
      { title: 'Time to Reflect', minutes: 45 },
      { title: 'Learning Together', minutes: 50 },
      { title: "What's Next?", minutes: 25 },
    ]);
  });

  it('gives the long introductions the most time and fills the meeting exactly', () => {
    const slots = a.sections.map((s) => s.slot!);
    expect(slots[0]!.start).toBe('18:00');
    expect(slots.at(-1)!.end).toBe('20:00');
    expect(Math.max(...slots.map((s) => s.minutes))).toBe(slots[0]!.minutes);
    for (let i = 1; i < slots.length; i++) expect(slots[i]!.start).toBe(slots[i - 1]!.end);
  });

  it('welcomes every active member', () => {
    expect(a.newcomers.map((n) => n.name)).toEqual(['Ana Souza', 'Ben Okoro', 'Dev Patel', 'Eli Berg']);
  });
});

describe('nameTags', () => {
  it('makes one tag per active member, sorted, then the guests', () => {
    const tags = nameTags(members, ['Dr Nadia Karim', ' ', 'Sam']);
    expect(tags.map((t) => t.tag)).toEqual(['Ana', 'Ben', 'Dev', 'Eli', 'Nadia', 'Sam']);
    expect(tags[0]).toEqual({ tag: 'Ana', name: 'Ana Souza', organization: 'Eastside Library', guest: false });
    expect(tags.at(-1)).toMatchObject({ name: 'Sam', organization: 'Guest', guest: true });
  });
});
