// Issue 11 at the store: what a file holds is never ignored, widened or made unreadable.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/core/names.js';
import { circleSchema, meetingSchema, membersSchema } from '../../src/core/schema.js';
import { DataError } from '../../src/errors.js';
import { loadAnswers } from '../../src/store/answers.js';
import { saveDraft } from '../../src/store/draft.js';
import { MAX_FILE_BYTES, parseYaml } from '../../src/store/yaml-file.js';
import { exampleDir, tempDir } from '../helpers.js';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a DataError');
}

const exampleCircle = readFileSync(join(exampleDir, 'circle.yaml'), 'utf8');
const exampleMembers = readFileSync(join(exampleDir, 'members.yaml'), 'utf8');
const exampleMeeting = readFileSync(join(exampleDir, 'meetings', '2026-08-25.yaml'), 'utf8');

describe('unknown or misspelt keys are reported, with a "did you mean"', () => {
  it('in circle.yaml: `skips:` for `skip:` is not a silent change of schedule', () => {
    const text = exampleCircle.replace(/^(\s+)skip:/m, '$1skips:');
    const line = text.split('\n').findIndex((l) => l.includes('skips:')) + 1;
    expect(problemsOf(() => parseYaml('/c.yaml', text, circleSchema))).toEqual([
      `/c.yaml:${line}:3: schedule: unknown key "skips": did you mean "skip"?`,
    ]);
  });

  it('in members.yaml: `organisation:` names the member, counted the way people count', () => {
    const text = exampleMembers.replace('    organization: Riverside Public Library', '    organisation: Riverside Public Library');
    const line = text.split('\n').findIndex((l) => l.includes('organisation:')) + 1;
    expect(problemsOf(() => parseYaml('/m.yaml', text, membersSchema))).toEqual([
      `/m.yaml:${line}:5: members: the 2nd member (Łucja Nowak): unknown key "organisation": did you mean "organization"?`,
    ]);
  });

  it('in a meeting file', () => {
    const text = exampleMeeting.replace('facilitator:', 'facilitater:');
    expect(problemsOf(() => parseYaml('/d.yaml', text, meetingSchema))).toEqual([
      '/d.yaml:3:1: unknown key "facilitater": did you mean "facilitator"?',
    ]);
  });

  it('a key far from any known one lists the known keys and the place for your own', () => {
    const [line] = problemsOf(() => parseYaml('/m.yaml', 'members:\n  - name: Ana\n    shoe_size: 38\n', membersSchema));
    expect(line).toMatch(/^\/m\.yaml:3:5: members: the 1st member \(Ana\): unknown key "shoe_size"; known here: name, tag, organization, joined, vision, active\. A key of your own starts with x-, e\.g\. x-shoe_size/);
  });

  it('keys of your own start with x- and are kept, not read', () => {
    const { data } = parseYaml('/m.yaml', 'x-note: ours\nmembers:\n  - name: Ana\n    x-phone: "555"\n', membersSchema);
    expect(data.members).toEqual([{ name: 'Ana', active: true }]);
  });

  it('members.yaml written as a single mapping without `members:` is an error', () => {
    const lines = problemsOf(() => parseYaml('/m.yaml', 'name: Ana Souza\norganization: Eastside Library\n', membersSchema));
    expect(lines[0]).toMatch(/^\/m\.yaml:1:1: unknown key "name": members are listed under "members:"/);
  });
});

describe('names that differ only by invisible characters', () => {
  it('are the same name', () => {
    const plain = nameKey('Ana Souza');
    for (const odd of ['Ana\u00a0Souza', 'Ana\u200bSouza'.replace('\u200bS', ' \u200bS'), 'Ana  Souza', '\ufeffAna Souza', 'Ana Sou\u200dza', 'Ana\u2009Souza']) {
      expect(nameKey(odd), JSON.stringify(odd)).toBe(plain);
    }
    expect(nameKey('Ana Souza')).not.toBe(nameKey('Ana Sousa'));
  });

  it('are flagged as listed twice', () => {
    const lines = problemsOf(() => parseYaml('/m.yaml', 'members:\n  - name: Ana Souza\n  - name: "Ana\\u00a0Souza"\n', membersSchema));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      '/m.yaml:3:11: members: the 2nd member, name: "Ana\\u00a0Souza" is listed twice; names must be unique (it differs from "Ana Souza" only in invisible characters or spacing), found "Ana\\u00a0Souza"',
    );
  });
});

describe('errors a facilitator can act on', () => {
  it('one broken file shows the first few problems and a count of the rest', () => {
    const text = `members:\n${Array.from({ length: 40 }, (_, i) => `  - name: [${i}]\n`).join('')}`;
    const lines = problemsOf(() => parseYaml('/m.yaml', text, membersSchema));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^\/m\.yaml:2:11: members: the 1st member, name: expected text/);
    expect(lines[4]).toMatch(/the 5th member, name/);
    expect(lines[5]).toBe('/m.yaml:7:11: … and 35 more problems in this file');
  });

  it('**bold** is not an alias problem: it says what it is', () => {
    const [line] = problemsOf(() => parseYaml('/m.yaml', 'members:\n  - name: Ana\n    vision: **Readers** everywhere\n', membersSchema));
    expect(line).toMatch(/^\/m\.yaml:3:\d+: /);
    expect(line).toMatch(/text starting with \* or & needs quotes/);
    expect(line).not.toMatch(/too many aliases/);
  });

  it('text with ": " in it needs quotes', () => {
    const [line] = problemsOf(() => parseYaml('/m.yaml', 'members:\n  - name: Ana\n    vision: Readers: everywhere\n', membersSchema));
    expect(line).toMatch(/text with ": " in it needs quotes/);
  });

  it('dates are written 2027-01-13', () => {
    const [line] = problemsOf(() => parseYaml('/m.yaml', 'members:\n  - name: Ana\n    joined: 13/01/2027\n', membersSchema));
    expect(line).toBe('/m.yaml:3:13: members: the 1st member (Ana), joined: dates are written year-month-day, e.g. 2027-01-13, found "13/01/2027"');
  });

  it('tabs used to indent', () => {
    const [line] = problemsOf(() => parseYaml('/m.yaml', 'members:\n\t- name: Ana\n', membersSchema));
    expect(line).toMatch(/indent with spaces, not tabs/);
  });
});

describe('written, then unreadable: limits at write time', () => {
  it('a draft too large to read back is refused before it is written', async () => {
    const dir = tempDir();
    const big = 'x'.repeat(MAX_FILE_BYTES);
    await expect(saveDraft(dir, { date: '2026-11-17', started: '2026-11-17T18:00:00.000Z', answers: { notes: big }, at: {} })).rejects.toThrow(
      /\.draft\.yaml would be 2\.0 MiB, more than the 2 MiB a circle file may hold; nothing was written/,
    );
    expect(existsSync(join(dir, '.draft.yaml'))).toBe(false);
  });

  it('--answers reads with a size limit: /dev/zero is refused', async () => {
    await expect(loadAnswers('/dev/zero')).rejects.toThrow(/too large/);
  });

  it('numbers in an answers file keep the text as written', async () => {
    const file = join(tempDir(), 'a.yaml');
    writeFileSync(file, 'facilitator: 007\nnext:\n  topic: 3.10\n  speaker: .inf\nintro.others: true\nnotes:\n1e3: x\n');
    expect(await loadAnswers(file)).toEqual({ facilitator: '007', 'next.topic': '3.10', 'next.speaker': '.inf', 'intro.others': 'true', notes: null, '1e3': 'x' });
  });
});
