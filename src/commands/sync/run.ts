// circle sync: share the workspace through its git remote. Commit the circles' changed
// files, fetch, rebase (autostash) holding every circle's write lock, check, push, and say
// what came in; only a rebase it started is carried on, and a killed one is undone.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Context } from '../../context.js';
import { describeChanges } from '../../core/changes.js';
import { CircleError, DataError, displayPath, EXIT, type Problem } from '../../errors.js';
import { checkCircleFiles, collectProblems, loadCircle, loadMeeting } from '../../store/circle.js';
import { commitPaths, inProgress } from '../../store/git.js';
import { editCommand } from '../../store/conflict-markers.js';
import { registerMergeDriver } from '../../store/merge-driver.js';
import { withWriteLock } from '../../store/lock.js';
import * as sync from '../../store/sync.js';
import { circleDir, listCircleSlugs, type Workspace } from '../../store/workspace.js';
import { plural } from '../../render/document.js';

/** What to do when a sync stops on files both sides changed. */
function stopped(ctx: Context, found: sync.Conflict[]): number {
  const where = ({ path, lines: [first, ...more] }: sync.Conflict) =>
    first === undefined ? path : `${path}:${first}${more.length ? ` (and line ${more.join(', ')})` : ''}`;
  const lines = found.map((c) => {
    const date = /meetings\/(\d{4}-\d{2}-\d{2})\.yaml$/.exec(c.path)?.[1];
    const what = date ? `the meeting of ${date}` : c.path.slice(c.path.lastIndexOf('/') + 1);
    if (c.removed) {
      const [gone, kept] = c.removed === 'shared' ? ['in the shared copy', 'here'] : ['here', 'in the shared copy'];
      return (
        `  ${c.path}: ${what} was taken out ${gone} and changed ${kept}; the file holds the changed version. Choose one:\n` +
        `    to keep it: git add ${c.path}\n    to take it out: git rm ${c.path}`
      );
    }
    return date && c.lines.length === 1 && c.lines[0] === 1
      ? `  ${where(c)}: ${what} was recorded here and also in the shared copy; the file holds both records, keep one (or combine them)`
      : `  ${where(c)}: changed here and in the shared copy, each differently`;
  });
  const marked = found.some((c) => !c.removed);
  ctx.out.info(
    `circle sync stopped: ${plural(found.length, 'file needs', 'files need')} you to choose.\n${lines.join('\n')}\n` +
      (marked
        ? 'Each marked place holds both versions between marker lines: above ======= what was already shared, below it yours.\n' +
          'Keep what is right and delete the three marker lines (`circle edit` checks the file for you).\n'
        : '') +
      'Then run circle sync again to finish. Until then, commands that change the circle are refused (`circle edit` of these files aside).',
  );
  return EXIT.failure;
}

export async function run(ctx: Context): Promise<number> {
  const ws = ctx.workspace();
  const repo = await sync.openRepo(ws.root, ctx.deps.env);
  if (!repo) {
    throw new CircleError(
      `${displayPath(ws.root, ctx.deps.cwd) || '.'} is not in a git repository, so there is nothing to share it through.\n` +
        'Make it one (git init), add the shared repository (git remote add origin <url>), then circle sync: it commits the circles\' files itself.',
    );
  }
  // Every circle's write lock for the whole sync: no circle command writes a file in the middle of it.
  const dirs = (await listCircleSlugs(ws)).sort().map((slug) => circleDir(ws, slug));
  return holding(dirs, () => share(ctx, ws, repo));
}

/** Run `work` holding the write locks of `dirs`, taken in order. */
function holding<T>(dirs: string[], work: () => Promise<T>): Promise<T> {
  const [first, ...rest] = dirs;
  return first === undefined ? work() : withWriteLock(first, first, () => holding(rest, work));
}

