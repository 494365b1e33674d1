// What history, stats and practice start from: the circle and a summary of every meeting.
import type { Context } from '../cli.js';
import { collectProblems, loadCircle, type CircleFiles } from '../store/circle.js';
import { readSummaries, type SummaryView } from '../store/summaries.js';

/** Above this many files to parse, say why the wait (it happens once; the cache keeps the rest). */
const NOTICE_FROM = 500;

export async function circleWithSummaries<T extends { date: string }>(
  ctx: Context,
  view: SummaryView<T>,
): Promise<{ files: CircleFiles; meetings: T[] }> {
  const { dir, slug } = await ctx.circle();
  const notice = (n: number, threads: number) => {
    const by = threads > 1 ? ` (${threads} threads)` : '';
    if (n >= NOTICE_FROM) ctx.out.info(`Reading ${n} meeting files once to fill the cache in circles/${slug}/.cache/${by} …`);
  };
  const [files, meetings] = await collectProblems<[CircleFiles, T[]]>([loadCircle(dir, slug), readSummaries(dir, view, notice)]);
  return { files, meetings };
}
