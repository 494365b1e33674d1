// `circle history` in the terminal: one line per meeting.
import type { HistoryRow } from '../core/history.js';
import { t } from '../core/words.js';
import { renderTable, type TableOptions } from './table.js';

const HEADERS = ['date', 'number', 'present', 'topic', 'next'];

/** With a width (on a terminal), the topic columns are cut to fit it. */
export function historyTable(rows: readonly HistoryRow[], options: TableOptions): string {
  const cells = rows.map((r) => [
    r.date,
    String(r.number),
    `${r.present}/${r.members}${r.guests ? ` +${r.guests}` : ''}`,
    [r.topic, r.agreed.length ? t('history.agreed', { sections: r.agreed.map((s) => t(`history.sections.${s}`)).join(', ') }) : ''].filter(Boolean).join(' · ') || '-',
    r.nextTopic ?? '-',
  ]);
  return renderTable(
    HEADERS.map((h) => t(`history.${h}`)),
    cells,
    options,
  );
}
