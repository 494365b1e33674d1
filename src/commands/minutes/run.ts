// circle minutes [DATE]: one meeting's minutes, for members or (--public) for anyone.
import { isIsoDate } from '../../core/dates.js';
import { loadWords } from '../../core/languages.js';
import { buildMinutes } from '../../core/minutes.js';
import { useWords } from '../../core/words.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { chooseFormat, type Context } from '../../context.js';
import { DOCUMENT_FORMATS, renderDocument } from '../../render/formats.js';
import { minutesDocument } from '../../render/minutes.js';
import { collectProblems, listMeetingDates, loadCircle, loadMeeting, type CircleFiles, type Loaded } from '../../store/circle.js';
import type { Meeting } from '../../core/schema.js';

export async function run(ctx: Context, date: string | undefined, opts: { format?: string; json?: boolean; out?: string; public?: boolean }): Promise<void> {
  // As the agenda: plain text on a terminal, Markdown in a pipe or a file.
  const onScreen = (opts.out === undefined || opts.out === '-') && ctx.out.terminal;
  const format = chooseFormat(opts, DOCUMENT_FORMATS, onScreen ? 'text' : 'markdown');
  if (date !== undefined && !isIsoDate(date)) throw new UsageError(`"${date}" is not a date: use YYYY-MM-DD, e.g. 2026-10-20`);

  const { dir, slug } = await ctx.circle();
  const dates = await listMeetingDates(dir);
  if (!dates.length) throw new NotFoundError('this circle has no meetings yet: `circle meet` records the first one.');
  const when = date ?? dates.at(-1)!;
  if (!dates.includes(when)) {
    // The dates either side of it (they are in order).
    const at = dates.filter((d) => d < when).length;
    const near = dates.slice(Math.max(0, at - 2), at + 2).join(', ');
    throw new NotFoundError(`no meeting on ${when}. Meetings near it: ${near} (circle history lists them all).`);
  }
  const [files, meeting] = await collectProblems<[CircleFiles, Loaded<Meeting>]>([loadCircle(dir, slug), loadMeeting(dir, when)]);
  // A meeting prints in the language it was written in, whatever the circle's is now.
  useWords(await loadWords(meeting.data.language));
  const minutes = buildMinutes(files.circle.data, meeting.data, { public: opts.public, number: dates.indexOf(when) + 1 });

  const content = format === 'json' ? `${JSON.stringify(minutes, null, 2)}\n` : await renderDocument(minutesDocument(minutes), format, onScreen ? ctx.out.width : undefined);
  await ctx.deliver(content, { out: opts.out, defaultFile: format === 'pdf' ? `minutes-${when}${opts.public ? '-public' : ''}.pdf` : undefined });
}
