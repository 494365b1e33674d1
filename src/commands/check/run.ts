// circle check: validate every file of a circle (or of all circles).
import type { Context } from '../../context.js';
import { formatWarnings } from '../../core/format.js';
import { join } from 'node:path';
import { displayPath, EXIT, formatProblem, type Problem } from '../../errors.js';
import { isDerived } from '../../store/atomic.js';
import { git } from '../../store/git.js';
import { checkCircleFiles } from '../../store/circle.js';
import { circleDir, listCircleSlugs } from '../../store/workspace.js';
import { plural } from '../../render/document.js';

export async function run(ctx: Context, opts: { all?: boolean; json?: boolean }): Promise<number> {
  const ws = ctx.workspace();
  const slugs = opts.all ? await listCircleSlugs(ws) : [(await ctx.circle()).slug];
  const results = [];
  for (const slug of slugs) {
    const problems = await checkCircle(ctx, circleDir(ws, slug), slug);
    if (!opts.json) for (const p of problems) ctx.out.info(formatProblem(p));
    results.push({ circle: slug, ok: problems.length === 0, problems });
  }
  if (opts.json) ctx.out.data(JSON.stringify(results, null, 2));
  else if (opts.all && !slugs.length) ctx.out.info('No circles to check.');
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.data;
}

/** Derived files (draft, locks, caches) that git tracks: local state, never shared; each with how to untrack it. */
async function trackedDerived(ctx: Context, dir: string): Promise<Problem[]> {
  const tracked = await git(dir, ['ls-files', '-z', '--', '.'], ctx.deps.env).catch(() => ''); // no repository, or no git
  return tracked
    .split('\0')
    .filter((path) => path && isDerived(path))
    .map((path) => {
      const file = displayPath(join(dir, path));
      return { file, line: 1, col: 1, message: `tracked by git, but it is local state of circle, never shared; untrack it (the file stays): git rm --cached -- ${file}` };
    });
}

/** A check that runs longer than this on a terminal says how far it is. */
const PROGRESS_AFTER_MS = 1000;

/** "1 200 of 10 006 files" on one line of stderr, rewritten as the check goes, once it has run a second; only on a terminal. */
function progress(ctx: Context): { show(done: number, total: number): void; clear(): void } {
  const start = ctx.deps.now().getTime();
  const stderr = ctx.deps.stderr;
  let shown = false;
  const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
  return {
    show(done, total) {
      if (!stderr.isTTY || ctx.deps.now().getTime() - start < PROGRESS_AFTER_MS) return;
      stderr.write(`\r\x1b[K${count(done)} of ${count(total)} files`);
      shown = true;
    },
    clear() {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}

async function checkCircle(ctx: Context, dir: string, slug: string): Promise<Problem[]> {
  const shown = progress(ctx);
  const [checked, tracked] = await Promise.all([checkCircleFiles(dir, slug, shown.show).finally(shown.clear), trackedDerived(ctx, dir)]);
  if ('problems' in checked) return [...checked.problems, ...tracked];
  if (tracked.length) return tracked;
  for (const warning of formatWarnings(checked.files.circle.data)) ctx.out.warn(`${slug}: ${warning}`);
  ctx.out.info(`${ctx.out.messageColor.green('ok')} ${slug}: circle.yaml, members.yaml and ${plural(checked.meetings, 'meeting')}`);
  return [];
}
