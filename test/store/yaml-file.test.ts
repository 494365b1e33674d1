import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/core/names.js';
import { circleSchema, meetingSchema, membersSchema } from '../../src/core/schema.js';
import { DataError } from '../../src/errors.js';
import { updateMembers } from '../../src/store/members.js';
import { loadYaml, MAX_FILE_BYTES, parseYaml, readYaml } from '../../src/store/yaml-file.js';
import { updateYamlFile } from '../../src/store/yaml-write.js';
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

describe('parseYaml: every problem at its line and column', () => {
  it('reports a syntax error where it is', () => {
    const lines = problemsOf(() => parseYaml('/x/members.yaml', 'members:\n  - name: "unclosed\n', membersSchema));
    expect(lines[0]).toMatch(/^\/x\/members\.yaml:\d+:\d+: /);
  });

  it('maps a wrong type to the value that is wrong, and says what was expected', () => {
    const text = 'members:\n  - name: Ana\n    active: maybe\n';
    expect(problemsOf(() => parseYaml('/m.yaml', text, membersSchema))).toEqual([
      '/m.yaml:3:13: members: the 1st member (Ana), active: expected true or false, found "maybe"',
    ]);
  });

  it('points a missing key at its parent mapping', () => {
    const text = 'date: 2026-01-06\nattendance:\n  present: []\n';
    const lines = problemsOf(() => parseYaml('/m.yaml', text, meetingSchema));
    expect(lines).toContain('/m.yaml:1:1: number: missing (expected a meeting number)');
  });

  it('refuses dates that do not exist', () => {
    const lines = problemsOf(() => parseYaml('/m.yaml', 'date: 2026-02-30\nnumber: 1\n', meetingSchema));
    expect(lines[0]).toMatch(/^\/m\.yaml:1:7: date: expected a real date/);
  });

  it('reports a cadence it cannot read with the reason', () => {
    const circle = readFileSync(new URL('../../templates/circle.yaml', import.meta.url), 'utf8')
      .replace('name: ""', 'name: X')
      .replace('created: ""', 'created: 2026-01-01')
      .replace('cadence: every 2 weeks on Tuesday', 'cadence: every second Tuesday');
    const lines = problemsOf(() => parseYaml('/c.yaml', circle, circleSchema));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/schedule\.cadence: "every second Tuesday" is ambiguous/);
  });

  it('reports duplicate names', () => {
    const lines = problemsOf(() => parseYaml('/m.yaml', 'members:\n  - name: Ana\n  - name: ana\n', membersSchema));
    expect(lines).toEqual(['/m.yaml:3:11: members: the 2nd member, name: "ana" is listed twice; names must be unique (it differs from "Ana" only in capital letters), found "ana"']);
  });

  it('survives deep nesting, alias bombs and other parser traps', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    expect(problemsOf(() => parseYaml('/d.yaml', deep, membersSchema))[0]).toMatch(/^\/d\.yaml:1:\d+: .*nested too deeply/);
    // The same by the fast path, nested in block style: a problem reported, not a crash.
    const deepBlock = `members:\n  ${'- '.repeat(200_000)}x\n`;
    expect(problemsOf(() => readYaml('/d.yaml', deepBlock, membersSchema))[0]).toMatch(/^\/d\.yaml:\d+:\d+: .*nested too deeply/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    expect(problemsOf(() => parseYaml('/b.yaml', bomb, membersSchema))[0]).toMatch(/^\/b\.yaml:\d+:\d+: /);
    expect(problemsOf(() => parseYaml('/k.yaml', 'a: 1\na: 2\n', membersSchema))[0]).toMatch(/^\/k\.yaml:2:1: /);
  });

  it('refuses a huge file before parsing it', async () => {
    const file = join(tempDir(), 'members.yaml');
    writeFileSync(file, `members: []\n#${'x'.repeat(MAX_FILE_BYTES)}\n`);
    await expect(loadYaml(file, membersSchema)).rejects.toThrow(/too large/);
  });

  it('turns any bytes at all into data or a reported data error, never a crash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8')), fc.string({ unit: 'grapheme-ascii', maxLength: 300 })), (text) => {
        for (const schema of [circleSchema, membersSchema, meetingSchema]) {
          try {
            parseYaml('/fuzz.yaml', text, schema);
          } catch (error) {
            if (!(error instanceof DataError)) throw error;
            for (const p of error.problems) {
              expect(p.line).toBeGreaterThanOrEqual(1);
              expect(p.col).toBeGreaterThanOrEqual(1);
              expect(p.message).not.toBe('');
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('turns YAML-shaped noise into a reported data error', () => {
    const yamlish = fc.array(fc.constantFrom('members:', '  - name: Ana', '    active: 3', 'date: 2026-13-01', '- [', '{a: *x}', 'number: -1', '  ', '"', 'x: |', '\t- y'), { maxLength: 12 });
    fc.assert(
      fc.property(yamlish, (lines) => {
        for (const schema of [membersSchema, meetingSchema]) {
          try {
            parseYaml('/fuzz.yaml', lines.join('\n'), schema);
          } catch (error) {
            if (!(error instanceof DataError)) throw error;
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('saving keeps what people wrote', () => {
  const handWritten = `# Our members. Keep this list alphabetical, please!
members:
  # founders
  - name: Ana Souza   # she chairs the board
    organization: Eastside Library
    x-shoe_size: 38
    active: true

  - name: "Ben Okafor"
    active: true
# end of list
x-favourite_snack: samosas
`;

  it('an unchanged document keeps the same bytes and is not written', async () => {
    const file = join(tempDir(), 'members.yaml');
    writeFileSync(file, handWritten);
    const before = statSync(file).mtimeMs;
    expect((await updateYamlFile(file, membersSchema, () => undefined)).written).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(handWritten);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('adding a member keeps comments, keys of your own (x-), quoting and blank lines byte for byte', async () => {
    const dir = tempDir();
    const file = join(dir, 'members.yaml');
    writeFileSync(file, handWritten);
    await updateMembers(dir, () => ({ add: [{ name: 'Łucja Nowak', organization: 'Tenants United', joined: '2026-11-28', active: true }] }));
    const after = readFileSync(file, 'utf8');
    const [head, tail] = handWritten.split('# end of list\n');
    expect(after.startsWith(head!)).toBe(true);
    expect(after).toContain('  - name: Łucja Nowak\n    organization: Tenants United\n    joined: 2026-11-28\n    active: true\n');
    expect(after.endsWith(`# end of list\n${tail}`)).toBe(true);
  });

  it('keeps a flush list style ("key:\\n- item") when that is how the file is written', async () => {
    const dir = tempDir();
    const file = join(dir, 'members.yaml');
    const flush = 'members:\n- name: Ana\n  active: true\n';
    writeFileSync(file, flush);
    await updateMembers(dir, () => ({ add: [{ name: 'Ben' }] }));
    expect(readFileSync(file, 'utf8')).toBe(`${flush}- name: Ben\n`);
  });

  it('marking a member inactive changes only that line', async () => {
    const dir = tempDir();
    const file = join(dir, 'members.yaml');
    writeFileSync(file, handWritten);
    await updateMembers(dir, () => ({ deactivate: [1] }));
    expect(readFileSync(file, 'utf8')).toBe(handWritten.replace('"Ben Okafor"\n    active: true', '"Ben Okafor"\n    active: false'));
  });
});

describe('text a terminal would obey', () => {
  it('is refused in a data file, at its line', () => {
    const text = 'date: 2026-01-06\nnumber: 1\nlearning:\n  topic: "\\e[2J\\e]0;pwned\\aBurnout"\n';
    expect(problemsOf(() => parseYaml('/m.yaml', text, meetingSchema))).toEqual([
      '/m.yaml:4:10: learning.topic: contains control characters (such as terminal escape codes), found "\\u001b[2J\\u001b]0;pwned\\u0007Burnout"',
    ]);
  });
});

// Issue 11: nothing in a file is silently ignored; issue 13: errors a facilitator can act on.
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
    expect(line).toMatch(/^\/m\.yaml:3:5: members: the 1st member \(Ana\): unknown key "shoe_size"; known here: name, tag, organization, joined, vision, email, active\. A key of your own starts with x-, e\.g\. x-shoe_size/);
  });

  it("is reported with the other problems of the same place, not instead of them", () => {
    const text = 'members:\n  - name: Ana\n    joind: 2026-01-06\n    joined: last week\n    active: perhaps\nextra: 1\n';
    expect(problemsOf(() => parseYaml('/m.yaml', text, membersSchema))).toEqual([
      '/m.yaml:3:5: members: the 1st member (Ana): unknown key "joind": did you mean "joined"?',
      '/m.yaml:4:13: members: the 1st member (Ana), joined: dates are written year-month-day, e.g. 2027-01-13, found "last week"',
      '/m.yaml:5:13: members: the 1st member (Ana), active: expected true or false, found "perhaps"',
      expect.stringMatching(/^\/m\.yaml:6:1: unknown key "extra"; known here: members\./),
    ]);
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
