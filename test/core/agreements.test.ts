// The first meeting (introductions for everyone, purpose, ground rules, format, What's
// Next) and a later meeting that revisits them: the steps, their defaults, and what the
// minutes keep.
import { describe, expect, it } from 'vitest';
import { agreementsChanged } from '../../src/core/agreements.js';
import {
  answer,
  newDraft,
  pendingStep,
  rollChanges,
  runMeeting,
  steps,
  toMinutes,
  withAgreements,
  type Draft,
  type MeetingPlan,
  type Prompter,
} from '../../src/core/meet/index.js';
import { circleSchema, meetingSchema } from '../../src/core/schema.js';
import { CIRCLE, DATE, MEMBERS, plan as examplePlan } from './fixtures.js';

const AT = '2026-11-17T18:00:00.000Z';

/** A circle with its agreements to talk over: a purpose, three rules, two traditions. */
const circle = circleSchema.parse({
  ...CIRCLE,
  purpose: 'To learn from one another.',
  outcomes: { community: 'Fewer gaps between us.' },
  ground_rules: ['Listen first.', 'Phones away.', 'Start on time.'],
  traditions: ['Name tags', 'Food to share'],
  schedule: { cadence: 'every 2 weeks on Tuesday', start: '18:00', duration: 120 },
});
const first = (): MeetingPlan => examplePlan({ circle, last: undefined, members: MEMBERS.slice(0, 2) });
const later = (): MeetingPlan => examplePlan({ circle });

function fake(answers: Record<string, unknown>): Prompter {
  return { ask: async (step) => (step.id in answers ? answers[step.id] : undefined) };
}

async function play(plan: MeetingPlan, answers: Record<string, unknown>, draft: Draft = withAgreements(newDraft(DATE, AT), plan)): Promise<Draft> {
  return runMeeting(plan, draft, { prompter: fake(answers), now: () => AT, save: async () => {} });
}

function give(plan: MeetingPlan, draft: Draft, id: string, raw: unknown): Draft {
  const step = steps(plan, draft).find((s) => s.id === id);
  if (!step) throw new Error(`no step "${id}" in this meeting`);
  return answer(draft, step, raw, AT);
}

const ids = (plan: MeetingPlan, d: Draft) => steps(plan, d).map((s) => s.id);

