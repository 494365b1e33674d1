// Limits through the command line (issue 22, points 17, 19, 20, 21): bytes that are not
// UTF-8, dates far away, answers too large for the minutes, a refused edit.
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exampleSlug, makeWorkspace, tempDir } from '../helpers.js';
import { run as cli } from '../harness.js';
import { ANSWERS } from './meet-answers.js';

const env = { CIRCLE_TODAY: '2026-11-17' };

function workspace() {
  const { root, circleDir } = makeWorkspace({ example: true });
  rmSync(join(circleDir, '.cache'), { recursive: true, force: true });
  return { root, circleDir };
}

/** Put a Latin-1 "é" (0xE9, not UTF-8) in place of the first "é" or "e" of line `line` (1-based). */
function latin1Byte(file: string, line: number): { col: number } {
  const lines = readFileSync(file, 'latin1').split('\n');
  const col = lines[line - 1]!.indexOf('e') + 1;
  lines[line - 1] = `${lines[line - 1]!.slice(0, col - 1)}\u00e9${lines[line - 1]!.slice(col)}`;
  writeFileSync(file, Buffer.from(lines.join('\n'), 'latin1'));
  return { col };
}

describe('text that is not UTF-8 (point 17)', () => {
  it('members.yaml with a Latin-1 byte: check reports file:line:col, members add writes nothing', async () => {
    const { root, circleDir } = workspace();
    const file = join(circleDir, 'members.yaml');
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => /^\s+organization: .*e/.test(l)) + 1;
    const { col } = latin1Byte(file, line);
    const bytes = readFileSync(file);
    const check = await cli(['check'], { cwd: root, env });
    expect(check.code).toBe(65);
    expect(check.stdout + check.stderr).toContain(`circles/${exampleSlug}/members.yaml:${line}:${col}: not UTF-8 text (byte 0xE9)`);
    const add = await cli(['members', 'add', 'Pat Newcomer', '--yes'], { cwd: root, env });
    expect(add.code).toBe(65);
    expect(add.stderr).toContain(`members.yaml:${line}:${col}: not UTF-8 text`);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a meeting with a byte that is not UTF-8 is reported by check and refused by history', async () => {
    const { root, circleDir } = workspace();
    const file = join(circleDir, 'meetings', '2026-08-25.yaml');
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l, i) => i > 0 && l.includes('e')) + 1;
    const { col } = latin1Byte(file, line);
    const check = await cli(['check'], { cwd: root, env });
    expect(check.code).toBe(65);
    expect(check.stdout + check.stderr).toContain(`meetings/2026-08-25.yaml:${line}:${col}: not UTF-8 text`);
    const history = await cli(['history'], { cwd: root, env });
    expect(history.code).toBe(65);
    expect(history.stderr).toContain(`meetings/2026-08-25.yaml:${line}:${col}: not UTF-8 text`);
  });
});

describe('dates a meeting may choose (point 19)', () => {
  it('a next date more than two years after the meeting is refused by check, and schedule does bounded work', async () => {
    const { root, circleDir } = workspace();
    const file = join(circleDir, 'meetings', '2026-10-20.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').indexOf('  date: 2026-11-17') + 1; // next.date
    expect(line).toBeGreaterThan(text.split('\n').indexOf('next:'));
    writeFileSync(file, text.replace(/^  date: 2026-11-17$/m, '  date: 9999-12-28'));
    const check = await cli(['check'], { cwd: root, env });
    expect(check.code).toBe(65);
    expect(check.stdout + check.stderr).toContain(`meetings/2026-10-20.yaml:${line}:9: next.date: at most two years after this meeting (by 2028-10-19); choose a nearer date`);
    for (const args of [['schedule', '--count', '3'], ['schedule', '--ics', join(root, 'c.ics')]]) {
      const r = await cli(args, { cwd: root, env });
      expect(r.code, args.join(' ')).toBe(65);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(join(root, 'c.ics'))).toBe(false);
    // Two years is fine.
    writeFileSync(file, text.replace(/^  date: 2026-11-17$/m, '  date: 2028-10-19'));
    const r = await cli(['schedule', '--count', '3'], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('19 October 2028  (chosen at the last meeting)');
  });

  it('meet refuses a next date more than two years ahead, before anything is written', async () => {
    const { root, circleDir } = workspace();
    const answers = join(root, 'answers.yaml');
    writeFileSync(answers, stringify({ ...ANSWERS, 'next.date': '9999-12-28' }));
    const r = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('next.date: a date after 2026-11-17 and at most two years ahead (by 2028-11-16), as YYYY-MM-DD');
    expect(existsSync(join(circleDir, 'meetings', '2026-11-17.yaml'))).toBe(false);
    expect(existsSync(join(circleDir, '.draft.yaml'))).toBe(false);
  });
});

describe('answers too large for the minutes (point 20)', () => {
  it('meet --answers that add up to more than 2 MiB writes nothing, draft included', async () => {
    const { root, circleDir } = workspace();
    const big = 'word '.repeat(220_000); // 1.1 MB, twice through an alias
    const answers = join(root, 'answers.yaml');
    const text = stringify({ ...ANSWERS, 'learning.notes': 'BIG', 'next.topic': 'BIG2' })
      .replace("learning.notes: BIG", `learning.notes: &big "${big}"`)
      .replace('next.topic: BIG2', 'next.topic: *big');
    writeFileSync(answers, text);
    const before = readdirSync(join(circleDir, 'meetings')).sort();
    const r = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/the answers in answers.yaml are too large: .*nothing was written/);
    expect(existsSync(join(circleDir, '.draft.yaml'))).toBe(false);
    expect(readdirSync(join(circleDir, 'meetings')).sort()).toEqual(before);
    // And the next meeting starts without --resume.
    writeFileSync(answers, stringify(ANSWERS));
    const again = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(again.code, again.stderr).toBe(0);
  });
});

describe('a refused edit says where the edit is kept (point 21)', () => {
  it('circle edit members on a read-only members.yaml', async () => {
    const { root, circleDir } = workspace();
    const file = join(circleDir, 'members.yaml');
    chmodSync(file, 0o444);
    const editor = join(tempDir(), 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nprintf '  - name: Pat Newcomer\\n' >> "$1"\n`, { mode: 0o755 });
    const r = await cli(['edit', 'members'], { cwd: root, env: { ...env, EDITOR: editor, TMPDIR: tempDir() } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`circles/${exampleSlug}/members.yaml is read-only; nothing was written`);
    const kept = /your edit is kept in (\S+)/.exec(r.stderr)?.[1];
    expect(readFileSync(kept!, 'utf8')).toContain('Pat Newcomer');
    expect(readFileSync(file, 'utf8')).not.toContain('Pat Newcomer');
  });
});
