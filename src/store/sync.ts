// Sharing a workspace through its git remote: what is waiting to be committed, the
// upstream branch, pull (rebase, autostash) and push, and what came in.
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import type { FileChange } from '../core/changes.js';
import { CircleError } from '../errors.js';
import { git, gitReason } from './git.js';

/** Set while `circle sync` runs git, so the merge driver can name the two sides. */
export const SYNC_ENV = 'CIRCLE_SYNC';

/** The files of a workspace that are shared: everything else (drafts, locks, caches) stays local. */
const SHARED = /^(\.gitattributes|circles\/[a-z0-9-]+\/(circle\.yaml|members\.yaml|\.gitignore|meetings\/(\d{4}-\d{2}-\d{2}\.yaml|\.gitkeep)))$/;

export interface Repo {
  /** The workspace folder. */
  root: string;
  /** The top of the git work tree holding it. */
  top: string;
  env: NodeJS.ProcessEnv;
}

const run = (repo: Repo, args: string[]) => git(repo.root, args, { ...repo.env, [SYNC_ENV]: '1' });

export async function openRepo(root: string, env: NodeJS.ProcessEnv): Promise<Repo | undefined> {
  try {
    const top = (await git(root, ['rev-parse', '--show-toplevel'], env)).trim();
    return { root, top, env };
  } catch {
    return undefined;
  }
}

/** Paths (from the workspace folder) of shared files changed since the last commit, new ones included. */
export async function changedSharedFiles(repo: Repo): Promise<string[]> {
  const out = await run(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.']);
  const fields = out.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!;
    if (entry.length < 4) continue;
    if (/^[RC]/.test(entry)) i++; // a rename names its old path next
    const path = relative(repo.root, join(repo.top, entry.slice(3))).split(sep).join('/');
    if (SHARED.test(path)) paths.push(path);
  }
  return paths.sort();
}

interface Upstream {
  remote: string;
  branch: string;
  /** e.g. origin/main */
  name: string;
}

/**
 * The branch this one shares with: its upstream, else the same branch on the only
 * remote (or origin), which becomes its upstream. `fresh` when the remote has no
 * such branch yet (the first push creates it).
 */
