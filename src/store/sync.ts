// Sharing a workspace through its git remote: what is waiting to be committed, the
// upstream branch, fetch, rebase (autostash) and push, the sync's own record of its rebase,
// conflicts as git leaves them, and what came in.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import type { FileChange } from '../core/changes.js';
import { CircleError } from '../errors.js';
import { isDerived, writeFileAtomic } from './atomic.js';
import { bothVersions, markerLines, SYNC_LABELS } from './conflict-markers.js';
import { git, gitPaths, gitReason, SYNC_MARK, SYNC_RECORD, syncRecordAt, unfinishedAt, WATCHED, type SyncRecord } from './git.js';

/** Set while `circle sync` runs git, so the merge driver can name the two sides. */
export const SYNC_ENV = 'CIRCLE_SYNC';

/** The files of a workspace that are shared: everything else (drafts, locks, caches) stays local. */
const SHARED = /^(\.gitattributes|circles\/[a-z0-9-]+\/(circle\.yaml|members\.yaml|\.gitignore|meetings\/(\d{4}-\d{2}-\d{2}\.yaml|\.gitkeep)))$/;
/** What `circle send` sent (circles/<slug>/sent/): shared too, but not YAML. */
const SENT = /^circles\/[a-z0-9-]+\/sent\/(\d{4}-\d{2}-\d{2}\.log|\.gitattributes|\.gitignore)$/;

export interface Repo {
  /** The workspace folder. */
  root: string;
  /** The top of the git work tree holding it. */
  top: string;
  env: NodeJS.ProcessEnv;
  /** Where git keeps the WATCHED files (absolute), asked once. */
  watched: string[];
  /** In the git folder: the sync's record (SYNC_RECORD), git's rebase folder, the files settled during a sync, git's index lock. */
  record: string;
  rebase: string;
  settled: string;
  indexLock: string;
}

/** A path from the top of the work tree, as a path from the workspace folder (with /). */
const fromRoot = (repo: Repo, topPath: string) => relative(repo.root, join(repo.top, topPath)).split(sep).join('/');

const run = (repo: Repo, args: string[]) => git(repo.root, args, { ...repo.env, [SYNC_ENV]: '1' });

/** The repository holding the workspace `root`, and where git keeps the files a sync looks at (one `git rev-parse`); undefined outside one. */
export async function openRepo(root: string, env: NodeJS.ProcessEnv): Promise<Repo | undefined> {
  try {
    const { first, paths } = await gitPaths(root, env, ['--show-toplevel'], [...WATCHED, 'circle-sync-settled', 'index.lock']);
    const [settled, indexLock] = paths.slice(WATCHED.length) as [string, string];
    return { root, top: first[0]!, env, watched: paths.slice(0, WATCHED.length), record: paths[WATCHED.indexOf(SYNC_RECORD)]!, rebase: paths[WATCHED.indexOf('rebase-merge')]!, settled, indexLock };
  } catch (error) {
    if (error instanceof CircleError) throw error; // a path git cannot answer for unambiguously
    return undefined;
  }
}

/** Work git (or a sync) has left unfinished in this repository, or undefined. */
export const unfinished = (repo: Repo) => unfinishedAt(repo.watched);

/** What `git status --porcelain=v1 -z` lists: each entry's two status letters, its path (from the top) and a rename's old path. */
async function statusEntries(repo: Repo, args: string[]): Promise<Array<{ xy: string; path: string; from: string | undefined }>> {
  const fields = (await run(repo, ['status', '--porcelain=v1', '-z', ...args])).split('\0');
  const entries = [];
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!;
    if (entry.length < 4) continue;
    const from = /^[RC]/.test(entry) ? fields[++i] : undefined; // a rename (or copy) names its old path next
    entries.push({ xy: entry.slice(0, 2), path: entry.slice(3), from });
  }
  return entries;
}

/** Paths (from the workspace folder) of shared files changed since the last commit, new ones included (and a renamed file's old name). */
export async function changedSharedFiles(repo: Repo): Promise<string[]> {
  const entries = await statusEntries(repo, ['--untracked-files=all', '--', '.']);
  const paths = entries.flatMap((e) => [e.path, ...(e.from === undefined ? [] : [e.from])]).map((p) => fromRoot(repo, p));
  return paths.filter((p) => SHARED.test(p) || SENT.test(p)).sort();
}

interface Upstream {
  remote: string;
  branch: string;
  /** e.g. origin/main, for messages */
  name: string;
  /** The full ref, e.g. refs/remotes/origin/main (a tag or branch named origin/main cannot stand in for it). */
  ref: string;
}

