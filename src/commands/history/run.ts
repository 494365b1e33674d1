// circle history: one line per meeting.
import type { Context } from '../../context.js';
import { historyRows } from '../../core/history.js';
import { historyTable } from '../../render/history.js';
import { SUMMARY_VIEW } from '../../store/summaries.js';

export async function run(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const { files, meetings } = await ctx.summaries(SUMMARY_VIEW);
  const rows = historyRows(meetings, files.members.data.members);
  if (opts.json) return ctx.out.data(JSON.stringify(rows, null, 2));
  if (!rows.length) return ctx.out.info(`${files.circle.data.name} has no meetings yet.`);
  ctx.out.data(historyTable(rows, { width: ctx.out.width, color: ctx.out.color, unicode: ctx.out.unicode }));
}
