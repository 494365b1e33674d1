// circle agenda: the next meeting's agenda, from the circle and what was decided last time.
import { buildAgenda, type Agenda } from '../../core/agenda.js';
import { nextMeetingDate } from '../../core/schedule.js';
import { isIsoDate } from '../../core/dates.js';
import { CircleError, UsageError } from '../../errors.js';
import { agendaDocument } from '../../render/agenda.js';
import { chooseFormat, warnUnreadable, type Context } from '../../context.js';
import { DOCUMENT_FORMATS, renderDocument, type DocumentFormat } from '../../render/formats.js';
import { listMeetingDates, loadCircle, loadMeeting } from '../../store/circle.js';
import { circleMemory, memoryBefore } from '../../store/memory.js';
import { roomWanted, serveUntilStopped, type RoomFlags } from '../room.js';

interface Options extends RoomFlags {
  date?: string;
  full?: boolean;
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
  const room = roomWanted(opts);
  if (room && (opts.format !== undefined || opts.out !== undefined || opts.json)) throw new UsageError('--room shows the agenda on a page: leave out --format, --out and --json');
  const { dir, slug } = await ctx.circle();
  const agenda = await agendaFor(ctx, dir, slug, opts.date, opts.full);
  for (const warning of agenda.warnings) ctx.out.warn(warning);
  if (room) {
    const { agendaView } = await import('../../core/room.js');
    return serveUntilStopped(ctx, room, () => agendaView(agenda));
  }

  const content = format === 'json' ? JSON.stringify(agenda, null, 2) : await renderDocument(agendaDocument(agenda, { full: opts.full }), format, onScreen ? ctx.out.width : undefined);
  await ctx.deliver(content, { out: opts.out, defaultFile: format === 'pdf' ? `agenda-${agenda.date}.pdf` : undefined });
}

/**
 * The agenda of the meeting on `wanted` (default: the next one). Only the newest meeting
 * file is read; what is open from older meetings, and how many there are, comes from the
 * derived memory, so a long history costs nothing more. An agenda for a date before the
 * newest meeting lists the folder and works it out afresh. `full`: every open topic,
 * question and issue, not only the top ones a handout lists.
 */
export async function agendaFor(ctx: Context, dir: string, slug: string, wanted: string | undefined, full?: boolean): Promise<Agenda> {
  const { circle, members } = await loadCircle(dir, slug);
  const load = async (d: string | undefined) => (d === undefined ? undefined : (await loadMeeting(dir, d)).data);
  const all = await circleMemory(dir, circle.data);
  const newest = await load(all.newest);
  const date = wanted ?? nextMeetingDate(circle.data, newest, ctx.today());
  if (!date) throw new CircleError('the schedule gives no next meeting date; choose one with --date YYYY-MM-DD');
  const after = !newest || date > newest.date;
  const earlier = after ? undefined : (await listMeetingDates(dir)).filter((d) => d < date);
  const [last, { memory, unreadable }] = after
    ? [newest, all]
    : await Promise.all([load(earlier!.at(-1)), memoryBefore(dir, circle.data, date)]);
  warnUnreadable(ctx, unreadable);
  const number = (earlier?.length ?? all.count) + 1;
  return buildAgenda({ circle: circle.data, members: members.data.members, last, memory, number, date, today: ctx.today(), full });
}
