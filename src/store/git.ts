// Committing what a command wrote: git run with execFile (never a shell) in the caller's
// environment, committing only the given paths, and never while git is in the middle of something else.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CircleError } from '../errors.js';
import { withWriteLock } from './lock.js';

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

/** Whether `dir` is in a git work tree, and where git keeps the WATCHED files there; without git installed, a .git above counts, so committing says git is missing. */
async function workTree(dir: string, env: NodeJS.ProcessEnv): Promise<{ inside: boolean; watched?: string[] }> {
  try {
    const { first, paths } = await gitPaths(dir, env, ['--is-inside-work-tree'], WATCHED);
    return { inside: first[0] === 'true', watched: paths };
  } catch (error) {
    if (error instanceof LineBreakError) throw error;
    return { inside: notInstalled(error) && hasDotGit(dir) };
  }
}

/** Whether `dir` is in a git work tree (see workTree). */
export async function insideWorkTree(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return (await workTree(dir, env)).inside;
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

/** What `circle sync` keeps in the repository's git folder while it works: see store/sync.ts. */
export const SYNC_RECORD = 'circle-sync.json';
/** Left in git's rebase folder when a sync's rebase stops: it goes with that rebase, so a later rebase of the person's own lacks it. */
export const SYNC_MARK = 'circle-sync';

/**
 * Whether the rebase in `rebase` (git's rebase-merge folder) is one `circle sync` started,
 * stopped on a conflict or interrupted (killed): the sync's record names the commit it began
 * at and, once the sync stopped, its mark is there (a rebase given up by hand leaves the
 * record behind, never the mark).
 */
function startedBySync(rebase: string, record: string): Unfinished['sync'] {
  const kept = syncRecordAt(record);
  if (!kept || text(join(rebase, 'orig-head')) !== kept.head) return undefined;
  if (kept.state === 'running') return 'interrupted';
  return text(join(rebase, SYNC_MARK)) === kept.head ? 'stopped' : undefined;
}

/** A small file's text, trimmed ('' when it cannot be read). */
function text(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

/** What a sync keeps in the git folder while its rebase runs: the rebase is then known as its own, and what it changed checked. */
export interface SyncRecord {
  /** This clone's commit before the sync. */
  head: string;
  /** The newest entry of git's stash before the sync: a new one after it means git put uncommitted changes there. */
  stash: string | null;
  pid: number;
  /** Working, or waiting for the person (stopped on a conflict). */
  state: 'running' | 'stopped';
  /** While it carries on: the files the person settled (path from the workspace → text), kept should it be killed. */
  settled?: Record<string, string>;
}

/** The sync's record at `path`, or undefined (none, or not one). */
export function syncRecordAt(path: string): SyncRecord | undefined {
  try {
    const record = JSON.parse(text(path) || 'null') as SyncRecord | null;
    return typeof record?.head === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

interface Unfinished {
  file: string;
  what: string;
  end: string;
  /** A rebase that `circle sync` started and that stopped on a conflict, or was interrupted (startedBySync). */
  sync?: 'stopped' | 'interrupted';
}

/** Work in progress named, what was not done (`so`), how to end it, and what to do `then`. */
export const inProgress = (work: Unfinished, so: string, then: string) => `${work.what} is in progress in this repository${so}: ${work.end}, then ${then}.`;

/** The files that say work is left unfinished (UNFINISHED's), then the sync's record, which tells whose a rebase is (startedBySync). */
export const WATCHED = [...UNFINISHED.map(([f]) => f), SYNC_RECORD];

/** Work git has left unfinished, from where it keeps the WATCHED files (absolute paths, in that order), or undefined. */
export function unfinishedAt(watched: string[]): Unfinished | undefined {
  const i = UNFINISHED.findIndex((_, k) => Boolean(watched[k] && existsSync(watched[k])));
  if (i < 0) return undefined;
  const [file, what, end] = UNFINISHED[i]!;
  return { file, what, end, sync: file === 'rebase-merge' ? startedBySync(watched[i]!, watched[UNFINISHED.length]!) : undefined };
}

/** The repository's path (or its git folder's) holds a line break, which git's answers cannot carry unambiguously. */
class LineBreakError extends CircleError {
  constructor() {
    super('the path of this repository (or of its git folder) holds a line break, so circle cannot tell the answers git gives about it apart safely and stops here: move the repository to a folder whose path has none (`mv`, or `git worktree move` for a linked worktree), then run this again.');
  }
}

/** One `git rev-parse` in `dir`: its answers to `first` (a line each), then where git keeps each of `names` (absolute paths). */
export async function gitPaths(dir: string, env: NodeJS.ProcessEnv, first: string[], names: string[]): Promise<{ first: string[]; paths: string[] }> {
  const lines = (await git(dir, ['rev-parse', ...first, ...names.flatMap((n) => ['--git-path', n])], env)).split('\n');
  // A line break in a path would shift every answer after it: refuse rather than guess.
  if (lines.length !== first.length + names.length + 1) throw new LineBreakError();
  return { first: lines.slice(0, first.length), paths: lines.slice(first.length, first.length + names.length).map((p) => p && resolve(dir, p)) };
}

/** Work git has left unfinished in this repository (by the file it keeps meanwhile), or undefined. */
export async function unfinishedWork(dir: string, env: NodeJS.ProcessEnv): Promise<Unfinished | undefined> {
  return unfinishedAt((await gitPaths(dir, env, [], WATCHED)).paths);
}

/** Paths (absolute) of the files git has left unmerged. */
async function unmergedFiles(dir: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const top = (await git(dir, ['rev-parse', '--show-toplevel'], env)).trim();
  const out = await git(dir, ['diff', '--name-only', '--diff-filter=U', '-z'], env);
  return [...new Set(out.split('\0').filter(Boolean))].map((p) => join(top, p));
}

/** What a sync left in the middle of its rebase waits for, for every command refused meanwhile. */
const SYNC_WAITS = {
  stopped:
    'circle sync stopped on files both sides changed, and waits for you: settle the files it names ' +
    '(run circle sync to see them again; `circle edit` checks them as you save), then run circle sync to finish it.',
  interrupted: 'circle sync was interrupted before it finished: run circle sync, which undoes what it began and shares again.',
};

/** A write refused because git is in the middle of something (see refuseWhileUnfinished). */
export class GitBusyError extends CircleError {}

/**
 * Refuse (a GitBusyError, nothing written) to write a circle file while git is in the
 * middle of something: a write then would be swept into that work, or lost if it is
 * undone. Only `settling`, a file a rebase left unmerged (a stopped sync's, or the person's own), may be written then.
 */
export async function refuseWhileUnfinished(dir: string, env: NodeJS.ProcessEnv, settling?: string): Promise<void> {
  if (!hasDotGit(dir)) return;
  let work: Unfinished | undefined;
  try {
    work = await unfinishedWork(dir, env);
  } catch (error) {
    if (error instanceof LineBreakError) throw error;
    return; // not a work tree, or no git: nothing in progress that a write could disturb
  }
  if (!work) return;
  // Not for a killed sync: its next run undoes the rebase, and what was settled in it.
  if (settling !== undefined && work.file === 'rebase-merge' && work.sync !== 'interrupted' && (await unmergedFiles(dir, env)).includes(resolve(settling))) return;
  const why = work.sync ? `${SYNC_WAITS[work.sync]} Nothing was written meanwhile.` : inProgress(work, ', so nothing was written', 'run this again');
  throw new GitBusyError(why);
}

/** Why a commit now would land somewhere it should not, or undefined when it is safe. */
async function unsafeToCommit(dir: string, env: NodeJS.ProcessEnv, watched?: string[]): Promise<string | undefined> {
  const work = watched ? unfinishedAt(watched) : await unfinishedWork(dir, env);
  if (work) return inProgress(work, '', 'commit');
  try {
    await git(dir, ['symbolic-ref', '--quiet', 'HEAD'], env);
  } catch (error) {
    if (notInstalled(error)) throw error;
    return 'HEAD is detached (not on a branch), so a commit could be lost: switch to your branch first (`git switch <branch>`), then commit.';
  }
  return undefined;
}

type CommitResult = { ok: true } | { ok: false; reason: string };

/** Git's first lines of complaint, for a message (some of git's reasons go to stdout). */
export function gitReason(error: unknown): string {
  const e = error as { stderr?: string; stdout?: string; message: string };
  const said = `${e.stderr ?? ''}\n${e.stdout ?? ''}`.trim();
  return (said || e.message).split('\n').filter((l) => l.trim()).slice(0, 8).join('\n  ');
}

/**
 * Commit `paths` alone (nothing else staged); refused, files left as they are, while git is busy with other work or HEAD is detached.
 * `watched`: where git keeps the WATCHED files, when the caller knows.
 */
export async function commitPaths(dir: string, paths: string[], message: string, env: NodeJS.ProcessEnv = process.env, watched?: string[]): Promise<CommitResult> {
  try {
    const unsafe = await unsafeToCommit(dir, env, watched);
    if (unsafe) return { ok: false, reason: unsafe };
    // A path gone from the folder is committed as gone without `git add`, which refuses one that git mv took out of the index.
    const present = paths.filter((p) => existsSync(resolve(dir, p)));
    if (present.length) await git(dir, ['add', '--', ...present], env);
    await git(dir, ['commit', '--quiet', '-m', message, '--', ...paths], env);
    return { ok: true };
  } catch (error) {
    if (notInstalled(error)) return { ok: false, reason: 'git is not installed (there is no `git` on PATH): install git to keep the history.' };
    // Nothing left to commit (someone committed these files meanwhile, `circle sync` say) is what was wanted.
    const left = await git(dir, ['status', '--porcelain', '--untracked-files=all', '--', ...paths], env).catch(() => '?');
    if (!left.trim()) return { ok: true };
    return { ok: false, reason: gitReason(error) };
  }
}

/** What became of a commit: made, not asked for (git.commit false, or no repository and not asked outright), or failed. */
export type Committed = CommitResult | { ok: 'off' | 'no-repo' };

/** Commit `paths` when the circle asks for it (`git.commit`, on unless false) and the workspace is a git repository. */
export async function commitIfWanted(dir: string, wanted: boolean | undefined, paths: string[], message: string, env: NodeJS.ProcessEnv): Promise<Committed> {
  if (wanted === false) return { ok: 'off' };
  const { inside, watched } = await workTree(dir, env);
  if (!inside) return { ok: wanted ? 'no-repo' : 'off' };
  // Under the circle's write lock, which `circle sync` holds while it works: never in the middle of one.
  return withWriteLock(dir, paths[0]!, () => commitPaths(dir, paths, message, env, watched));
}
