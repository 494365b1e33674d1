// circle schedule: the next meeting dates from the circle's schedule, and a calendar file.
import type { Context } from '../../context.js';
import { describeSchedule, upcomingMeetings, type UpcomingMeeting } from '../../core/schedule.js';
import { isIsoDate } from '../../core/dates.js';
import { longDate, t } from '../../core/words.js';
import { buildIcs, meetingEvents } from '../../core/ics.js';
import { UsageError } from '../../errors.js';
import { loadCircle, loadLastMeeting } from '../../store/circle.js';
import { fitWidth } from '../../render/wrap.js';

export async function run(ctx: Context, opts: { count?: string; from?: string; ics?: string; json?: boolean }): Promise<void> {
  const count = opts.count === undefined ? 6 : Number(opts.count);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new UsageError(`--count ${opts.count}: use a whole number from 1 to 1000`);
  if (opts.from !== undefined && !isIsoDate(opts.from)) throw new UsageError(`--from ${opts.from}: use a date like 2026-11-24`);
  if (opts.ics === '-') throw new UsageError('--ics needs a file name, e.g. --ics riverside.ics');

  const { dir, slug } = await ctx.circle();
  const [{ circle }, last] = await Promise.all([loadCircle(dir, slug), loadLastMeeting(dir)]);
  const c = circle.data;
  const dates = upcomingMeetings({ circle: c, last: last?.data, today: ctx.today(), from: opts.from, count });
  const { rule, anchor, start, end, reworded } = describeSchedule(c);

  if (opts.ics !== undefined) {
    await ctx.deliver(buildIcs({ name: c.name, stamp: ctx.deps.now(), events: meetingEvents(c, dates) }), { out: opts.ics });
  }

  if (opts.json) {
    ctx.out.data(JSON.stringify({ rule, cadence: c.schedule.cadence, anchor, start, end, location: c.schedule.location, dates }, null, 2));
    return;
  }
  const color = ctx.out.color;
  const line = (d: UpcomingMeeting): string[] => {
    const date = longDate(d.date);
    if (d.movedTo) return [color.dim(t('schedule.moved', { date, to: longDate(d.movedTo) }))];
    if (d.skipped) return [color.dim(t('schedule.skipped', { date }))];
    return [
      d.chosen ? t('schedule.chosen', { date }) : date,
      ...(d.topic ? [t('schedule.topic', { topic: d.topic })] : []),
      ...(d.speaker ? [t('schedule.speaker', { speaker: d.speaker })] : []),
    ];
  };
  const lines = [
    t(reworded ? 'schedule.meets_reworded' : 'schedule.meets', { circle: color.bold(c.name), rule, cadence: c.schedule.cadence }),
    `${start}–${end}${c.schedule.location ? `, ${c.schedule.location}` : ''}`,
    '',
    ...dates.flatMap(line),
  ];
  ctx.out.data(fitWidth(lines.join('\n'), ctx.out.width));
}