export async function upstream(repo: Repo): Promise<Upstream & { fresh: boolean }> {
  const branch = (await run(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '')).trim();
  if (!branch) throw new CircleError('this workspace is not on a branch (a detached HEAD): `git switch main` (or your branch), then circle sync again.');
  try {
    const name = (await run(repo, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'])).trim();
    const remote = (await run(repo, ['config', '--get', `branch.${branch}.remote`])).trim();
    return { remote, branch: name.slice(remote.length + 1), name, fresh: false };
  } catch {
    // no upstream yet: find the remote
  }
  const remotes = (await run(repo, ['remote'])).split('\n').filter(Boolean);
  const remote = remotes.includes('origin') ? 'origin' : remotes.length === 1 ? remotes[0]! : undefined;
  if (!remote) {
    throw new CircleError(
      remotes.length
        ? `this workspace has several git remotes (${remotes.join(', ')}); choose one: git branch --set-upstream-to <remote>/${branch}`
        : 'this workspace has no git remote to share through. Add the shared repository, then circle sync again:\n  git remote add origin <url>',
    );
  }
  await fetch(repo, remote);
  const name = `${remote}/${branch}`;
  const exists = await run(repo, ['rev-parse', '--verify', '--quiet', `refs/remotes/${name}`]).then(() => true, () => false);
  if (exists) await run(repo, ['branch', `--set-upstream-to=${name}`]);
  return { remote, branch, name, fresh: !exists };
}

async function fetch(repo: Repo, remote: string): Promise<void> {
  try {
    await run(repo, ['fetch', '--quiet', remote]);
  } catch (error) {
    throw new CircleError(`could not reach ${remote}: ${gitReason(error)}`);
  }
}

export async function head(repo: Repo): Promise<string | undefined> {
  return (await run(repo, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '')).trim() || undefined;
}

export type StepResult = { ok: true } | { ok: false; conflicts: Conflict[]; reason: string };

/** A file git could not merge: its path from the workspace and the lines where each conflict starts. */
export interface Conflict {
  path: string;
  lines: number[];
}

/** The files git left unmerged, and where their conflict markers are (none once someone settled them). */
export async function conflicts(repo: Repo): Promise<Conflict[]> {
  const paths = (await run(repo, ['diff', '--name-only', '--diff-filter=U', '-z']).catch(() => '')).split('\0').filter(Boolean);
  return Promise.all(
    paths.map(async (p) => {
      const text = await readFile(join(repo.top, p), 'utf8').catch(() => '');
      const lines = text.split('\n').flatMap((line, i) => (line.startsWith('<<<<<<< ') ? [i + 1] : []));
      return { path: relative(repo.root, join(repo.top, p)).split(sep).join('/'), lines };
    }),
  );
}

async function step(repo: Repo, args: string[]): Promise<StepResult> {
  try {
    await run(repo, args);
    return { ok: true };
  } catch (error) {
    return { ok: false, conflicts: await conflicts(repo), reason: gitReason(error) };
  }
}

/** git pull --rebase --autostash; on a conflict the rebase waits for the person (and the next sync). */
export function pull(repo: Repo): Promise<StepResult> {
  return step(repo, ['pull', '--rebase', '--autostash', '--quiet']);
}

/** Mark the settled files as merged and let the rebase go on (keeping each commit's message). */
export async function continueRebase(repo: Repo, settled: string[]): Promise<StepResult> {
  if (settled.length) await run(repo, ['add', '--', ...settled.map((p) => join(repo.root, p))]);
  return step({ ...repo, env: { ...repo.env, GIT_EDITOR: 'true' } }, ['rebase', '--continue']);
}

/** The commit the stopped rebase started from: what this clone had before the sync. */
export async function rebaseStart(repo: Repo): Promise<string | undefined> {
  const file = resolve(repo.root, (await run(repo, ['rev-parse', '--git-path', 'rebase-merge/orig-head'])).trim());
  return (await readFile(file, 'utf8').catch(() => '')).trim() || undefined;
}

/** How many commits here are not on the upstream yet. */
export async function ahead(repo: Repo, up: Upstream): Promise<number> {
  return Number((await run(repo, ['rev-list', '--count', `${up.name}..HEAD`])).trim());
}

export async function push(repo: Repo, up: Upstream & { fresh: boolean }): Promise<void> {
  try {
    await run(repo, ['push', '--quiet', ...(up.fresh ? ['--set-upstream', up.remote, `HEAD:${up.branch}`] : [up.remote, `HEAD:${up.branch}`])]);
  } catch (error) {
    throw new CircleError(`could not send the changes to ${up.name}: ${gitReason(error)}\nSomeone may have shared something meanwhile: run circle sync again.`);
  }
}

/** The shared files that differ between two commits, with their data (undefined where absent or unreadable). */
export async function changedBetween(repo: Repo, from: string, to: string): Promise<FileChange[]> {
  const out = await run(repo, ['diff', '--name-status', '--no-renames', '-z', from, to, '--', '.']);
  const fields = out.split('\0').filter(Boolean);
  const files: FileChange[] = [];
  const read = async (rev: string, topPath: string) => {
    try {
      return parse(await run(repo, ['show', `${rev}:${topPath}`])) as unknown;
    } catch {
      return undefined;
    }
  };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [code, topPath] = [fields[i]!, fields[i + 1]!];
    const path = relative(repo.root, join(repo.top, topPath)).split(sep).join('/');
    if (!SHARED.test(path) || path === '.gitattributes') continue;
    const status = code === 'A' ? 'added' : code === 'D' ? 'removed' : 'changed';
    files.push({ path, status, before: status === 'added' ? undefined : await read(from, topPath), after: status === 'removed' ? undefined : await read(to, topPath) });
  }
  return files;
}
