// `circle stats` in the terminal: a few small charts that fit the width of the screen.
import type { ChalkInstance } from 'chalk';
import type { CircleStats } from '../core/stats.js';
import { bar, percent, sparkline, type ChartStyle } from './chart.js';
import { labelOf } from '../core/prompts.js';
import { plural } from './document.js';
import { wrap } from './text.js';
import { displayWidth, padEnd, truncate } from './width.js';

interface StatsTextOptions {
  title: string;
  width: number;
  style: ChartStyle;
  color: ChalkInstance;
}

/** Up to this many meetings get a bar each; more are drawn as one sparkline. */
const MAX_BARS = 24;
const MAX_TOPICS = 12;

/** The group's verdict (how useful, 1–5) per meeting, and each outcome's ratings review by review. */
function verdictTrends(s: CircleStats, o: StatsTextOptions, width: number, out: string[], say: (text: string, style?: (s: string) => string) => void): void {
  const c = o.color;
  const u = s.usefulness;
  if (u.length) {
    say(labelOf('closing', 'useful'), c.bold);
    const mean = u.reduce((a, x) => a + x.useful, 0) / u.length;
    if (u.length <= MAX_BARS) {
      const labels = u.map((m) => `${m.date} #${m.number}`);
      const lw = Math.max(...labels.map(displayWidth));
      u.forEach((m, i) => out.push(`${padEnd(labels[i]!, lw)}  ${c.green(bar(m.useful / 5, Math.min(20, width - lw - 5), o.style))}  ${m.useful}`));
    } else {
      const lw = u[0]!.date.length;
      out.push(`${u[0]!.date} ${c.green(sparkline(u.map((m) => (m.useful - 1) / 4), Math.max(10, width - 2 * lw - 2), o.style))} ${u.at(-1)!.date}`);
    }
    out.push(`(${plural(u.length, 'meeting')} rated, ${mean.toFixed(1)} on average)`);
    out.push('');
  }
  if (s.outcomes.length) {
    say(labelOf('next', 'outcomes'), c.bold);
    const lw = Math.min(24, Math.max(...s.outcomes.map((x) => displayWidth(x.label))));
    for (const x of s.outcomes) {
      const last = x.ratings.at(-1)!;
      const trail = x.ratings.map((r) => String(r.rating)).join(o.style.unicode ? ' → ' : ' > ');
      out.push(truncate(`${padEnd(truncate(x.label, lw, o.style.unicode), lw)}  ${c.cyan(bar(last.rating / 5, 10, o.style))}  ${trail}`, width, o.style.unicode));
    }
    const dates = [...new Set(s.outcomes.flatMap((x) => x.ratings.map((r) => `${r.date} #${r.number}`)))].sort();
    say(`(reviewed ${dates.length === 1 ? `once, ${dates[0]}` : `${dates.length} times: ${dates.join(', ')}`})`, c.dim);
    out.push('');
  }
}

export function statsText(s: CircleStats, o: StatsTextOptions): string {
  const c = o.color;
  const width = Math.max(40, o.width);
  const out: string[] = [];
  /** Prose and headings wrap to the width, styled line by line. */
  const say = (text: string, style: (s: string) => string = (x) => x) => out.push(...wrap(text, width).map((line) => style(line)));
  const first = s.meetings[0];
  const last = s.meetings.at(-1);
  say(o.title, c.bold);
  if (!first || !last) return [...out, 'No meetings yet.'].join('\n');
  say(`${plural(s.meetings.length, 'meeting')}, ${first.date} to ${last.date}; on average ${percent(s.averageAttendance)} of members came.`);
  out.push('');

  say('Attendance per meeting', c.bold);
  say('(members present of members at the time)', c.dim);
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
    say(`(one mark per ${per === 1 ? 'meeting' : `${per} meetings, averaged`}; higher is fuller)`, c.dim);
  }
  out.push('');

  say('Attendance per member', c.bold);
  say('(meetings came to, of those held while a member; commitments followed up)', c.dim);
  const tails = s.members.map(
    (m) => `${m.attended}/${m.of}${m.apologies ? ` (${plural(m.apologies, 'apology', 'apologies')})` : ''}  ${m.commitments.followedUp}/${m.commitments.due} followed up`,
  );
  const tw = Math.max(...tails.map(displayWidth));
  // Names take what the numbers and a bar of at least 5 leave, up to 24 columns.
  const room = Math.max(8, Math.min(24, width - tw - 4 - 5));
  const names = s.members.map((m) => truncate(`${m.name}${m.active ? '' : ' (left)'}`, room, o.style.unicode));
  const nw = Math.max(...names.map(displayWidth), 4);
  const bw = Math.max(5, Math.min(30, width - nw - tw - 4));
  s.members.forEach((m, i) => out.push(`${padEnd(names[i]!, nw)}  ${c.cyan(bar(m.of ? m.attended / m.of : 0, bw, o.style))}  ${tails[i]}`));
  out.push('');

  const k = s.commitments;
  say('Commitments followed up', c.bold);
  out.push(`${c.green(bar(k.share ?? 0, Math.min(40, width - 10), o.style))}  ${percent(k.share)}`);
  say(
    `${k.followedUp} of ${k.due} reported on at the next meeting they came to; ${k.silent} came but did not report, ` +
      `${k.missed} never followed up (missed every meeting since), ${k.open} still open${k.letGo ? `, ${k.letGo} let go` : ''}.`,
  );
  out.push('');

  verdictTrends(s, o, width, out, say);

  say(`Topics learned (${s.topics.length})`, c.bold);
  const shown = s.topics.slice(-MAX_TOPICS);
  if (s.topics.length > shown.length) say(`${s.topics.length - shown.length} earlier topics: see circle history`, c.dim);
  for (const t of shown) out.push(truncate(`${t.date}  ${t.topic}${t.speaker ? ` (${t.speaker})` : ''}`, width, o.style.unicode));
  return out.join('\n');
}