describe("a circle's first meeting", () => {
  it('introduces everyone, then purpose, ground rules and format, then What\'s Next: no Reflect, no Learning Together', () => {
    const plan = first();
    let d = withAgreements(newDraft(DATE, AT), plan);
    d = give(plan, d, 'attendance', ['José Álvarez', 'Łucja Nowak']);
    d = give(plan, d, 'newcomers', ['Ana Souza']);
    const all = ids(plan, d);
    expect(all.filter((id) => id.startsWith('introductions.'))).toEqual(
      ['José Álvarez', 'Łucja Nowak', 'Ana Souza'].flatMap((n) => ['organization', 'vision', 'hopes'].map((q) => `introductions.${n}.${q}`)),
    );
    expect(all.some((id) => id.startsWith('reflect.') || id.startsWith('learning.'))).toBe(false);
    const parts = [...new Set(steps(plan, d).map((s) => s.section))];
    expect(parts).toEqual(['opening', 'introductions', 'purpose', 'ground_rules', 'format', 'next', 'closing']);
    expect(all.filter((id) => id.startsWith('purpose.'))).toEqual([
      'purpose.community',
      'purpose.together',
      'purpose.individually',
      'purpose.engagement',
      'purpose.statement',
      'purpose.vision',
    ]);
    expect(all.filter((id) => id.startsWith('ground_rules.'))).toEqual([
      'ground_rules.discussion',
      'ground_rules.values',
      'ground_rules.trust',
      'ground_rules.culture',
      'ground_rules.1',
      'ground_rules.2',
      'ground_rules.3',
      'ground_rules.added',
    ]);
    expect(all.filter((id) => id.startsWith('format.'))).toEqual([
      'format.minutes.reflect',
      'format.minutes.learning',
      'format.minutes.next',
      'format.cadence',
      'format.day',
      'format.start',
      'format.location',
      'format.traditions',
      'format.new_traditions',
    ]);
  });

  it('offers what the circle has now as each default: organisation, outcome, purpose, rule, minutes, schedule, traditions', () => {
    const plan = first();
    const d = give(plan, withAgreements(newDraft(DATE, AT), plan), 'attendance', ['José Álvarez']);
    const step = (id: string) => steps(plan, d).find((s) => s.id === id)!;
    const withOrg = examplePlan({ circle, last: undefined, members: [{ ...MEMBERS[0]!, organization: 'Food Bank' }] });
    expect(steps(withOrg, d).find((s) => s.id === 'introductions.José Álvarez.organization')!.default).toBe('Food Bank');
    expect(step('purpose.community')).toMatchObject({ default: 'Fewer gaps between us.', edit: true });
    expect(step('purpose.statement')).toMatchObject({ default: 'To learn from one another.', edit: true });
    expect(step('ground_rules.2')).toMatchObject({ kind: 'select', default: 'keep', question: 'Rule 2 of 3: "Phones away."' });
    expect(step('format.minutes.learning')).toMatchObject({ default: '50', question: 'Minutes for Learning Together' });
    expect(step('format.cadence').default).toBe('every 2 weeks');
    expect(step('format.day').default).toBe('Tuesday');
    expect(step('format.start').default).toBe('18:00');
    expect(step('format.traditions').default).toEqual(['Name tags', 'Food to share']);
    // The circle's traditions first, then suggestions it does not keep yet.
    expect(step('format.traditions').choices!.map((c) => c.value)).toEqual([
      'Name tags',
      'Food to share',
      'A round of introductions at the start of every meeting',
      'Big first-name name tags',
      'Food to share, with a rota for who brings it',
    ]);
  });

  it('asks for new words only for a rule the group rewords, with the old words to edit', () => {
    const plan = first();
    let d = withAgreements(newDraft(DATE, AT), plan);
    expect(ids(plan, d)).not.toContain('ground_rules.2.wording');
    d = give(plan, d, 'ground_rules.2', 'reword');
    const wording = steps(plan, d).find((s) => s.id === 'ground_rules.2.wording')!;
    expect(wording).toMatchObject({ default: 'Phones away.', edit: true, question: 'Rule 2 in its new words' });
    expect(() => give(plan, d, 'ground_rules.2.wording', '  ')).toThrow(/type the new words, or choose to drop/);
    expect(() => give(plan, d, 'ground_rules.3', 'ditch')).toThrow(/expected one of: keep, reword, drop/);
  });

  it('warns when the agreed minutes add up to less than 90, on the next question', () => {
    const plan = first();
    let d = withAgreements(newDraft(DATE, AT), plan);
    expect(steps(plan, d).find((s) => s.id === 'format.cadence')!.note).toBeUndefined();
    for (const [id, m] of [['reflect', '30'], ['learning', '30'], ['next', '20']] as const) d = give(plan, d, `format.minutes.${id}`, m);
    expect(steps(plan, d).find((s) => s.id === 'format.cadence')!.note).toBe(
      'The sections add up to 80 minutes: under 90 there is seldom time to reflect, learn and plan.',
    );
    expect(() => give(plan, d, 'format.minutes.next', 'twenty')).toThrow(/whole minutes/);
  });

  it('keeps the purpose, the rules as changed, the format and the visions in the minutes', async () => {
    const plan = first();
    const draft = await play(plan, {
      attendance: ['José Álvarez'],
      newcomers: ['Ana Souza'],
      'introductions.José Álvarez.vision': 'No empty plates.',
      'introductions.Ana Souza.organization': 'Eastside Library',
      'introductions.Ana Souza.vision': 'Everyone reads.',
      'purpose.community': 'Residents walked door to door.',
      'purpose.together': 'We refer to each other.',
      'purpose.statement': 'So that none of us works alone.',
      'ground_rules.discussion': 'Everyone speaks once before anyone twice.',
      'ground_rules.culture': 'Curiosity',
      'ground_rules.2': 'reword',
      'ground_rules.2.wording': 'Phones away unless on call.',
      'ground_rules.3': 'drop',
      'ground_rules.added': ['Say when you disagree.', 'Listen first.'],
      'format.minutes.reflect': '40',
      'format.cadence': 'every 4 weeks',
      'format.day': 'Thursday',
      'format.start': '18:30',
      'format.location': 'Hall B',
      'format.traditions': ['Name tags', 'food'],
      'format.new_traditions': ['Tea first'],
      'next.Ana Souza.will_practice': 'Visit the food bank',
    });
    const minutes = meetingSchema.parse(toMinutes(plan, draft));
    expect(minutes.number).toBe(1);
    expect(minutes.introductions.map((i) => i.member)).toEqual(['José Álvarez', 'Ana Souza']);
    expect(minutes.purpose).toEqual({
      notes: { community: 'Residents walked door to door.', together: 'We refer to each other.' },
      statement: 'So that none of us works alone.',
      was: undefined, // a first meeting sets; it changes nothing
    });
    expect(minutes.ground_rules).toEqual({
      notes: { discussion: 'Everyone speaks once before anyone twice.', culture: 'Curiosity' },
      kept: ['Listen first.'],
      reworded: [{ from: 'Phones away.', to: 'Phones away unless on call.' }],
      dropped: ['Start on time.'],
      added: ['Say when you disagree.'], // "Listen first." is kept already
    });
    expect(minutes.format).toEqual({
      sections: { reflect: 40, learning: 50, next: 25 },
      cadence: 'every 4 weeks on Thursday',
      start: '18:30',
      location: 'Hall B',
      // Counted from about four weeks on: the meeting is on a Tuesday, the rule says Thursday.
      anchor: '2026-12-17',
      traditions: { kept: ['Name tags'], dropped: ['Food to share'], added: ['Food to share, with a rota for who brings it', 'Tea first'] },
      was: undefined,
    });
    expect(minutes.reflect).toEqual({ members: [], requests: [] });
    expect(agreementsChanged(minutes)).toEqual(['purpose', 'ground_rules', 'format']);
    // What's Next offers the next date by the schedule just agreed.
    expect(steps(plan, draft).find((s) => s.id === 'next.date')!.default).toBe('2026-12-17');

    const roll = rollChanges(plan.members, plan, draft);
    expect(roll.updated).toEqual([{ index: 0, name: 'José Álvarez', set: { vision: 'No empty plates.' } }]);
    expect(roll.joining).toEqual([expect.objectContaining({ name: 'Ana Souza', organization: 'Eastside Library', vision: 'Everyone reads.' })]);
  });

  it('counts "every N weeks" from this meeting when it falls on the agreed day', async () => {
    const plan = first();
    const draft = await play(plan, { 'format.cadence': 'every 3 weeks' });
    expect(toMinutes(plan, draft).format).toMatchObject({ cadence: 'every 3 weeks on Tuesday', anchor: DATE });
    expect(steps(plan, draft).find((s) => s.id === 'next.date')!.default).toBe('2026-12-08');
  });
});