/** The branch this one shares with, where this clone is (its commit), and how many of its commits the upstream lacks (as last fetched). */
export interface Shared extends Upstream {
  /** The remote has no such branch yet (the first push creates it). */
  fresh: boolean;
  head: string | undefined;
  ahead: number;
}

/**
 * The branch this one shares with: its upstream, else the same branch on the only
 * remote (or origin), which becomes its upstream. `fresh` when the remote has no
 * such branch yet (the first push creates it).
 */
export async function upstream(repo: Repo): Promise<Shared> {
  // One git run in the usual case: the branch checked out, its commit, and its upstream (remote, name, ahead/behind).
  const format = ['%(HEAD)', '%(objectname)', '%(upstream:remotename)', '%(upstream)', '%(upstream:track)'].join('%00');
  const branches = await run(repo, ['for-each-ref', `--format=${format}`, '--points-at', 'HEAD', 'refs/heads/']).catch(() => '');
  const current = branches.split('\n').map((l) => l.split('\0')).find((f) => f[0] === '*');
  if (current) {
    const [, head, remote, ref, track] = current as [string, string, string, string, string];
    const branch = ref.slice(`refs/remotes/${remote}/`.length);
    const name = remote === '.' ? ref.replace(/^refs\/heads\//, '') : `${remote}/${branch}`;
    if (remote === '.') {
      throw new CircleError(
        `this branch follows the local branch ${name}, not a shared one, so nothing would reach your co-facilitators. Make it follow the shared branch, then circle sync again:\n  git branch --set-upstream-to origin/<branch>`,
      );
    }
    if (remote && ref && track === '[gone]') {
      throw new CircleError(
        `this branch follows ${name}, which is gone from ${remote} (deleted there), so circle sync does not guess another. Share it there again, or follow another shared branch, then circle sync again:\n` +
          `  git push -u ${remote} HEAD:${branch}\n  git branch --set-upstream-to ${remote}/<branch>`,
      );
    }
    if (remote && ref) return { remote, branch, name, ref, fresh: false, head, ahead: Number(/ahead (\d+)/.exec(track)?.[1] ?? 0) };
  }
  const branch = (await run(repo, ['symbolic-ref', '--quiet', 'HEAD']).catch(() => '')).trim().replace(/^refs\/heads\//, '');
  if (!branch) throw new CircleError('this workspace is not on a branch (a detached HEAD): `git switch main` (or your branch), then circle sync again.');
  // An upstream set but not found (for-each-ref failed): never re-pointed to a guess.
  if (await run(repo, ['config', '--get', `branch.${branch}.merge`]).then(() => true, () => false)) {
    throw new CircleError(
      `circle sync could not find the branch ${branch} follows (\`git status -sb\` shows it); share it again, or follow another shared branch, then circle sync again:\n` +
        `  git push -u <remote> HEAD\n  git branch --set-upstream-to <remote>/<branch>`,
    );
  }
  // No upstream yet: find the remote.
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
  const [name, ref] = [`${remote}/${branch}`, `refs/remotes/${remote}/${branch}`];
  const exists = await run(repo, ['rev-parse', '--verify', '--quiet', ref]).then(() => true, () => false);
  if (exists) await run(repo, ['branch', `--set-upstream-to=${ref}`]);
  const at = await head(repo);
  const ahead = exists && at ? Number((await run(repo, ['rev-list', '--count', `${ref}..HEAD`])).trim()) : 0;
  return { remote, branch, name, ref, fresh: !exists, head: at, ahead };
}

export async function fetch(repo: Repo, remote: string): Promise<void> {
  try {
    await run(repo, ['fetch', '--quiet', remote]);
  } catch (error) {
    throw new CircleError(`could not reach ${remote}: ${gitReason(error)}`);
  }
}

/** How many commits the upstream has that this branch lacks, and the other way round. */
export async function aheadBehind(repo: Repo, up: Upstream): Promise<{ ahead: number; behind: number }> {
  const [behind, ahead] = (await run(repo, ['rev-list', '--left-right', '--count', `${up.ref}...HEAD`])).trim().split(/\s+/).map(Number) as [number, number];
  return { ahead, behind };
}

export async function head(repo: Repo): Promise<string | undefined> {
  return (await run(repo, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '')).trim() || undefined;
}

export type StepResult = { ok: true } | { ok: false; conflicts: Conflict[]; reason: string };

/** A file git could not merge: its path from the workspace and the lines where each conflict starts. */
export interface Conflict {
  path: string;
  lines: number[];
  /** Which side took the file out while the other changed it: the shared copy, or this clone. */
  removed?: 'shared' | 'here';
}


/** The files git left unmerged, and where their conflict markers are (none once someone settled them). */
export async function conflicts(repo: Repo): Promise<Conflict[]> {
  // `git ls-files -u`: "mode object stage<TAB>path" per side present. In a rebase, stage 2
  // is the shared copy and stage 3 this clone's commit.
  const stages = new Map<string, Set<string>>();
  for (const entry of (await run(repo, ['ls-files', '-u', '-z', '--full-name', ':/']).catch(() => '')).split('\0').filter(Boolean)) {
    const [info, path] = entry.split('\t') as [string, string];
    stages.set(path, (stages.get(path) ?? new Set()).add(info.split(' ')[2]!));
  }
  return Promise.all(
    [...stages].map(async ([p, has]) => {
      const text = await readFile(join(repo.top, p), 'utf8').catch(() => '');
      const removed = !has.has('2') ? 'shared' : !has.has('3') ? 'here' : undefined;
      return { path: fromRoot(repo, p), lines: removed ? [] : markerLines(text), ...(removed ? { removed } : {}) };
    }),
  );
}

/** A conflict the merge left without markers (its driver failed) gets both versions whole, between marker lines: nothing is lost. */
async function markUnmarked(repo: Repo, found: Conflict[]): Promise<Conflict[]> {
  return Promise.all(
    found.map(async (c) => {
      if (c.removed || c.lines.length) return c;
      const top = relative(repo.top, join(repo.root, c.path)).split(sep).join('/');
      const [shared, yours] = await Promise.all(['2', '3'].map((n) => run(repo, ['show', `:${n}:${top}`])));
      await writeFile(join(repo.root, c.path), bothVersions(shared!, yours!, SYNC_LABELS));
      return { ...c, lines: [1] };
    }),
  );
}

async function step(repo: Repo, args: string[]): Promise<StepResult> {
  try {
    await run(repo, args);
    return { ok: true };
  } catch (error) {
    const found = await conflicts(repo);
    return { ok: false, conflicts: await markUnmarked(repo, found), reason: gitReason(error) };
  }
}

/** Rebase this branch's commits onto its upstream, uncommitted changes set aside meanwhile; on a conflict the rebase waits for the person (and the next sync). */
export function rebase(repo: Repo): Promise<StepResult> {
  return step(repo, ['rebase', '--autostash', '--quiet']);
}

/**
 * Mark the settled files as merged and let the rebase go on (keeping each commit's
 * message). Other files changed while it waited would stop git: they are set aside in
 * git's stash meanwhile and put back after (a failure to put them back leaves them there).
 */
export async function continueRebase(repo: Repo, settled: string[]): Promise<StepResult> {
  if (settled.length) await run(repo, ['add', '--', ...settled.map((p) => join(repo.root, p))]);
  const meanwhile = await uncommitted(repo, true);
  if (meanwhile.length) {
    await run(repo, ['stash', 'push', '--quiet', '--message', 'circle sync: changed while the sync waited', '--', ...meanwhile.map((p) => join(repo.top, p))]);
  }
  const result = await step({ ...repo, env: { ...repo.env, GIT_EDITOR: 'true' } }, ['rebase', '--continue']);
  if (meanwhile.length && result.ok) await run(repo, ['stash', 'pop', '--quiet']).catch(() => undefined);
  return result;
}

/** Give up a rebase: back to the commit it started from, uncommitted changes put back. */
export async function abortRebase(repo: Repo): Promise<void> {
  await run(repo, ['rebase', '--abort']);
}

export const readRecord = (repo: Repo) => syncRecordAt(repo.record);

export async function writeRecord(repo: Repo, record: SyncRecord): Promise<void> {
  await writeFileAtomic(repo.record, `${JSON.stringify(record)}\n`, { durable: false });
  if (record.state === 'stopped') await writeFileAtomic(join(repo.rebase, SYNC_MARK), `${record.head}\n`, { durable: false });
}

/**
 * Keep the texts a person settled in the git folder (`circle-sync-settled/`, one file per
 * path, its slashes as `__`), for a sync undone after they settled them. Returns the folder.
 */
export async function keepSettled(repo: Repo, settled: Record<string, string>): Promise<string> {
  const dir = repo.settled;
  await mkdir(dir, { recursive: true });
  await Promise.all(Object.entries(settled).map(([path, text]) => writeFileAtomic(join(dir, path.replace(/\//g, '__')), text, { durable: false })));
  return dir;
}

export async function clearRecord(repo: Repo): Promise<void> {
  await rm(repo.record, { force: true });
}

/** The newest entry of git's stash, if any. */
export async function stashTop(repo: Repo): Promise<string | null> {
  return (await run(repo, ['rev-parse', '--verify', '--quiet', 'refs/stash']).catch(() => '')).trim() || null;
}

/** The stash entries made since `since` (newest first), as `git stash list` names them. */
export async function stashedSince(repo: Repo, since: string | null): Promise<string[]> {
  const list = (await run(repo, ['stash', 'list', '--format=%H %gd: %gs']).catch(() => '')).split('\n').filter(Boolean);
  const at = list.findIndex((l) => l.startsWith(`${since} `));
  return (at < 0 ? list : list.slice(0, at)).map((l) => l.slice(l.indexOf(' ') + 1));
}

/** Remove what a sync killed mid-merge leaves: the driver's untracked `.merge_file_XXXXXX` at the top, and git's index lock; returns them. */
export async function clearLeftovers(repo: Repo): Promise<string[]> {
  const litter = (await readdir(repo.top)).filter((n) => /^\.merge_file_[A-Za-z0-9]{6}$/.test(n));
  const tracked = litter.length ? (await run(repo, ['ls-files', '-z', '--', ...litter.map((n) => join(repo.top, n))])).split('\0') : [];
  const removed = litter.filter((n) => !tracked.includes(n)).map((n) => join(repo.top, n));
  const lock = repo.indexLock;
  if (await readFile(lock).then(() => true, () => false)) removed.push(lock);
  await Promise.all(removed.map((f) => rm(f, { force: true })));
  return removed;
}

/** Paths (from the top) changed and not committed, new files included; `unstagedOnly`: tracked files changed in the work tree only. */
async function uncommitted(repo: Repo, unstagedOnly = false): Promise<string[]> {
  const entries = await statusEntries(repo, [`--untracked-files=${unstagedOnly ? 'no' : 'all'}`]);
  const wanted = (xy: string) => !unstagedOnly || (xy[0] === ' ' && xy[1] !== ' ');
  return entries.flatMap((e) => (wanted(e.xy) ? [e.path] : []).concat(e.from ?? []));
}

/** Uncommitted files the shared copy changed too (from the workspace folder): a rebase could not put them back on what comes in. */
export async function uncommittedClashes(repo: Repo, up: Upstream): Promise<string[]> {
  const here = await uncommitted(repo);
  // What the upstream changed since this branch parted from it (paths from the top).
  const coming = new Set(here.length ? (await run(repo, ['diff', '--name-only', '--no-renames', '-z', `HEAD...${up.ref}`])).split('\0') : []);
  return here.filter((p) => coming.has(p)).map((p) => fromRoot(repo, p)).sort();
}

/**
 * Local files under circles/ (.cache, .draft.yaml, .lock, .write-lock, write temp files) that the upstream tracks
 * and this clone's commits do not take out: bringing them in would write over this
 * computer's own (or, through a link, anywhere). Paths from the workspace folder.
 */
export async function derivedArriving(repo: Repo, up: Upstream): Promise<string[]> {
  const local = (p: string) => p.startsWith('circles/') && isDerived(p);
  const tracked = (await run(repo, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', up.ref])).split('\0').filter((p) => p && local(fromRoot(repo, p)));
  if (!tracked.length) return [];
  const takenOut = new Set((await run(repo, ['diff', '--name-only', '--no-renames', '--diff-filter=D', '-z', `${up.ref}...HEAD`])).split('\0'));
  return tracked
    .filter((p) => !takenOut.has(p))
    .map((p) => fromRoot(repo, p))
    .sort();
}

export async function push(repo: Repo, up: Shared): Promise<void> {
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
  /** The data of a version, or `unreadable` when it is not one clean YAML document. */
  const read = async (rev: string, topPath: string): Promise<{ data?: unknown; unreadable?: true }> => {
    try {
      const doc = parseDocument(await run(repo, ['show', `${rev}:${topPath}`]), { uniqueKeys: true });
      return doc.errors.length ? { unreadable: true } : { data: doc.toJS({ maxAliasCount: 50 }) as unknown };
    } catch {
      return { unreadable: true };
    }
  };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [code, topPath] = [fields[i]!, fields[i + 1]!];
    const path = fromRoot(repo, topPath);
    if (!SHARED.test(path) || path === '.gitattributes') continue;
    const status = code === 'A' ? 'added' : code === 'D' ? 'removed' : 'changed';
    const before = status === 'added' ? {} : await read(from, topPath);
    const after = status === 'removed' ? {} : await read(to, topPath);
    files.push({ path, status, before: before.data, after: after.data, ...(after.unreadable ? { unreadable: true } : {}) });
  }
  return files;
}
