// `circle history` in the terminal: one line per meeting.
import type { ChalkInstance } from 'chalk';
import type { HistoryRow } from '../core/history.js';
import { truncate, type ChartStyle } from './chart.js';
import { displayWidth, renderTable } from './table.js';

const HEADERS = ['Date', '#', 'Present', 'Learning topic', 'Chosen for next time'];

/** With `width`, the two topic columns share what is left of the line (on a terminal). */
export function historyTable(rows: readonly HistoryRow[], options: { width?: number | undefined; color?: ChalkInstance; style: ChartStyle }): string {
  const cells = rows.map((r) => [
    r.date,
    String(r.number),
    `${r.present}/${r.members}${r.guests ? ` +${r.guests}` : ''}`,
    [r.topic, r.agreed.length ? `agreed: ${r.agreed.join(', ')}` : ''].filter(Boolean).join(' · ') || '-',
    r.nextTopic ?? '-',
  ]);
  if (options.width) {
    const fixed = [0, 1, 2].map((i) => Math.max(displayWidth(HEADERS[i]!), ...cells.map((c) => displayWidth(c[i]!))));
    const room = options.width - fixed.reduce((a, b) => a + b, 0) - 2 * (HEADERS.length - 1);
    const each = Math.max(12, Math.floor(room / 2));
    for (const c of cells) for (const i of [3, 4]) c[i] = truncate(c[i]!, each, options.style);
  }
  return renderTable(HEADERS, cells, options.color);
}
