// The three-way merge of circle files: by member, by field, comments kept, conflicts only
// where both sides changed the same place, each their own way.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeFiles } from '../../src/store/merge-driver.js';
import { mergeYaml } from '../../src/store/yaml-merge.js';

const render = (doc: { toString(o?: object): string }) => doc.toString({ lineWidth: 0 });
const merge = (base: string, ours: string, theirs: string) => mergeYaml(base, ours, theirs, render)!;

const MEMBERS = `# The people in this circle.
members:
  - name: José Álvarez
    organization: Food Bank
  # Left in August, stays for the history.
  - name: Grace Whitfield
    active: false
`;

/** Run the merge driver on files, as git does, and return the merged text and conflicts. */
async function driver(base: string, ours: string, theirs: string) {
  const dir = mkdtempSync(join(tmpdir(), 'circle-merge-test-'));
  const paths = { base: join(dir, 'O'), ours: join(dir, 'A'), theirs: join(dir, 'B') };
  writeFileSync(paths.base, base);
  writeFileSync(paths.ours, ours);
  writeFileSync(paths.theirs, theirs);
  const result = await mergeFiles(paths, ['already shared', 'yours'], process.env);
  return { ...result, text: readFileSync(paths.ours, 'utf8') };
}

describe('merging members.yaml', () => {
  it('keeps both new members, the shared one first, with every comment', async () => {
    const ours = `${MEMBERS}  - name: Ana Souza # joined in November\n    organization: Eastside Library\n`;
    const theirs = `${MEMBERS}  # Met at the library fair.\n  - name: Ben Okoro\n`;
    const { text, conflicts } = await driver(MEMBERS, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(text).toBe(`${MEMBERS}  - name: Ana Souza # joined in November\n    organization: Eastside Library\n  # Met at the library fair.\n  - name: Ben Okoro\n`);
  });

  it('merges changes to different members and to different fields of one member', () => {
    const ours = MEMBERS.replace('organization: Food Bank', 'organization: Riverside Food Bank');
    const theirs = MEMBERS.replace('    active: false\n', '    active: true\n').replace('  - name: José Álvarez\n', '  - name: José Álvarez\n    tag: José\n');
    const { texts, conflicts } = merge(MEMBERS, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(parse(texts.ours)).toEqual({
      members: [
        { name: 'José Álvarez', tag: 'José', organization: 'Riverside Food Bank' },
        { name: 'Grace Whitfield', active: true },
      ],
    });
  });

  it('marks a field both sides changed, each differently, and only that', async () => {
    const ours = MEMBERS.replace('Food Bank', 'Riverside Food Bank');
    const theirs = `${MEMBERS.replace('Food Bank', 'Food Bank of Riverside')}  - name: Ben Okoro\n`;
    const { text, conflicts } = await driver(MEMBERS, ours, theirs);
    expect(conflicts).toEqual(['members[José Álvarez].organization']);
    expect(text).toBe(
      '# The people in this circle.\nmembers:\n  - name: José Álvarez\n' +
        '<<<<<<< already shared\n    organization: Riverside Food Bank\n=======\n    organization: Food Bank of Riverside\n>>>>>>> yours\n' +
        '  # Left in August, stays for the history.\n  - name: Grace Whitfield\n    active: false\n  - name: Ben Okoro\n',
    );
  });

  it('marks a removal on one side and a change on the other, whichever side did which', async () => {
    const removed = MEMBERS.replace('  # Left in August, stays for the history.\n  - name: Grace Whitfield\n    active: false\n', '');
    const changed = MEMBERS.replace('    active: false\n', '    active: false\n    organization: Seniors Network\n');
    for (const [ours, theirs] of [[removed, changed], [changed, removed]] as const) {
      const { text, conflicts } = await driver(MEMBERS, ours, theirs);
      expect(conflicts).toEqual(['members[Grace Whitfield]']);
      // Both versions stay in the file between markers: nothing is settled silently.
      expect(text).toMatch(/<<<<<<< already shared\n[\s\S]*=======\n[\s\S]*>>>>>>> yours\n/);
      expect(text).toContain('organization: Seniors Network');
    }
    const ours = removed;
    // A removal where the other side left the member alone simply happens.
    const untouched = `${MEMBERS}  - name: Ben Okoro\n`;
    const { texts, conflicts } = merge(MEMBERS, ours, untouched);
    expect(conflicts).toEqual([]);
    expect(parse(texts.ours).members.map((m: { name: string }) => m.name)).toEqual(['José Álvarez', 'Ben Okoro']);
  });

  it('knows a member by name however it is capitalised or spaced', () => {
    const ours = `${MEMBERS}  - name: Ana Souza\n    organization: Library\n`;
    const theirs = `${MEMBERS}  - name: ana souza \n    tag: Ana\n`;
    const { texts, conflicts } = merge(MEMBERS, ours, theirs);
    // Added on both sides: the same person, so one entry; the name itself was written two ways.
    expect(conflicts).toEqual(['members[Ana Souza].name']);
    expect(parse(texts.ours).members).toHaveLength(3);
  });

  it('merges any additions and removals of distinct members without a conflict (property, seeded)', () => {
    const seed = 1313;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }),
        (mine, yours) => {
          // Members 0-9 are in the base; each side removes the base members it lists and adds the others.
          const base = Array.from({ length: 10 }, (_, i) => i);
          const side = (picks: number[], tag: string) =>
            base.filter((i) => !picks.includes(i)).concat(picks.filter((i) => i >= 10 && !(tag === 'b' && mine.includes(i))));
          const write = (ids: number[]) => `members:\n${ids.map((i) => `  - name: Member ${i}\n`).join('')}`;
          const ours = side(mine, 'a');
          const theirs = side(yours, 'b');
          const { texts, conflicts } = merge(write(base), write(ours), write(theirs));
          expect(conflicts).toEqual([]);
          const names = new Set(parse(texts.ours).members.map((m: { name: string }) => Number(m.name.split(' ')[1])));
          const expected = new Set([...ours, ...theirs].filter((i) => i >= 10 || (!mine.includes(i) && !yours.includes(i))));
          expect(names).toEqual(expected);
        },
      ),
      { seed, numRuns: 200 },
    );
  });
});

