// circle list: the circles in the workspace.
import type { Context } from '../../context.js';
import { loadWords } from '../../core/languages.js';
import { nextMeetingDate } from '../../core/schedule.js';
import { dateAs, t, words as printed, type Words } from '../../core/words.js';
import { DataError, EXIT } from '../../errors.js';
import { listMeetingDates, loadCircle, loadMeeting } from '../../store/circle.js';
import { circleDir, listCircleSlugs } from '../../store/workspace.js';
import { renderTable } from '../../render/table.js';

interface CircleRow {
  slug: string;
  /** The next meeting's weekday as the circle's language writes it, in the table (not in --json). */
  day?: string | undefined;
  /** The circle's language (the table's headers are in it when every circle shares it). */
  words: Words;
  name: string;
  members: number;
  meetings: number;
  lastMeeting?: string | undefined;
  nextMeeting?: string | undefined;
}
type Row = CircleRow | { slug: string; problems: number };

const HEADERS = ['circle', 'slug', 'members', 'meetings', 'last', 'next', 'day'];

export async function run(ctx: Context, opts: { json?: boolean }): Promise<number> {
  const ws = ctx.workspace();
  const slugs = await listCircleSlugs(ws);
  const rows: Row[] = await Promise.all(
    slugs.map(async (slug): Promise<Row> => {
      const dir = circleDir(ws, slug);
      try {
        const [{ circle, members }, dates] = await Promise.all([loadCircle(dir, slug), listMeetingDates(dir)]);
        const last = dates.length ? (await loadMeeting(dir, dates.at(-1)!)).data : undefined;
        const next = nextMeetingDate(circle.data, last, ctx.today());
        // Each circle in its own language, in one table (the circles are read at once).
        const words = await loadWords(circle.data.language);
        return {
          slug,
          words,
          name: circle.data.name,
          members: members.data.members.filter((m) => m.active).length,
          meetings: dates.length,
          lastMeeting: dates.at(-1),
          nextMeeting: next,
          day: next && dateAs('weekday', next, words),
        };
      } catch (error) {
        if (error instanceof DataError) return { slug, problems: error.problems.length };
        throw error;
      }
    }),
  );

  if (opts.json) {
    ctx.out.data(JSON.stringify(rows.map(({ day, words, ...r }: Row & { day?: string; words?: Words }) => r), null, 2));
  } else if (!rows.length) {
    ctx.out.info(`No circles in ${ws.circlesDir} yet. Start one with \`circle init "Name of the circle"\`.`);
  } else {
    const circles = rows.filter((r): r is CircleRow => 'words' in r);
    const shared = circles.every((r) => r.words.language === circles[0]!.words.language) && circles[0]?.words;
    const headers = HEADERS.map((h) => t(`list.headers.${h}`, {}, shared || printed()));
    const cells = rows.map((r) =>
      'problems' in r
        ? ['(cannot be read)', r.slug, '', '', '', `run: circle --circle ${r.slug} check`, '']
        : [r.name, r.slug, String(r.members), String(r.meetings), r.lastMeeting ?? '—', r.nextMeeting ?? '—', r.day ?? ''],
    );
    // On a narrow screen the weekday goes, then the counts, then the slug, before a date is cut.
    ctx.out.data(renderTable(headers, cells, { width: ctx.out.width, color: ctx.out.color, unicode: ctx.out.unicode, drop: [6, 3, 2, 1] }));
  }
  return rows.some((r) => 'problems' in r) ? EXIT.data : EXIT.ok;
}
