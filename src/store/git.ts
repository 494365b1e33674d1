// Committing what a command wrote: git run with execFile (never a shell) in the caller's
// environment, committing only the given paths, and never while git is in the middle of something else.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Run git in `cwd` and return what it printed; a failure rejects with git's stderr, stdout and exit code. */
export async function git(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

const notInstalled = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** A .git here or in a folder above: a repository, whether or not git is installed. */
function hasDotGit(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return true;
    if (dirname(d) === d) return false;
  }
}

/**
 * True when `dir` is inside a git work tree. Without git installed, a .git folder above
 * still counts, so that committing then says git is missing rather than "no repository".
 */
export async function insideWorkTree(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  try {
    return (await git(dir, ['rev-parse', '--is-inside-work-tree'], env)).trim() === 'true';
  } catch (error) {
    return notInstalled(error) && hasDotGit(dir);
  }
}

/** Work git leaves unfinished, by the file it keeps meanwhile, and what ends it. */
const UNFINISHED: Array<[file: string, what: string, end: string]> = [
  ['rebase-merge', 'a rebase', 'finish it with `git rebase --continue`, or undo it with `git rebase --abort`'],
  ['rebase-apply', 'a rebase (or `git am`)', 'finish it with `git rebase --continue` (`git am --continue`), or undo it with `git rebase --abort` (`git am --abort`)'],
  ['MERGE_HEAD', 'a merge', 'finish it with `git commit`, or undo it with `git merge --abort`'],
  ['CHERRY_PICK_HEAD', 'a cherry-pick', 'finish it with `git cherry-pick --continue`, or undo it with `git cherry-pick --abort`'],
  ['REVERT_HEAD', 'a revert', 'finish it with `git revert --continue`, or undo it with `git revert --abort`'],
  ['BISECT_LOG', 'a bisect', 'end it with `git bisect reset`'],
];

/** Work git has left unfinished in this repository (by the file it keeps meanwhile), or undefined. */
export async function unfinishedWork(dir: string, env: NodeJS.ProcessEnv): Promise<{ file: string; what: string; end: string } | undefined> {
  const paths = (await git(dir, ['rev-parse', ...UNFINISHED.flatMap(([f]) => ['--git-path', f])], env)).split('\n');
  const i = UNFINISHED.findIndex((_, k) => paths[k] && existsSync(resolve(dir, paths[k])));
  if (i < 0) return undefined;
  const [file, what, end] = UNFINISHED[i]!;
  return { file, what, end };
}

/** Why a commit now would land somewhere it should not, or undefined when it is safe. */
async function unsafeToCommit(dir: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const work = await unfinishedWork(dir, env);
  if (work) return `${work.what} is in progress in this repository: ${work.end}, then commit.`;
  try {
    await git(dir, ['symbolic-ref', '--quiet', 'HEAD'], env);
  } catch (error) {
    if (notInstalled(error)) throw error;
    return 'HEAD is detached (not on a branch), so a commit could be lost: switch to your branch first (`git switch <branch>`), then commit.';
  }
  return undefined;
}

type CommitResult = { ok: true } | { ok: false; reason: string };

/** Git's first lines of complaint, for a message. */
export function gitReason(error: unknown): string {
  const e = error as { stderr?: string; message: string };
  return (e.stderr || e.message).trim().split('\n').filter(Boolean).slice(0, 8).join('\n  ');
}

/**
 * `git add -- paths` then `git commit -m message -- paths`: nothing else staged is
 * committed. Refused (files left as they are) during a rebase, merge, cherry-pick,
 * revert or bisect, and on a detached HEAD.
 */
export async function commitPaths(dir: string, paths: string[], message: string, env: NodeJS.ProcessEnv = process.env): Promise<CommitResult> {
  try {
    const unsafe = await unsafeToCommit(dir, env);
    if (unsafe) return { ok: false, reason: unsafe };
    await git(dir, ['add', '--', ...paths], env);
    await git(dir, ['commit', '--quiet', '-m', message, '--', ...paths], env);
    return { ok: true };
  } catch (error) {
    if (notInstalled(error)) return { ok: false, reason: 'git is not installed (there is no `git` on PATH): install git to keep the history.' };
    return { ok: false, reason: gitReason(error) };
  }
}

/** What became of a commit: made, not asked for (git.commit false, or no repository and not asked outright), or failed. */
export type Committed = CommitResult | { ok: 'off' | 'no-repo' };

/** Commit `paths` when the circle asks for it (`git.commit`, on unless false) and the workspace is a git repository. */
export async function commitIfWanted(dir: string, wanted: boolean | undefined, paths: string[], message: string, env: NodeJS.ProcessEnv): Promise<Committed> {
  if (wanted === false) return { ok: 'off' };
  if (!(await insideWorkTree(dir, env))) return { ok: wanted ? 'no-repo' : 'off' };
  return commitPaths(dir, paths, message, env);
}
