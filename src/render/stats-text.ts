// `circle stats` in the terminal: a few small charts that fit the width of the screen.
import type { ChalkInstance } from 'chalk';
import { attendanceShare, type CircleStats } from '../core/stats.js';
import { bar, percent, sparkline } from './chart.js';
import { labelOf } from '../core/prompts.js';
import { longDate, t } from '../core/words.js';
import { wrap } from './text.js';
import { displayWidth, padEnd, truncate } from './width.js';

interface StatsTextOptions {
  title: string;
  width: number;
  /** Unicode blocks and '…', or plain ASCII. */
  unicode: boolean;
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
      u.forEach((m, i) => out.push(`${padEnd(labels[i]!, lw)}  ${c.green(bar(m.useful / 5, Math.min(20, width - lw - 5), o.unicode))}  ${m.useful}`));
    } else {
      const lw = u[0]!.date.length;
      out.push(`${u[0]!.date} ${c.green(sparkline(u.map((m) => (m.useful - 1) / 4), Math.max(10, width - 2 * lw - 2), o.unicode))} ${u.at(-1)!.date}`);
    }
    out.push(t('stats.rated', { count: u.length, mean: mean.toFixed(1) }));
    out.push('');
  }
  if (s.outcomes.length) {
    say(labelOf('next', 'outcomes'), c.bold);
    const lw = Math.min(24, Math.max(...s.outcomes.map((x) => displayWidth(x.label))));
    for (const x of s.outcomes) {
      const last = x.ratings.at(-1)!;
      const trail = x.ratings.map((r) => String(r.rating)).join(o.unicode ? ' → ' : ' > ');
      out.push(truncate(`${padEnd(truncate(x.label, lw, o.unicode), lw)}  ${c.cyan(bar(last.rating / 5, 10, o.unicode))}  ${trail}`, width, o.unicode));
    }
    const dates = [...new Set(s.outcomes.flatMap((x) => x.ratings.map((r) => `${r.date} #${r.number}`)))].sort();
    say(t('stats.reviewed', { count: dates.length, dates: dates.join(', ') }), c.dim);
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
  if (!first || !last) return [...out, t('stats.none')].join('\n');
  say(t('stats.summary', { count: s.meetings.length, first: longDate(first.date), last: longDate(last.date), share: percent(s.averageAttendance) }));
  out.push('');

  say(t('stats.per_meeting'), c.bold);
  say(t('stats.per_meeting_hint'), c.dim);
  if (s.meetings.length <= MAX_BARS) {
    const labels = s.meetings.map((m) => `${m.date} #${m.number}`);
    const counts = s.meetings.map((m) => `${m.present}/${m.members}${m.guests ? ` +${m.guests}` : ''}`);
    const lw = Math.max(...labels.map(displayWidth));
    const cw = Math.max(...counts.map(displayWidth));
    const bw = Math.min(40, width - lw - cw - 4);
    s.meetings.forEach((m, i) => out.push(`${padEnd(labels[i]!, lw)}  ${c.green(bar(attendanceShare(m), bw, o.unicode))}  ${counts[i]}`));
  } else {
    const shares = s.meetings.map(attendanceShare);
    const lw = first.date.length;
    const sw = Math.max(10, width - 2 * lw - 2);
    const per = Math.ceil(s.meetings.length / sw);
    out.push(`${first.date} ${c.green(sparkline(shares, sw, o.unicode))} ${last.date}`);
    say(t('stats.per_mark', { count: per }), c.dim);
  }
  out.push('');

  say(t('stats.per_member'), c.bold);
  say(t('stats.per_member_hint'), c.dim);
  const tails = s.members.map(
    (m) => `${m.attended}/${m.of}${m.apologies ? t('stats.apologies', { count: m.apologies }) : ''}  ${t('stats.followed', { done: m.commitments.followedUp, due: m.commitments.due })}`,
  );
  const tw = Math.max(...tails.map(displayWidth));
  // Names take what the numbers and a bar of at least 5 leave, up to 24 columns.
  const room = Math.max(8, Math.min(24, width - tw - 4 - 5));
  const names = s.members.map((m) => truncate(`${m.name}${m.active ? '' : t('stats.left')}`, room, o.unicode));
  const nw = Math.max(...names.map(displayWidth), 4);
  const bw = Math.max(5, Math.min(30, width - nw - tw - 4));
  s.members.forEach((m, i) => out.push(`${padEnd(names[i]!, nw)}  ${c.cyan(bar(m.of ? m.attended / m.of : 0, bw, o.unicode))}  ${tails[i]}`));
  out.push('');

  const k = s.commitments;
  say(t('stats.commitments'), c.bold);
  out.push(`${c.green(bar(k.share ?? 0, Math.min(40, width - 10), o.unicode))}  ${percent(k.share)}`);
  say(t(k.letGo ? 'stats.commitments_said_let_go' : 'stats.commitments_said', { done: k.followedUp, due: k.due, silent: k.silent, missed: k.missed, open: k.open, let_go: k.letGo }));
  out.push('');

  verdictTrends(s, o, width, out, say);

  say(t('stats.topics', { count: s.topics.length }), c.bold);
  const shown = s.topics.slice(-MAX_TOPICS);
  if (s.topics.length > shown.length) say(t('stats.topics_earlier', { count: s.topics.length - shown.length }), c.dim);
  for (const t of shown) out.push(truncate(`${t.date}  ${t.topic}${t.speaker ? ` (${t.speaker})` : ''}`, width, o.unicode));
  return out.join('\n');
}
