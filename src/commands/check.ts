// circle check: validate every file of a circle (or of all circles).
import type { Context } from '../context.js';
import { formatWarnings } from '../core/format.js';
import { DataError, EXIT, formatProblem, type Problem } from '../errors.js';
import { collectProblems, listMeetingDates, loadCircle, loadMeetings, type CircleFiles } from '../store/circle.js';
import { circleDir, listCircleSlugs } from '../store/workspace.js';
import { plural } from '../render/document.js';

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

async function checkCircle(ctx: Context, dir: string, slug: string): Promise<Problem[]> {
  const c = ctx.out.messageColor;
  try {
    const dates = await listMeetingDates(dir);
    // yaml@2 for every file, never the fast path: check is the authority on the files.
    const [{ circle }] = await collectProblems<[CircleFiles, unknown]>([loadCircle(dir, slug, { strict: true }), loadMeetings(dir, dates, { strict: true })]);
    for (const warning of formatWarnings(circle.data)) ctx.out.warn(`${slug}: ${warning}`);
    ctx.out.info(`${c.green('ok')} ${slug}: circle.yaml, members.yaml and ${plural(dates.length, 'meeting')}`);
    return [];
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
}
