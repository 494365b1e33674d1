import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTIONS, splitMinutes } from '../../src/core/format.js';
import { findMember, lookupHint, tagName } from '../../src/core/members.js';
import { editDistance } from '../../src/core/text.js';
import { nextMeetingDate } from '../../src/core/schedule.js';
import { planCircle } from '../../src/core/init.js';
import { isSlug } from '../../src/core/slug.js';
import { slugify } from '../../src/core/slugify.js';

describe('planCircle', () => {
  it('fills the template from the answers with sensible defaults', () => {
    const plan = planCircle({ name: '  Eastside Youth Workers ' }, '2026-11-28');
    if ('problems' in plan) throw new Error(plan.problems.join());
    expect(plan.slug).toBe('eastside-youth-workers');
    expect(plan.warnings).toEqual([]);
    const set = Object.fromEntries(plan.set.map(([p, v]) => [p.join('.'), v]));
    expect(set).toMatchObject({ name: 'Eastside Youth Workers', created: '2026-11-28', 'schedule.duration': 120 });
    expect([0, 1, 2, 3].map((i) => set[`format.sections.${i}.minutes`] as number)).toEqual([15, 40, 45, 20]);
  });

  it('warns when a meeting is under 90 minutes', () => {
    const plan = planCircle({ name: 'Quick', duration: '60' }, '2026-11-28');
    expect('warnings' in plan && plan.warnings[0]).toMatch(/60 minutes is short/);
  });

  it('asks for --slug when the name gives no folder name, and checks it', () => {
    const plan = planCircle({ name: '東京の隣人' }, '2026-11-28');
    expect('problems' in plan && plan.problems[0]).toMatch(/add --slug/);
    const cyrillic = planCircle({ name: 'Юлины соседи' }, '2026-11-28');
    expect('slug' in cyrillic && cyrillic.slug).toBe('yuliny-sosedi');
    const given = planCircle({ name: 'Юлины соседи', slug: 'yulia-neighbours' }, '2026-11-28');
    expect('slug' in given && given.slug).toBe('yulia-neighbours');
    expect('problems' in planCircle({ name: 'X', slug: '../etc' }, '2026-11-28')).toBe(true);
  });

  it('lists every bad answer', () => {
    const plan = planCircle({ name: '!!!', cadence: 'sometimes', start: '25:00', duration: 'long' }, '2026-11-28');
    expect('problems' in plan && plan.problems).toHaveLength(4);
  });
});

describe('section minutes', () => {
  it.each([120, 90, 150, 100, 45])('adds up to %i', (d) => {
    expect(splitMinutes(d, DEFAULT_SECTIONS.map((x) => x.share)).reduce((a, b) => a + b, 0)).toBe(d);
  });
});

describe('slugs', () => {
  it('turns names into folder names', () => {
    expect(slugify('Łódź Leaders — Café Circle')).toBe('lodz-leaders-cafe-circle');
    expect(slugify('../../etc')).toBe('etc');
    expect(slugify('Straße Führung')).toBe('strasse-fuhrung');
    expect(slugify('Київські молодіжні працівники')).toBe('kiyivski-molodizhni-pratsivniki');
    expect(slugify('Юлия')).toBe('yuliya');
    expect(slugify('Nguyễn Thảo $(rm -rf ~)')).toBe('nguyen-thao-rm-rf');
    expect(slugify('東京')).toBe('');
    expect(isSlug(slugify(`Circle ${'ß'.repeat(100)}`))).toBe(true);
  });
  it.each(['..', '../x', '/abs', '', 'A', 'a/b', 'a--b', '-a'])('refuses %j', (s) => expect(isSlug(s)).toBe(false));
});

describe('members', () => {
  const people = [{ name: 'Ana Souza' }, { name: 'Ana Lima' }, { name: 'José Álvarez', tag: 'Pepe' }];
  it('finds by full name or a unique start', () => {
    expect(findMember(people, 'ana souza').found?.name).toBe('Ana Souza');
    expect(findMember(people, 'José').found?.name).toBe('José Álvarez');
    expect(findMember(people, 'Ana')).toEqual({ matches: [people[0], people[1]], suggestions: [] });
  });
  it('finds without regard to accents and case, by name tag, and suggests a near spelling', () => {
    const circle = [{ name: 'Zoë Müller' }, { name: 'Đặng Thu Hương', tag: 'Hương' }, { name: 'Łucja Nowak' }];
    expect(findMember(circle, 'zoe').found?.name).toBe('Zoë Müller');
    expect(findMember(circle, 'zoe muller').found?.name).toBe('Zoë Müller');
    expect(findMember(circle, 'huong').found?.name).toBe('Đặng Thu Hương');
    expect(findMember(circle, 'lucja').found?.name).toBe('Łucja Nowak');
    const miss = findMember(circle, 'Lucia');
    expect(miss.found).toBeUndefined();
    expect(lookupHint(miss as Exclude<typeof miss, { index: number }>, '')).toBe('did you mean Łucja Nowak?');
  });
  it.each([
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1], // swapped neighbours count as one
    ['lucia', 'lucja', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['ca', 'abc', 3],
    ['nadia karim', 'amara okafor', 8],
    ['same', 'same', 0],
  ])('edit distance from %j to %j: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
  it('uses the tag, else the first name, for name tags', () => {
    expect(tagName(people[2]!)).toBe('Pepe');
    expect(tagName(people[0]!)).toBe('Ana');
    expect(tagName({ name: 'Dr. Nadia Karim' })).toBe('Nadia');
  });
});

describe('nextMeetingDate', () => {
  const circle = {
    created: '2026-06-02',
    schedule: { cadence: 'every 4 weeks on Tuesday', start: '18:00', duration: 120, skip: [] as string[], anchor: undefined, location: undefined },
  };
  it('takes the date chosen last time while it is ahead', () => {
    const last = { date: '2026-10-20', next: { date: '2026-11-17', members: [], topic: undefined, speaker: undefined } };
    expect(nextMeetingDate(circle, last, '2026-11-01')).toBe('2026-11-17');
  });
  it('falls back to the schedule', () => {
    expect(nextMeetingDate(circle, undefined, '2026-11-28')).toBe('2026-12-15');
  });
});
