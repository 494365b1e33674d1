// What a meeting agreed, written into circle.yaml on the YAML document: the facilitator's
// comments and every untouched line stay, and writing the same minutes twice (a meeting
// resumed after a crash) changes nothing the second time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MeetingFile } from '../../src/core/meet/index.js';
import { loadCircle } from '../../src/store/circle.js';
import { saveAgreements } from '../../src/store/agreements.js';
import { exampleDir, tempDir } from '../helpers.js';

/** A circle folder holding this circle.yaml (and an empty members.yaml). */
function circleWith(text: string): string {
  const dir = join(tempDir(), 'c');
  mkdirSync(dir);
  writeFileSync(join(dir, 'circle.yaml'), text);
  writeFileSync(join(dir, 'members.yaml'), 'members: []\n');
  return dir;
}

const comments = (text: string) => text.split('\n').filter((l) => l.trim().startsWith('#'));

const MINUTES: MeetingFile = {
  date: '2026-11-17',
  number: 7,
  purpose: { notes: { engagement: 'Volunteers stay because they see what changed.' }, statement: 'So that none of us works alone.' },
  ground_rules: {
    reworded: [{ from: 'Your win is my win. We back each other\'s experiments, including the ones that flop.', to: 'Your win is my win.' }],
    dropped: ['Bring the "how could we", not the list of reasons it will never work.'],
    added: ['Phones away.'],
  },
  format: {
    sections: { reflect: 40, learning: 50, next: 30 },
    cadence: 'every 3 weeks on Thursday',
    start: '18:30',
    location: 'Town Hall',
    anchor: '2026-12-10',
    traditions: { dropped: ['Big first-name name tags at the door (Łucja keeps the markers)'], added: ['Tea first'] },
  },
};

describe('circle.yaml after a meeting agreed something', () => {
  it("keeps the facilitator's comments and the lines nobody changed", async () => {
    const before = readFileSync(join(exampleDir, 'circle.yaml'), 'utf8');
    const dir = circleWith(before);
    expect(await saveAgreements(dir, MINUTES)).toBe(true);
    const after = readFileSync(join(dir, 'circle.yaml'), 'utf8');
    expect(comments(after)).toEqual(comments(before));
    expect(after).toContain('# Why we meet. Worked out together at the first meeting (2 June 2026), from the\n');
    // A folded text (`>`) stays folded.
    expect(after).toContain('  # Different about how we bring others into the work?\n  engagement: >\n    Volunteers stay because they see what changed.\n');
    expect(after).toContain('  - Your win is my win.\n');
    expect(after).not.toContain('how could we');
    expect(after).toMatch(/ {2}- Speak from your own practice[^\n]*\n {2}- Phones away\.\n/);
    expect(after).toContain('  cadence: every 3 weeks on Thursday\n');
    expect(after).toContain('  start: "18:30"\n'); // the quoting it had
    expect(after).toContain('  duration: 135\n'); // 15 (as before) + 40 + 50 + 30
    expect(after).toContain('  anchor: 2026-12-10\n');
    expect(after).toContain('  location: Town Hall\n');
    expect(after).toContain('  - Tea first\n');

    const { circle } = await loadCircle(dir, 'c');
    expect(circle.data.purpose?.trim()).toBe('So that none of us works alone.');
    expect(circle.data.format.sections.map((s) => s.minutes)).toEqual([15, 40, 50, 30]);
    expect(circle.data.ground_rules).toHaveLength(5);
    expect(circle.data.traditions).toHaveLength(3);
    // The block scalars and the lines around what changed keep their bytes.
    const untouched = before.split('\n').filter((l) => !/purpose|engagement|Volunteers, board|they stay|flop|how could we|minutes|cadence|start:|duration|location|anchor|Big first-name|So that the people|hardest parts|back honestly|more for the/.test(l));
    for (const line of untouched) expect(after.split('\n')).toContain(line);
  });

  it('changes nothing when the same minutes are written again', async () => {
    const dir = circleWith(readFileSync(join(exampleDir, 'circle.yaml'), 'utf8'));
    await saveAgreements(dir, MINUTES);
    const once = readFileSync(join(dir, 'circle.yaml'), 'utf8');
    expect(await saveAgreements(dir, MINUTES)).toBe(false);
    expect(readFileSync(join(dir, 'circle.yaml'), 'utf8')).toBe(once);
  });

  it('fills empty keys and lists written as [] or left blank', async () => {
    const dir = circleWith(
      [
        'name: Bare',
        'created: 2026-01-06',
        'purpose: ""  # to agree',
        'outcomes:',
        'ground_rules: []',
        'format:',
        '  sections:',
        '    - { id: reflect, title: Time to Reflect, minutes: 45 }',
        '    - { id: learning, title: Learning Together, minutes: 50 }',
        '    - { id: next, title: "What\'s Next?", minutes: 25 }',
        'schedule:',
        '  cadence: weekly on Monday',
        '  start: "18:00"',
        '  duration: 120',
        'traditions:',
        '',
      ].join('\n'),
    );
    await saveAgreements(dir, { ...MINUTES, ground_rules: { added: ['Listen first.'] }, format: { traditions: { added: ['Tea'] } } });
    const text = readFileSync(join(dir, 'circle.yaml'), 'utf8');
    expect(text).toContain('purpose: So that none of us works alone. # to agree\n');
    expect(text).toContain('outcomes:\n  engagement: Volunteers stay because they see what changed.\n');
    expect(text).toContain('ground_rules:\n  - Listen first.\n');
    expect(text).toContain('traditions:\n  - Tea\n');
  });

  it('leaves the file alone when the minutes agreed nothing', async () => {
    const dir = circleWith('not: [valid');
    expect(await saveAgreements(dir, { date: '2026-11-17', number: 3 })).toBe(false);
  });
});