async function share(ctx: Context, ws: Workspace, repo: sync.Repo): Promise<number> {
  const out = ctx.out;
  let work = sync.unfinished(repo);
  let record = sync.readRecord(repo);
  // Work this command did not start is someone's own (a record left by a sync given up by hand does not make it ours): leave it alone.
  if (work && !work.sync) {
    throw new CircleError(inProgress(work, ', and circle sync did not start it, so it leaves it alone', 'circle sync'));
  }
  if (record?.state === 'running') {
    // The last sync was stopped short (killed, say): undo what it began, then sync afresh.
    const undone = await recoverInterrupted(repo, Boolean(work), record.settled);
    out.warn(`The last circle sync was interrupted before it finished.${undone}`);
    const lost = await sync.stashedSince(repo, record.stash);
    await sync.clearRecord(repo);
    if (lost.length) return unstashed(ctx, lost);
    [work, record] = [undefined, undefined];
  }
  await registerMergeDriver(ws.root, ctx.deps.env);

  let before: string | undefined;
  let result: sync.StepResult;
  if (work && record) {
    // An earlier sync stopped on a conflict: carry on once every file is settled and checks.
    before = record.head;
    const waiting = await sync.conflicts(repo);
    const unsettled = waiting.filter((c) => c.removed || c.lines.length);
    if (unsettled.length) return stopped(ctx, unsettled);
    await refuseProblems(ctx, ws, 'Not carried on: these files do not check.');
    const settled = Object.fromEntries(await Promise.all(waiting.map(async (c) => [c.path, await readFile(join(ws.root, c.path), 'utf8').catch(() => '')])));
    await sync.writeRecord(repo, { ...record, pid: process.pid, state: 'running', settled });
    result = await sync.continueRebase(repo, waiting.map((c) => c.path));
  } else {
    if (record) await sync.clearRecord(repo); // left by a sync given up by hand: nothing of it is left to carry on
    const first = await sync.upstream(repo); // where to share (and a branch to commit on) before anything is committed
    before = (await commitWaiting(ctx, ws, repo)) ? await sync.head(repo) : first.head;
    if (!before) {
      out.info('Nothing to share yet: this repository has no commits.');
      return EXIT.ok;
    }
    if (first.fresh) {
      await sync.push(repo, first);
      out.info(`Shared this workspace for the first time: ${first.name} now has it. Co-facilitators can clone it and run circle sync.`);
      return EXIT.ok;
    }
    await sync.fetch(repo, first.remote);
    await refuseArrivals(repo, first);
    const { behind, ahead } = await sync.aheadBehind(repo, first);
    if (!behind) {
      // Nothing to bring in: no rebase.
      out.data(`Nothing new from ${first.name}.`);
      return send(ctx, ws, repo, { ...first, ahead });
    }
    record = { head: before, stash: await sync.stashTop(repo), pid: process.pid, state: 'running' };
    await sync.writeRecord(repo, record);
    result = await sync.rebase(repo);
  }
  if (!result.ok) {
    const waiting = existsSync(repo.rebase); // git's rebase stopped, not given up
    if (waiting) await sync.writeRecord(repo, { ...record, state: 'stopped' });
    else await sync.clearRecord(repo);
    if (!result.conflicts.length) {
      throw new CircleError(
        `could not bring in the shared changes:\n  ${result.reason}` + (waiting ? `\nFix that, then run circle sync again to finish.` : ''),
      );
    }
    return stopped(ctx, result.conflicts);
  }
  const lost = await sync.stashedSince(repo, record.stash);
  await sync.clearRecord(repo);

  const up = await sync.upstream(repo);
  const after = up.head!;
  const came = after === before ? [] : describeChanges(await sync.changedBetween(repo, before, after));
  if (came.length) out.data(`From ${up.name}:\n${came.map((l) => `  ${l}`).join('\n')}`);
  if (lost.length) return unstashed(ctx, lost);
  if (!came.length) out.data(`Nothing new from ${up.name}.`);
  return send(ctx, ws, repo, up);
}

/** Send this clone's commits the upstream lacks, once every circle's files check. */
async function send(ctx: Context, ws: Workspace, repo: sync.Repo, up: sync.Shared): Promise<number> {
  await refuseProblems(ctx, ws, 'Nothing was sent: these files do not check.');
  if (up.ahead) {
    await sync.push(repo, up);
    ctx.out.info(`Sent ${plural(up.ahead, 'commit')} to ${up.name}.`);
  }
  return EXIT.ok;
}

/** Undo what a killed sync began: git's leftovers, and its rebase (commits and uncommitted changes back as they were); says what was done. */
async function recoverInterrupted(repo: sync.Repo, rebasing: boolean, settled: Record<string, string> = {}): Promise<string> {
  const removed = await sync.clearLeftovers(repo);
  if (rebasing) await sync.abortRebase(repo);
  const kept = rebasing && Object.keys(settled).length ? await sync.keepSettled(repo, settled) : undefined;
  return (
    (rebasing ? ' What it had begun was undone: your commits and uncommitted changes are as they were before it.' : '') +
    (kept ? ` The files you had settled are kept, as you settled them, in ${relative(repo.root, kept) || kept} (should the same choice come up again).` : '') +
    (removed.length ? ` Removed what git left behind: ${removed.map((f) => relative(repo.top, f)).join(', ')}.` : '')
  );
}

/** Uncommitted changes that git could not put back and kept in its stash instead: said, with how to get them back. */
function unstashed(ctx: Context, entries: string[]): number {
  ctx.out.warn(
    `Your uncommitted changes from before the sync could not be put back on top of what came in; git keeps them in its stash:\n` +
      `${entries.map((e) => `  ${e}`).join('\n')}\n` +
      'Nothing was sent. See them with `git stash show -p`, put them back with `git stash pop` (settle any file it marks), then circle sync again.',
  );
  return EXIT.failure;
}

