// circle agenda: the next meeting's agenda, from the circle and what was decided last time.
import { buildAgenda } from '../core/agenda.js';
import { nextMeetingDate } from '../core/schedule.js';
import { isIsoDate } from '../core/dates.js';
import { CircleError, UsageError } from '../errors.js';
import { agendaDocument } from '../render/agenda.js';
import { chooseFormat, warnUnreadable, type Context } from '../context.js';
import { DOCUMENT_FORMATS, renderDocument, type DocumentFormat } from '../render/formats.js';
import { listMeetingDates, loadCircle, loadMeeting } from '../store/circle.js';
import { loadMemory } from '../store/memory.js';

interface Options {
  date?: string;
  format?: DocumentFormat;
  out?: string;
  json?: boolean;
}

export async function run(ctx: Context, opts: Options): Promise<void> {
  // On a terminal the agenda is read as it is: plain text; a pipe or a file gets Markdown.
  const onScreen = (opts.out === undefined || opts.out === '-') && ctx.out.terminal;
  const format = chooseFormat(opts, DOCUMENT_FORMATS, onScreen ? 'text' : 'markdown');
  if (opts.date !== undefined && !isIsoDate(opts.date)) {
    throw new UsageError(`--date ${opts.date}: use a real date as YYYY-MM-DD, e.g. --date 2026-11-17`);
  }
  const { dir, slug } = await ctx.circle();
  const [{ circle, members }, dates] = await Promise.all([loadCircle(dir, slug), listMeetingDates(dir)]);

  // Only the newest meeting file is read (and, for an earlier --date, the one before it);
  // what is open from older meetings comes from the derived memory.
  const load = async (d: string | undefined) => (d === undefined ? undefined : (await loadMeeting(dir, d)).data);
  const newest = await load(dates.at(-1));
  const date = opts.date ?? nextMeetingDate(circle.data, newest, ctx.today());
  if (!date) throw new CircleError('the schedule gives no next meeting date; choose one with --date YYYY-MM-DD');
  const earlier = dates.filter((d) => d < date);
  const before = earlier.at(-1);
  const [last, { memory, unreadable }] = await Promise.all([before === newest?.date ? newest : load(before), loadMemory(dir, circle.data, dates, date)]);
  warnUnreadable(ctx, unreadable);

  const agenda = buildAgenda({ circle: circle.data, members: members.data.members, last, memory, number: earlier.length + 1, date, today: ctx.today() });
  for (const warning of agenda.warnings) ctx.out.warn(warning);

  const content = format === 'json' ? JSON.stringify(agenda, null, 2) : await renderDocument(agendaDocument(agenda), format, onScreen ? ctx.out.width : undefined);
  await ctx.deliver(content, { out: opts.out, defaultFile: format === 'pdf' ? `agenda-${date}.pdf` : undefined });
}