describe('a later meeting that revisits an agreement', () => {
  it('adds only the parts asked for, after the introductions, and keeps them across a resume', () => {
    const plan = later();
    expect(ids(plan, withAgreements(newDraft(DATE, AT), plan)).some((id) => /^(purpose|rules|format)\./.test(id))).toBe(false);
    const d = give(plan, withAgreements(newDraft(DATE, AT), plan, ['ground_rules']), 'attendance', ['Amara Okafor']);
    expect(d.revisit).toEqual(['ground_rules']);
    expect(d.base!.ground_rules).toEqual(['Listen first.', 'Phones away.', 'Start on time.']);
    const parts = [...new Set(steps(plan, d).map((s) => s.section))];
    expect(parts).toEqual(['opening', 'introductions', 'ground_rules', 'reflect', 'learning', 'next', 'closing']);
    // --resume with --revisit purpose adds it; without, the draft keeps what it had.
    expect(withAgreements(d, plan, ['purpose']).revisit).toEqual(['purpose', 'ground_rules']);
    expect(withAgreements(d, plan).revisit).toEqual(['ground_rules']);
  });

  it('asks about the rules as the meeting found them, even if circle.yaml changes before it resumes', async () => {
    const plan = later();
    let d = withAgreements(newDraft(DATE, AT), plan, ['ground_rules']);
    d = give(plan, d, 'ground_rules.1', 'drop');
    // circle.yaml edited (or already written by a run that crashed) before --resume.
    const edited = examplePlan({ circle: { ...circle, ground_rules: ['Phones away.', 'Start on time.', 'Brand new.'] } });
    const resumed = withAgreements(d, edited, ['ground_rules']);
    expect(pendingStep(steps(edited, resumed), resumed)!.id).toBe('facilitator');
    const done = await play(edited, { 'ground_rules.3': 'reword', 'ground_rules.3.wording': 'Start by 18:05.' }, resumed);
    const minutes = meetingSchema.parse(toMinutes(edited, done));
    expect(minutes.ground_rules).toMatchObject({
      kept: ['Phones away.'],
      reworded: [{ from: 'Start on time.', to: 'Start by 18:05.' }],
      dropped: ['Listen first.'],
    });
  });

  it('records how what changed read before, and nothing when the group keeps it', async () => {
    const plan = later();
    const same = await play(plan, {}, withAgreements(newDraft(DATE, AT), plan, ['purpose', 'format']));
    const kept = meetingSchema.parse(toMinutes(plan, same));
    expect(kept.purpose).toMatchObject({ statement: 'To learn from one another.', notes: { community: 'Fewer gaps between us.' } });
    expect(kept.purpose!.was).toBeUndefined();
    expect(kept.format!.was).toBeUndefined();
    expect(kept.format!.anchor).toBeUndefined();
    expect(agreementsChanged(kept)).toEqual([]);

    const changed = await play(
      plan,
      { 'purpose.statement': 'To do better work together.', 'purpose.engagement': 'Volunteers stay.', 'format.start': '18:30', 'format.location': 'Hall B' },
      withAgreements(newDraft(DATE, AT), plan, ['purpose', 'format']),
    );
    const m = meetingSchema.parse(toMinutes(plan, changed));
    expect(m.purpose!.was).toEqual({ statement: 'To learn from one another.', engagement: '' }); // '' : there was none
    expect(m.format!.was).toEqual({ start: '18:00', location: '' });
    expect(agreementsChanged(m)).toEqual(['purpose', 'format']);
  });
});