/** Refuse, before anything changes here, what would come in badly. */
async function refuseArrivals(repo: sync.Repo, up: Parameters<typeof sync.derivedArriving>[1]): Promise<void> {
  const derived = await sync.derivedArriving(repo, up);
  if (derived.length) {
    throw new CircleError(
      `${up.name} holds files that are each computer's own and never shared (drafts, locks, caches), so circle sync brings nothing in:\n` +
        `${derived.map((p) => `  ${p}`).join('\n')}\n` +
        'Nothing was changed here. Whoever shared them can take them out of git and keep their own copies:\n' +
        `  git rm -r --cached -- ${derived.join(' ')}\n  git commit -m "Stop sharing local files" && circle sync\n` +
        `(\`git log ${up.name} -- <path>\` shows who.)`,
    );
  }
  const clashes = await sync.uncommittedClashes(repo, up);
  if (clashes.length) {
    throw new CircleError(
      `circle sync did not start: these files have changes here that are not committed, and ${up.name} changed them too:\n` +
        `${clashes.map((p) => `  ${p}`).join('\n')}\n` +
        'Commit them (git commit), or put them aside (git stash), then circle sync again. Nothing was changed.',
    );
  }
}

/** What is shared must read cleanly on the other side too: every circle's files, checked as `circle check` does. */
async function refuseProblems(ctx: Context, ws: Workspace, why: string): Promise<void> {
  const problems: Problem[] = [];
  for (const slug of await listCircleSlugs(ws)) {
    const checked = await checkCircleFiles(circleDir(ws, slug), slug);
    if ('problems' in checked) problems.push(...checked.problems);
  }
  if (!problems.length) return;
  ctx.out.info(`${why} ${fixThem(problems)}`);
  throw new DataError(problems);
}

/** How to fix the files with problems: each one's `circle edit`, which checks it as you save. */
function fixThem(problems: readonly Problem[]): string {
  const edits = [...new Set(problems.map((p) => `\`${editCommand(p.file)}\``))];
  return `Fix them (${edits.join(', ')} checks the file as you save), then circle sync again.`;
}

/**
 * Commit the circles' shared files that changed since the last commit (a member added,
 * circle.yaml edited by hand), after checking them: a bad file is never shared. A circle
 * with git.commit: false is left for its facilitator to commit. Says whether it committed.
 */
async function commitWaiting(ctx: Context, ws: Workspace, repo: sync.Repo): Promise<boolean> {
  const waiting = await sync.changedSharedFiles(repo);
  if (!waiting.length) return false;
  const bySlug = new Map<string, string[]>();
  for (const path of waiting) {
    const slug = /^circles\/([^/]+)\//.exec(path)?.[1] ?? '';
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), path]);
  }
  const commit: string[] = [];
  const what: string[] = [];
  for (const [slug, paths] of bySlug) {
    if (!slug) {
      commit.push(...paths); // .gitattributes
      continue;
    }
    const dir = circleDir(ws, slug);
    const dates = paths.map((p) => /meetings\/(\d{4}-\d{2}-\d{2})\.yaml$/.exec(p)?.[1]).filter((d): d is string => d !== undefined);
    const [files] = await collectProblems<[Awaited<ReturnType<typeof loadCircle>>, ...unknown[]]>([
      loadCircle(dir, slug),
      ...dates.map((d) => loadMeeting(dir, d).catch(missingIsFine)),
    ]).catch((error: unknown) => {
      if (error instanceof DataError) ctx.out.info(`Nothing was shared: these files do not check. ${fixThem(error.problems)}`);
      throw error;
    });
    if (files.circle.data.git.commit === false) {
      ctx.out.info(`Not shared: ${paths.join(', ')} (git.commit is off in circles/${slug}/circle.yaml; commit them yourself to share them).`);
      continue;
    }
    commit.push(...paths);
    what.push(`${slug} (${paths.map((p) => p.slice(`circles/${slug}/`.length)).join(', ')})`);
  }
  if (!commit.length) return false;
  const message = `circle sync: ${what.length ? what.join(', ') : 'merge settings'}`;
  const result = await commitPaths(ws.root, commit.map((p) => join(ws.root, p)), message, ctx.deps.env, repo.watched);
  if (!result.ok) throw new CircleError(`could not commit the changed files before syncing:\n  ${result.reason}`);
  ctx.out.info(`Committed: ${message}`);
  return true;
}

/** A meeting file that was deleted has nothing to check. */
function missingIsFine(error: unknown): undefined {
  if (error instanceof DataError && error.problems.every((p) => /is missing$/.test(p.message))) return undefined;
  throw error;
}
