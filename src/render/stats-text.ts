// `circle stats` in the terminal: a few small charts that fit the width of the screen.
import type { ChalkInstance } from 'chalk';
import type { CircleStats } from '../core/stats.js';
import { bar, padEnd, percent, sparkline, truncate, type ChartStyle } from './chart.js';
import { displayWidth } from './table.js';

interface StatsTextOptions {
  title: string;
  width: number;
  style: ChartStyle;
  color: ChalkInstance;
}

/** Up to this many meetings get a bar each; more are drawn as one sparkline. */
const MAX_BARS = 24;
const MAX_TOPICS = 12;

export function statsText(s: CircleStats, o: StatsTextOptions): string {
  const c = o.color;
  const width = Math.max(40, o.width);
  const out: string[] = [];
  const first = s.meetings[0];
  const last = s.meetings.at(-1);
  out.push(c.bold(o.title));
  if (!first || !last) return [...out, 'No meetings yet.'].join('\n');
  out.push(`${s.meetings.length} meetings, ${first.date} to ${last.date}; on average ${percent(s.averageAttendance)} of members came.`, '');

  out.push(c.bold('Attendance per meeting'), c.dim('(members present of members at the time)'));
  if (s.meetings.length <= MAX_BARS) {
    const labels = s.meetings.map((m) => `${m.date} #${m.number}`);
    const counts = s.meetings.map((m) => `${m.present}/${m.members}${m.guests ? ` +${m.guests}` : ''}`);
    const lw = Math.max(...labels.map(displayWidth));
    const cw = Math.max(...counts.map(displayWidth));
    const bw = Math.min(40, width - lw - cw - 4);
    s.meetings.forEach((m, i) => out.push(`${padEnd(labels[i]!, lw)}  ${c.green(bar(m.members ? m.present / m.members : 0, bw, o.style))}  ${counts[i]}`));
  } else {
    const shares = s.meetings.map((m) => (m.members ? m.present / m.members : 0));
    const lw = first.date.length;
    const sw = Math.max(10, width - 2 * lw - 2);
    const per = Math.ceil(s.meetings.length / sw);
    out.push(`${first.date} ${c.green(sparkline(shares, sw, o.style))} ${last.date}`);
    out.push(c.dim(`(one mark per ${per === 1 ? 'meeting' : `${per} meetings, averaged`}; higher is fuller)`));
  }
  out.push('');

  out.push(c.bold('Attendance per member'), c.dim('(meetings came to, of those held while a member; commitments followed up)'));
  const names = s.members.map((m) => truncate(m.name, 24, o.style) + (m.active ? '' : ' (left)'));
  const nw = Math.max(...names.map(displayWidth), 4);
  const tails = s.members.map((m) => `${m.attended}/${m.of}  ${m.commitments.followedUp}/${m.commitments.due} followed up`);
  const tw = Math.max(...tails.map(displayWidth));
  const bw = Math.max(5, Math.min(30, width - nw - tw - 4));
  s.members.forEach((m, i) => out.push(`${padEnd(names[i]!, nw)}  ${c.cyan(bar(m.of ? m.attended / m.of : 0, bw, o.style))}  ${tails[i]}`));
  out.push('');

  const k = s.commitments;
  out.push(c.bold('Commitments followed up'));
  out.push(`${c.green(bar(k.share ?? 0, Math.min(40, width - 10), o.style))}  ${percent(k.share)}`);
  out.push(
    `${k.followedUp} of ${k.due} reported on at the next meeting they came to; ${k.silent} came but did not report, ` +
      `${k.missed} never followed up (missed every meeting since), ${k.open} still open.`,
  );
  out.push('');

  out.push(c.bold(`Topics learned (${s.topics.length})`));
  const shown = s.topics.slice(-MAX_TOPICS);
  if (s.topics.length > shown.length) out.push(c.dim(`${s.topics.length - shown.length} earlier topics: see circle history`));
  for (const t of shown) out.push(truncate(`${t.date}  ${t.topic}${t.speaker ? ` (${t.speaker})` : ''}`, width, o.style));
  return out.join('\n');
}