const CIRCLE = `# Riverside
name: Riverside
purpose: Learn together
ground_rules:
  - Back each other
  - Speak from practice
schedule:
  cadence: every 4 weeks on Tuesday # counted from June
  start: "18:00"
`;

describe('merging circle.yaml', () => {
  it('merges different fields, and list items added and removed on either side', async () => {
    const ours = CIRCLE.replace('Learn together', 'Learn together, act together').replace('  - Speak from practice\n', '  - Speak from practice\n  - Phones away\n');
    const theirs = CIRCLE.replace('start: "18:00"', 'start: "18:30"').replace('  - Back each other\n', '');
    const { text, conflicts } = await driver(CIRCLE, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(text).toBe(
      '# Riverside\nname: Riverside\npurpose: Learn together, act together\nground_rules:\n  - Speak from practice\n  - Phones away\n' +
        'schedule:\n  cadence: every 4 weeks on Tuesday # counted from June\n  start: "18:30"\n',
    );
  });

  it('keeps the facilitators each side added (a list made on both sides too), each name once', async () => {
    const withList = `${CIRCLE}facilitators:\n  - Ana Souza\n`;
    const ours = `${withList}  - Cleo Park\n  - Eve Moss\n`;
    const theirs = `${withList}  - Eve Moss\n  - Dev Rao\n`;
    const both = await driver(withList, ours, theirs);
    expect(both.conflicts).toEqual([]);
    expect(parse(both.text).facilitators).toEqual(['Ana Souza', 'Cleo Park', 'Eve Moss', 'Dev Rao']);
    const made = await driver(CIRCLE, `${CIRCLE}facilitators:\n  - Cleo Park\n`, `${CIRCLE}facilitators:\n  - Dev Rao\n`);
    expect(made.conflicts).toEqual([]);
    expect(parse(made.text).facilitators).toEqual(['Cleo Park', 'Dev Rao']);
  });

  it("merges the circle's language like any other field: one side's change kept, two changes marked", async () => {
    const withLanguage = CIRCLE.replace('purpose:', 'language: en\npurpose:');
    const one = await driver(withLanguage, withLanguage.replace('language: en', 'language: fr'), withLanguage.replace('start: "18:00"', 'start: "18:30"'));
    expect(one.conflicts).toEqual([]);
    expect(parse(one.text)).toMatchObject({ language: 'fr', schedule: { start: '18:30' } });
    const two = merge(withLanguage, withLanguage.replace('language: en', 'language: fr'), withLanguage.replace('language: en', 'language: es'));
    expect(two.conflicts).toEqual(['language']);
  });

  it('marks one rule rewritten two ways, and a field changed two ways', () => {
    const ours = CIRCLE.replace('Back each other', 'We back each other').replace('Learn together', 'Grow');
    const theirs = CIRCLE.replace('Back each other', 'Your win is my win').replace('Learn together', 'Learn');
    const { texts, conflicts } = merge(CIRCLE, ours, theirs);
    expect(conflicts).toEqual(['purpose', 'ground_rules']);
    expect(parse(texts.ours)).toMatchObject({ purpose: 'Grow', ground_rules: ['We back each other', 'Speak from practice'] });
    expect(parse(texts.theirs)).toMatchObject({ purpose: 'Learn', ground_rules: ['Your win is my win', 'Speak from practice'] });
    expect(parse(texts.base)).toMatchObject({ purpose: 'Learn together' });
  });

  it('takes a comment changed on one side only', () => {
    const theirs = CIRCLE.replace('# counted from June', '# counted from our first meeting');
    const ours = CIRCLE.replace('Learn together', 'Learn');
    const { texts, conflicts } = merge(CIRCLE, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(texts.ours).toContain('cadence: every 4 weeks on Tuesday # counted from our first meeting');
    expect(texts.ours).toContain('purpose: Learn\n');
  });
});

describe('the merge driver', () => {
  it('keeps two records of one meeting whole, one above the other', async () => {
    const ours = 'date: 2026-11-24\nnumber: 3\nnotes: from Ana\n';
    const theirs = 'date: 2026-11-24\nnumber: 3\nnotes: from Ben\n';
    const { text, conflicts } = await driver('', ours, theirs);
    expect(conflicts).toHaveLength(1);
    expect(text).toBe(`<<<<<<< already shared\n${ours}=======\n${theirs}>>>>>>> yours\n`);
  });

  it('falls back to a line merge when a version is not readable YAML', async () => {
    const broken = `${CIRCLE}purpose: [unclosed\n`;
    const { text, conflicts, structural } = await driver(CIRCLE, broken, CIRCLE.replace('name: Riverside', 'name: Riverside Circle'));
    expect(structural).toBe(false);
    expect(conflicts).toEqual([]);
    expect(text).toBe(broken.replace('name: Riverside', 'name: Riverside Circle'));
  });
});
