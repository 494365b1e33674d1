// circle sync: share the workspace through its git remote. Commit the circles' changed
// files, pull (rebase, autostash), check, push, and say what came in.
import { join } from 'node:path';
import type { Context } from '../../context.js';
import { describeChanges } from '../../core/changes.js';
import { CircleError, DataError, displayPath, EXIT, type Problem } from '../../errors.js';
import { checkCircleFiles, collectProblems, loadCircle, loadMeeting } from '../../store/circle.js';
import { commitPaths, unfinishedWork } from '../../store/git.js';
import { registerMergeDriver } from '../../store/merge-driver.js';
import {
  ahead,
  changedBetween,
  changedSharedFiles,
  conflicts,
  continueRebase,
  head,
  openRepo,
  pull,
  push,
  rebaseStart,
  upstream,
  type Conflict,
  type Repo,
  type StepResult,
} from '../../store/sync.js';
import { circleDir, listCircleSlugs, type Workspace } from '../../store/workspace.js';
import { plural } from '../../render/document.js';

/** What to do when a sync stops on a conflict. */
function stopped(ctx: Context, found: Conflict[]): number {
  const where = ({ path, lines: [first, ...more] }: Conflict) =>
    first === undefined ? path : `${path}:${first}${more.length ? ` (and line ${more.join(', ')})` : ''}`;
  const lines = found.map((c) => {
    const date = /meetings\/(\d{4}-\d{2}-\d{2})\.yaml$/.exec(c.path)?.[1];
    return date
      ? `  ${where(c)}: the meeting of ${date} was recorded here and also in the shared copy; the file holds both records, keep one (or combine them)`
      : `  ${where(c)}: changed here and in the shared copy, each differently`;
  });
  ctx.out.info(
    `circle sync stopped: ${plural(found.length, 'file needs', 'files need')} you to choose.\n${lines.join('\n')}\n` +
      'Each place holds both versions between marker lines: above ======= what was already shared, below it yours.\n' +
      'Keep what is right and delete the three marker lines (`circle edit` checks the file for you), then run circle sync again.\n' +
      'Or, to go back to how things were before this sync: git rebase --abort',
  );
  return EXIT.failure;
}

export async function run(ctx: Context): Promise<number> {
  const ws = ctx.workspace();
  const repo = await openRepo(ws.root, ctx.deps.env);
  if (!repo) {
    throw new CircleError(
      `${displayPath(ws.root, ctx.deps.cwd) || '.'} is not in a git repository, so there is nothing to share it through.\n` +
        'Make it one (git init), add the shared repository (git remote add origin <url>), then circle sync: it commits the circles\' files itself.',
    );
  }
  // A rebase is what a sync that stopped on a conflict leaves; anything else is someone else's work.
  const work = await unfinishedWork(repo.root, repo.env);
  if (work && work.file !== 'rebase-merge') throw new CircleError(`${work.what} is in progress in this repository: ${work.end}, then circle sync.`);
  await registerMergeDriver(ws.root, ctx.deps.env);
  const out = ctx.out;

  let before: string | undefined;
  let result: StepResult;
  if (work) {
    // An earlier sync stopped on a conflict: carry on once every file is settled and checks.
    before = await rebaseStart(repo);
    const waiting = await conflicts(repo);
    const marked = waiting.filter((c) => c.lines.length);
    if (marked.length) return stopped(ctx, marked);
    await refuseProblems(ctx, ws, 'Not carried on: these files do not check.');
    result = await continueRebase(repo, waiting.map((c) => c.path));
  } else {
    const first = await upstream(repo); // where to share (and a branch to commit on) before anything is committed
    await commitWaiting(ctx, ws, repo);
    before = await head(repo);
    if (!before) {
      out.info('Nothing to share yet: this repository has no commits.');
      return EXIT.ok;
    }
    if (first.fresh) {
      await push(repo, first);
      out.info(`Shared this workspace for the first time: ${first.name} now has it. Co-facilitators can clone it and run circle sync.`);
      return EXIT.ok;
    }
    result = await pull(repo);
  }
  if (!result.ok) {
    if (!result.conflicts.length) throw new CircleError(`could not bring in the shared changes:\n  ${result.reason}`);
    return stopped(ctx, result.conflicts);
  }

  const up = await upstream(repo);
  const after = (await head(repo))!;
  const came = !before || after === before ? [] : describeChanges(await changedBetween(repo, before, after));
  out.data(came.length ? `From ${up.name}:\n${came.map((l) => `  ${l}`).join('\n')}` : `Nothing new from ${up.name}.`);

  await refuseProblems(ctx, ws, 'Nothing was sent: these files do not check. Fix them (`circle edit` helps), then circle sync again.');
  const count = await ahead(repo, up);
  if (count) {
    await push(repo, up);
    out.info(`Sent ${plural(count, 'commit')} to ${up.name}.`);
  }
  return EXIT.ok;
}

/** What is shared must read cleanly on the other side too. */
async function refuseProblems(ctx: Context, ws: Workspace, why: string): Promise<void> {
  const problems = await checkAll(ws);
  if (!problems.length) return;
  ctx.out.info(why);
  throw new DataError(problems);
}

/** The problems in every circle's files, as `circle check` finds them. */
async function checkAll(ws: Workspace): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const slug of await listCircleSlugs(ws)) {
    const checked = await checkCircleFiles(circleDir(ws, slug), slug);
    if ('problems' in checked) problems.push(...checked.problems);
  }
  return problems;
}

/**
 * Commit the circles' shared files that changed since the last commit (a member added,
 * circle.yaml edited by hand), after checking them: a bad file is never shared. A circle
 * with git.commit: false is left for its facilitator to commit.
 */
async function commitWaiting(ctx: Context, ws: Workspace, repo: Repo): Promise<void> {
  const waiting = await changedSharedFiles(repo);
  if (!waiting.length) return;
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
      if (error instanceof DataError) ctx.out.info('Nothing was shared: these files do not check. Fix them (`circle edit` helps), then circle sync again.');
      throw error;
    });
    if (files.circle.data.git.commit === false) {
      ctx.out.info(`Not shared: ${paths.join(', ')} (git.commit is off in circles/${slug}/circle.yaml; commit them yourself to share them).`);
      continue;
    }
    commit.push(...paths);
    what.push(`${slug} (${paths.map((p) => p.slice(`circles/${slug}/`.length)).join(', ')})`);
  }
  if (!commit.length) return;
  const message = `circle sync: ${what.length ? what.join(', ') : 'merge settings'}`;
  const result = await commitPaths(ws.root, commit.map((p) => join(ws.root, p)), message, ctx.deps.env);
  if (!result.ok) throw new CircleError(`could not commit the changed files before syncing:\n  ${result.reason}`);
  ctx.out.info(`Committed: ${message}`);
}

/** A meeting file that was deleted has nothing to check. */
function missingIsFine(error: unknown): undefined {
  if (error instanceof DataError && error.problems.every((p) => /is missing$/.test(p.message))) return undefined;
  throw error;
}
