// `circle stats --format html`: one self-contained page (inline CSS and SVG, nothing fetched).
import { attendanceShare, type CircleStats } from '../core/stats.js';
import { bucket, percent } from './chart.js';
import { labelOf } from '../core/prompts.js';
import { longDate, t } from '../core/words.js';
import { escapeHtml as esc, htmlPage, PRINT_CSS } from './html.js';

/** At most this many columns in the attendance chart; longer histories are averaged. */
const MAX_COLUMNS = 120;
/** Width (in chart units) a bar needs to carry its value above it. */
const LABEL_ROOM = 26;
/** Every chart's width, in its units. */
const W = 720;

function attendanceChart(s: CircleStats): string {
  const shares = s.meetings.map(attendanceShare);
  const cols = bucket(shares, MAX_COLUMNS);
  const per = s.meetings.length / cols.length;
  const H = 180;
  const pad = 28;
  const cw = (W - pad) / cols.length;
  // Each bar carries its value (printed, not only on hover) when there is room for it.
  const labelled = cw >= LABEL_ROOM;
  const bars = cols
    .map((v, i) => {
      const h = Math.round(v * (H - 20));
      const first = s.meetings[Math.floor(i * per)]!;
      const value = per > 1 ? percent(v) : `${first.present}/${first.members}`;
      const label = per > 1 ? t('stats.bar_average', { date: first.date, share: percent(v) }) : `${first.date} #${first.number}: ${first.present}/${first.members} (${percent(v)})`;
      const x = pad + i * cw;
      const text = labelled ? `<text x="${(x + (cw - 2) / 2).toFixed(1)}" y="${H - h - 4}" class="value" text-anchor="middle">${value}</text>` : '';
      return `<rect x="${x.toFixed(1)}" y="${H - h}" width="${Math.max(1, cw - 2).toFixed(1)}" height="${h}" class="bar"><title>${esc(label)}</title></rect>${text}`;
    })
    .join('');
  const grid = [0, 0.5, 1]
    .map((g) => `<line x1="${pad}" x2="${W}" y1="${H - g * (H - 20)}" y2="${H - g * (H - 20)}" class="grid"/><text x="0" y="${H - g * (H - 20) + 4}" class="axis">${g * 100}%</text>`)
    .join('');
  const first = s.meetings[0]!.date;
  const last = s.meetings.at(-1)!.date;
  const svg = `<svg viewBox="0 0 ${W} ${H + 20}" role="img" aria-label="${esc(t('stats.chart_meetings'))}">${grid}${bars}<text x="${pad}" y="${H + 16}" class="axis">${first}</text><text x="${W}" y="${H + 16}" class="axis" text-anchor="end">${last}</text></svg>`;
  if (labelled) return svg;
  // Too many bars to label: the extremes in words under the chart.
  const high = s.meetings[shares.indexOf(Math.max(...shares))]!;
  const low = s.meetings[shares.indexOf(Math.min(...shares))]!;
  const said = (m: typeof high) => t('stats.extreme', { present: m.present, members: m.members, date: m.date });
  return `${svg}\n<p class="hint">${esc(t(per > 1 ? 'stats.extremes_averaged' : 'stats.extremes', { high: said(high), low: said(low), per: per.toFixed(1) }))}</p>`;
}

function memberChart(s: CircleStats): string {
  const row = 26;
  const lw = 200;
  const H = s.members.length * row;
  const rows = s.members
    .map((m, i) => {
      const part = m.of ? m.attended / m.of : 0;
      const y = i * row;
      const w = Math.round(part * (W - lw - 120));
      return (
        `<text x="0" y="${y + 17}">${esc(m.name)}${m.active ? '' : esc(t('stats.left'))}</text>` +
        `<rect x="${lw}" y="${y + 4}" width="${w}" height="16" class="bar member"><title>${esc(t('stats.member_of', { name: m.name, attended: m.attended, of: m.of }))}</title></rect>` +
        `<text x="${lw + w + 6}" y="${y + 17}" class="axis">${m.attended}/${m.of} · ${esc(t('stats.followed', { done: m.commitments.followedUp, due: m.commitments.due }))}</text>`
      );
    })
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(t('stats.chart_members'))}">${rows}</svg>`;
}

