// Issue 17, the meeting's memory and people: what the agenda, meet, stats and the name tags
// make of who was there, who is new, and what is still open.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, tempDir } from '../helpers.js';
import { circleTree, run, testdir } from '../harness.js';

const TODAY = { CIRCLE_TODAY: '2026-01-10' };

describe('the agenda', () => {
  it('ends the traditions line with one stop, whatever the last tradition ends with', async () => {
    const tree = circleTree('tiny');
    const circle = tree['circles/tiny/circle.yaml'] as Record<string, unknown>;
    circle.traditions = ['Name tags;', 'Who brings food next time, before leaving?'];
    const root = testdir(tree);
    const r = await run(['agenda', '--format', 'markdown'], { cwd: root, env: TODAY });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Our traditions: Name tags · Who brings food next time, before leaving?_\n');
    expect(r.stdout).not.toContain('?.');
  });
});

describe('printouts', () => {
  it('go to the circle\'s print/ folder, which git ignores, so `git status` stays clean', async () => {
    const root = testdir(circleTree('tiny', { '.gitignore': '.cache/\n' }));
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'start');
    for (const args of [['agenda', '--format', 'pdf'], ['nametags']]) {
      const r = await run(args, { cwd: root, env: TODAY });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/Wrote circles\/tiny\/print\/(agenda-2026-01-20|nametags)\.pdf/);
    }
    expect(existsSync(join(root, 'circles/tiny/print/agenda-2026-01-20.pdf'))).toBe(true);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('refuse a print folder that is a link (it may have come through git)', async () => {
    const root = testdir(circleTree('tiny'));
    const elsewhere = tempDir('circle-elsewhere-');
    mkdirSync(join(elsewhere, 'x'));
    symlinkSync(join(elsewhere, 'x'), join(root, 'circles/tiny/print'));
    const r = await run(['nametags'], { cwd: root, env: TODAY });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('circles/tiny/print is not a folder');
    expect(existsSync(join(elsewhere, 'x', 'nametags.pdf'))).toBe(false);
  });
});
