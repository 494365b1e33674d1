// Issue 22's points on reading and the caches, through the command line: every command
// reads a file as `check` does (18).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDir } from '../helpers.js';
import { run, testdir } from '../harness.js';

const env = { CIRCLE_TODAY: '2026-11-17' };

/** A copy of the example circle (without its caches); returns the workspace and the circle's folder. */
function example(): { root: string; dir: string } {
  const root = testdir({});
  const dir = join(root, 'circles', 'riverside-leaders');
  cpSync(exampleDir, dir, { recursive: true, filter: (f) => !f.includes('.cache') });
  return { root, dir };
}

describe('every command reads a file as check does', () => {
  it('refuses `guests: []#note` (a comment must follow a space) in agenda, history, minutes and stats as check does', async () => {
    const { root, dir } = example();
    const newest = join(dir, 'meetings', '2026-10-20.yaml');
    const text = readFileSync(newest, 'utf8');
    expect(text).toMatch(/^ {2}guests: .*$/m);
    writeFileSync(newest, text.replace(/^ {2}guests: .*$/m, '  guests: []#note'));
    const check = await run(['check'], { cwd: root, env });
    expect(check.code).toBe(65);
    for (const argv of [['agenda'], ['history'], ['minutes', '2026-10-20'], ['stats'], ['topics'], ['practice']]) {
      const r = await run(argv, { cwd: root, env });
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(65);
      expect(r.stderr, argv.join(' ')).toContain('meetings/2026-10-20.yaml:');
    }
  });
});
