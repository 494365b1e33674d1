// circle stats: attendance and topics over time, as a picture.
import { openCommitments } from '../../core/memory.js';
import { circleStats } from '../../core/stats.js';
import { statsHtml } from '../../render/stats-html.js';
import { statsText } from '../../render/stats-text.js';
import { t } from '../../core/words.js';
import { circleMemory } from '../../store/memory.js';
import { SUMMARY_VIEW } from '../../store/summaries.js';
import { chooseFormat, type Context } from '../../context.js';
import { chalkFor } from '../../ui/output.js';

export async function run(ctx: Context, opts: { format?: string; json?: boolean; out?: string }): Promise<void> {
  const format = chooseFormat(opts, ['text', 'html'] as const, 'text');
  const { files, meetings } = await ctx.summaries(SUMMARY_VIEW);
  const { dir } = await ctx.circle();
  const members = files.members.data.members;
  // What is still open is what the agenda follows up: the same function of the circle's memory.
  const { memory } = await circleMemory(dir, files.circle.data);
  const stats = circleStats(meetings, members, openCommitments(memory, members));
  const title = t('stats.title', { circle: files.circle.data.name });
  // A file gets plain ASCII, 80 columns wide; the screen or a pipe what Output says.
  const toFile = opts.out !== undefined && opts.out !== '-';
  const text =
    format === 'json'
      ? JSON.stringify(stats, null, 2)
      : format === 'html'
        ? statsHtml(stats, title)
        : statsText(stats, {
            title,
            width: (!toFile && ctx.out.width) || 80,
            unicode: !toFile && ctx.out.unicode,
            color: toFile ? chalkFor(false) : ctx.out.color,
          });
  await ctx.deliver(text, { out: opts.out });
}
