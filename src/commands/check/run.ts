// circle check: validate every file of a circle (or of all circles).
import type { Context } from '../../context.js';
import { formatWarnings } from '../../core/format.js';
import { EXIT, formatProblem, type Problem } from '../../errors.js';
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

async function checkCircle(ctx: Context, dir: string, slug: string): Promise<Problem[]> {
  const checked = await checkCircleFiles(dir, slug);
  if ('problems' in checked) return checked.problems;
  for (const warning of formatWarnings(checked.files.circle.data)) ctx.out.warn(`${slug}: ${warning}`);
  ctx.out.info(`${ctx.out.messageColor.green('ok')} ${slug}: circle.yaml, members.yaml and ${plural(checked.meetings, 'meeting')}`);
  return [];
}
