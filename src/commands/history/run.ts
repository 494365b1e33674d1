// circle history: one line per meeting; on a terminal, fitted to its width.
import type { Context } from '../../context.js';
import { historyRows } from '../../core/history.js';
import { t } from '../../core/words.js';
import { renderTable } from '../../render/table.js';
import { SUMMARY_VIEW } from '../../store/summaries.js';

const HEADERS = ['date', 'number', 'present', 'topic', 'next'];

export async function run(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const { files, meetings } = await ctx.summaries(SUMMARY_VIEW);
  const rows = historyRows(meetings, files.members.data.members);
  if (opts.json) return ctx.out.data(JSON.stringify(rows, null, 2));
  if (!rows.length) return ctx.out.info(`${files.circle.data.name} has no meetings yet.`);
  const cells = rows.map((r) => [
    r.date,
    String(r.number),
    `${r.present}/${r.members}${r.guests ? ` +${r.guests}` : ''}`,
    [r.topic, r.agreed.length ? t('history.agreed', { sections: r.agreed.map((s) => t(`history.sections.${s}`)).join(', ') }) : ''].filter(Boolean).join(' · ') || '-',
    r.nextTopic ?? '-',
  ]);
  // On a narrow screen the next topic (the next row's own topic) goes before the topic is cut to a stub.
  ctx.out.data(renderTable(HEADERS.map((h) => t(`history.${h}`)), cells, { width: ctx.out.width, color: ctx.out.color, unicode: ctx.out.unicode, drop: [4] }));
}