function commitmentChart(s: CircleStats): string {
  const k = s.commitments;
  const parts: Array<[string, number, string]> = [
    [t('stats.followed_up'), k.followedUp, 'ok'],
    [t('stats.silent'), k.silent, 'warn'],
    [t('stats.missed'), k.missed, 'bad'],
    [t('stats.open'), k.open, 'open'],
  ];
  let x = 0;
  const total = Math.max(1, k.made);
  const rects = parts
    .map(([label, n, cls]) => {
      const w = (n / total) * W;
      const value = w >= LABEL_ROOM ? `<text x="${(x + w / 2).toFixed(1)}" y="16" class="value inside" text-anchor="middle">${n}</text>` : '';
      const r = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="24" class="${cls}"><title>${label}: ${n}</title></rect>${value}`;
      x += w;
      return r;
    })
    .join('');
  const legend = parts.map(([label, n, cls]) => `<li><span class="key ${cls}"></span>${label}: ${n}</li>`).join('');
  return `<svg viewBox="0 0 ${W} 24" role="img" aria-label="${esc(t('stats.chart_commitments'))}">${rects}</svg><ul class="legend">${legend}</ul>`;
}

/** Ratings from 1 to 5 over time, as a line with its points labelled. */
function ratingChart(points: ReadonlyArray<{ date: string; number: number; value: number }>, label: string): string {
  const H = 120;
  const pad = 28;
  const step = points.length > 1 ? (W - 2 * pad) / (points.length - 1) : 0;
  const xy = points.map((p, i) => [pad + (points.length > 1 ? i * step : (W - 2 * pad) / 2), H - 10 - ((p.value - 1) / 4) * (H - 30)] as const);
  const grid = [1, 3, 5].map((g) => {
    const y = H - 10 - ((g - 1) / 4) * (H - 30);
    return `<line x1="${pad}" x2="${W}" y1="${y}" y2="${y}" class="grid"/><text x="0" y="${y + 4}" class="axis">${g}</text>`;
  });
  const labelled = points.length <= 40;
  const dots = points.map((p, i) => {
    const [x, y] = xy[i]!;
    const value = labelled ? `<text x="${x.toFixed(1)}" y="${(y - 6).toFixed(1)}" class="value" text-anchor="middle">${p.value}</text>` : '';
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3.5" class="dot"><title>${esc(`${p.date} #${p.number}: ${p.value}/5`)}</title></circle>${value}`;
  });
  const line = `<polyline points="${xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}" class="line"/>`;
  const ends = `<text x="${pad}" y="${H + 14}" class="axis">${points[0]!.date}</text><text x="${W}" y="${H + 14}" class="axis" text-anchor="end">${points.at(-1)!.date}</text>`;
  return `<svg viewBox="0 0 ${W} ${H + 20}" role="img" aria-label="${esc(label)}">${grid.join('')}${line}${dots.join('')}${ends}</svg>`;
}

/** The group's verdict per meeting and each outcome's ratings review by review. */
function verdictCharts(s: CircleStats): string {
  const parts: string[] = [];
  if (s.usefulness.length) {
    const heading = labelOf('closing', 'useful');
    parts.push(`<h2>${esc(heading)}</h2>\n${ratingChart(s.usefulness.map((u) => ({ ...u, value: u.useful })), heading)}`);
  }
  if (s.outcomes.length) {
    parts.push(`<h2>${esc(labelOf('next', 'outcomes'))}</h2>`);
    for (const o of s.outcomes) parts.push(`<h3>${esc(o.label)}</h3>\n${ratingChart(o.ratings.map((r) => ({ ...r, value: r.rating })), o.label)}`);
  }
  return parts.join('\n');
}

export function statsHtml(s: CircleStats, title: string): string {
  const body = s.meetings.length
    ? `<p>${esc(t('stats.html_summary', { count: s.meetings.length, first: longDate(s.meetings[0]!.date), last: longDate(s.meetings.at(-1)!.date), share: percent(s.averageAttendance) }))}
${esc(t('stats.html_followed')).replace('{share}', `<strong>${percent(s.commitments.share)}</strong>`)}</p>
<h2>${esc(t('stats.per_meeting'))}</h2>
<p class="hint">${esc(t('stats.html_per_meeting_hint'))}</p>
${attendanceChart(s)}
<h2>${esc(t('stats.per_member'))}</h2>
${memberChart(s)}
<h2>${esc(t('stats.html_commitments'))}</h2>
${commitmentChart(s)}
${verdictCharts(s)}
<h2>${esc(t('stats.html_topics'))}</h2>
<ol>${s.topics.map((t) => `<li><time>${t.date}</time> ${esc(t.topic)}${t.speaker ? ` <span class="hint">(${esc(t.speaker)})</span>` : ''}</li>`).join('\n')}</ol>`
    : `<p>${esc(t('stats.none'))}</p>`;
  return htmlPage(title, `<style>${PRINT_CSS}${CSS}</style>`, `<h1>${esc(title)}</h1>\n${body}`);
}

const CSS = `
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
svg { width: 100%; height: auto; font-size: 12px; }
.bar { fill: #3a7d44; } .bar.member { fill: #2f6690; }
.grid { stroke: #ddd; } .line { fill: none; stroke: #2f6690; stroke-width: 2; } .dot { fill: #2f6690; }
h3 { font-size: 1em; margin: 1em 0 .2em; } .axis { fill: #666; font-size: 11px; }
.value { fill: #222; font-size: 11px; font-variant-numeric: tabular-nums; } .value.inside { fill: #fff; } .open + .value.inside { fill: #222; }
.ok { fill: #3a7d44; background: #3a7d44; } .warn { fill: #e0a100; background: #e0a100; }
.bad { fill: #b23a48; background: #b23a48; } .open { fill: #bbb; background: #bbb; }
.legend { list-style: none; padding: 0; display: flex; gap: 1.2em; flex-wrap: wrap; font-size: .9em; }
.key { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -.1em; }
.hint { color: #666; } time { font-variant-numeric: tabular-nums; color: #555; margin-right: .4em; }
`;
