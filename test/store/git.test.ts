// Committing the minutes: never in the middle of a rebase, merge or other unfinished git work.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commitPaths, git, gitReason, insideWorkTree, refuseWhileUnfinished, SYNC_MARK, SYNC_RECORD } from '../../src/store/git.js';
import { tempDir, testEnv } from '../helpers.js';

const env = testEnv();

function sh(cwd: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** A repository with main and a branch `other` whose change to f.txt conflicts with main's. */
function conflicted(): string {
  const dir = tempDir('circle-git-');
  sh(dir, 'init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'f.txt'), 'base\n');
  sh(dir, 'add', '.');
  sh(dir, 'commit', '-qm', 'base');
  sh(dir, 'checkout', '-qb', 'other');
  writeFileSync(join(dir, 'f.txt'), 'other\n');
  sh(dir, 'commit', '-qam', 'other');
  sh(dir, 'checkout', '-q', 'main');
  writeFileSync(join(dir, 'f.txt'), 'main\n');
  sh(dir, 'commit', '-qam', 'main');
  return dir;
}

function minutes(dir: string): string {
  mkdirSync(join(dir, 'meetings'), { recursive: true });
  const file = join(dir, 'meetings', '2026-11-17.yaml');
  writeFileSync(file, 'date: 2026-11-17\n');
  return file;
}

const commits = (dir: string) => sh(dir, 'rev-list', '--all', '--count').out.trim();

describe('commitPaths refuses to commit while git is in the middle of something', () => {
  const cases: Array<[string, (dir: string) => void, RegExp]> = [
    ['a stopped rebase', (d) => sh(d, 'rebase', 'other'), /a rebase is in progress.*git rebase --continue.*git rebase --abort/s],
    ['a merge with conflicts', (d) => sh(d, 'merge', 'other'), /a merge is in progress.*git merge --abort/s],
    ['a cherry-pick', (d) => sh(d, 'cherry-pick', 'other'), /a cherry-pick is in progress.*git cherry-pick --continue/s],
    ['a revert', (d) => sh(d, 'revert', '--no-edit', 'HEAD~1'), /a revert is in progress.*git revert --continue/s],
    ['a bisect', (d) => sh(d, 'bisect', 'start'), /a bisect is in progress.*git bisect reset/s],
    ['a detached HEAD', (d) => sh(d, 'checkout', '-q', '--detach', 'HEAD~1'), /not on a branch.*git switch/s],
  ];
  for (const [what, start, reason] of cases) {
    it(`during ${what}: files stay written, nothing is committed, and it says what to run`, async () => {
      const dir = conflicted();
      start(dir);
      const before = commits(dir);
      const file = minutes(dir);
      const result = await commitPaths(dir, [file], 'minutes', env);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).toMatch(reason);
      expect(commits(dir)).toBe(before);
      expect(sh(dir, 'status', '--porcelain', '--', file).out).toMatch(/^\?\? /);
    });
  }

  it('with nothing left to commit (committed meanwhile by someone else), is a success', async () => {
    const dir = conflicted();
    const file = minutes(dir);
    sh(dir, 'add', file);
    sh(dir, 'commit', '-qm', 'committed by a sync meanwhile');
    const before = commits(dir);
    expect(await commitPaths(dir, [file], 'minutes', env)).toEqual({ ok: true });
    expect(commits(dir)).toBe(before);
  });

  it('commits on a branch, with the environment it is given', async () => {
    const dir = conflicted();
    const file = minutes(dir);
    const result = await commitPaths(dir, [file], 'minutes', { ...env, GIT_AUTHOR_NAME: 'Given Env' });
    expect(result).toEqual({ ok: true });
    expect(sh(dir, 'log', '-1', '--format=%an %s').out.trim()).toBe('Given Env minutes');
  });
});

describe('git missing from PATH inside a repository', () => {
  it('says git is not installed, not that this is no repository', async () => {
    const dir = conflicted();
    const file = minutes(dir);
    const noGit = { ...env, PATH: tempDir('circle-nopath-') };
    expect(await insideWorkTree(dir, noGit)).toBe(true);
    const result = await commitPaths(dir, [file], 'minutes', noGit);
    expect(result.ok ? '' : result.reason).toMatch(/git is not installed/);
  });

  it('outside any repository, is simply not a work tree', async () => {
    expect(await insideWorkTree(tempDir('circle-plain-'), { ...env, PATH: tempDir('circle-nopath-') })).toBe(false);
  });
});

describe('gitReason', () => {
  it('gives the reason git printed, on stderr or (as some commands do) on stdout', async () => {
    const dir = conflicted();
    const failure = await git(dir, ['commit', '-m', 'nothing'], env).catch((error: unknown) => error);
    expect(gitReason(failure)).toMatch(/nothing to commit/);
    expect(gitReason(failure)).not.toMatch(/Command failed/);
  });
});

describe('refuseWhileUnfinished, for a file git left unmerged in a rebase', () => {
  /** A rebase stopped on f.txt, with circle sync's record (and, once stopped, its mark) as `state` leaves them. */
  function syncRebase(state: 'running' | 'stopped' | undefined): string {
    const dir = conflicted();
    sh(dir, 'rebase', 'other');
    const head = sh(dir, 'rev-parse', 'main').out.trim();
    const gitDir = join(dir, '.git');
    if (state) writeFileSync(join(gitDir, SYNC_RECORD), JSON.stringify({ head, stash: null, pid: 1, state }));
    if (state === 'stopped') writeFileSync(join(gitDir, 'rebase-merge', SYNC_MARK), `${head}\n`);
    return dir;
  }

  it("lets it be settled for a stopped sync or the person's own rebase, never for a sync that was killed (its next run undoes the rebase)", async () => {
    for (const state of ['stopped', undefined] as const) {
      const dir = syncRebase(state);
      await expect(refuseWhileUnfinished(dir, env, join(dir, 'f.txt')), String(state)).resolves.toBeUndefined();
    }
    const dir = syncRebase('running');
    await expect(refuseWhileUnfinished(dir, env, join(dir, 'f.txt'))).rejects.toThrow('circle sync was interrupted before it finished');
  });
});

