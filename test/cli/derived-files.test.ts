// Derived files (the draft, locks, caches) are local state: git ignores them and `check`
// reports one that is tracked, with how to untrack it (issue 22, point 2).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleSlug, git, makeWorkspace, tempDir } from '../helpers.js';
import { run as cli } from '../harness.js';

describe('derived files are never tracked', () => {
  it('check reports a committed cache file and draft, and says how to untrack them', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    rmSync(join(circleDir, '.cache'), { recursive: true, force: true });
    git(root, 'init', '-q');
    mkdirSync(join(circleDir, '.cache'));
    writeFileSync(join(circleDir, '.cache', 'files.json'), '{}\n');
    writeFileSync(join(circleDir, '.draft.yaml'), 'date: 2026-11-17\n');
    git(root, 'add', '.');
    expect(git(root, 'ls-files', '--', `circles/${exampleSlug}/.cache`)).toBe('');
    git(root, 'add', '-f', `circles/${exampleSlug}/.cache/files.json`, `circles/${exampleSlug}/.draft.yaml`);
    git(root, 'commit', '-qm', 'hostile');
    const r = await cli(['check'], { cwd: root });
    expect(r.code).toBe(65);
    expect(r.stdout + r.stderr).toContain(`circles/${exampleSlug}/.cache/files.json:1:1: tracked by git, but it is local state`);
    expect(r.stdout + r.stderr).toContain(`circles/${exampleSlug}/.draft.yaml:1:1: tracked by git`);
    expect(r.stdout + r.stderr).toContain(`git rm --cached -- circles/${exampleSlug}/.draft.yaml`);
    // Untracked as advised, the circle checks.
    git(root, 'rm', '-q', '--cached', '--', `circles/${exampleSlug}/.cache/files.json`, `circles/${exampleSlug}/.draft.yaml`);
    expect((await cli(['check'], { cwd: root })).code).toBe(0);
  });

  it('a new circle ignores .cache whether it is a folder or a file', async () => {
    const root = tempDir();
    git(root, 'init', '-q');
    expect((await cli(['init', 'Tiny', '--yes'], { cwd: root, env: { CIRCLE_TODAY: '2026-01-06' } })).code).toBe(0);
    const dir = join(root, 'circles', 'tiny');
    writeFileSync(join(dir, '.cache'), 'a file where the folder goes\n');
    expect(git(root, 'status', '--porcelain', '--untracked-files=all', '--', 'circles/tiny/.cache')).toBe('');
    rmSync(join(dir, '.cache'));
    mkdirSync(join(dir, '.cache'));
    writeFileSync(join(dir, '.cache', 'memory.json'), '{}\n');
    expect(git(root, 'status', '--porcelain', '--untracked-files=all', '--', 'circles/tiny/.cache')).toBe('');
  });
});
