// A plain text table for the terminal: columns padded by their widest cell and, given
// a width, the widest columns cut (with an ellipsis) until the table fits it.
import type { ChalkInstance } from 'chalk';
import { displayWidth, truncate } from './width.js';

export interface TableOptions {
  color?: ChalkInstance | undefined;
  /** The line width to fit; no limit when undefined. */
  width?: number | undefined;
  /** '…' rather than '...' for cut cells. */
  unicode?: boolean | undefined;
  /** Columns left out, in this order, while the table cannot fit with every column 10 wide (a date whole). */
  drop?: readonly number[] | undefined;
}

const GAP = 2;
/** A column is cut no narrower than this (a date stays whole)… */
const MIN_COLUMN = 10;
/** …unless the screen is too narrow for that. */
const NARROWEST = 5;

/** Column widths that fit `width`: the widest are cut first, down to one common level, none below its floor. */
function fitColumns(natural: readonly number[], floors: readonly number[], width: number): number[] {
  const room = width - GAP * (natural.length - 1);
  const at = (level: number) => natural.map((n, i) => Math.min(n, Math.max(level, floors[i]!)));
  const total = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0);
  if (total(natural) <= room) return [...natural];
  // The highest level at which everything fits (binary search on the cut level).
  let lo = 0;
  let hi = Math.max(...natural);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (total(at(mid)) <= room) lo = mid;
    else hi = mid - 1;
  }
  const widths = at(lo);
  // Hand the columns left over at that level to the cut columns, widest first.
  let spare = room - total(widths);
  for (let i = 0; spare > 0 && i < widths.length; i++) {
    if (widths[i]! < natural[i]! && widths[i] === lo) {
      widths[i]! += 1;
      spare -= 1;
    }
  }
  return widths;
}

/**
 * The columns' widths: natural without a width to fit. Every column keeps 10 places while
 * it can; then short columns (a date) stay whole and long ones go down to 5; on a very
 * narrow screen, all of them.
 */
export function columnWidths(natural: readonly number[], width: number | undefined): number[] {
  if (width === undefined) return [...natural];
  const fit = (floor: (n: number) => number) => fitColumns(natural, natural.map(floor), width);
  const fits = (widths: number[]) => widths.reduce((a, b) => a + b, GAP * (widths.length - 1)) <= width;
  return [fit((n) => Math.min(n, MIN_COLUMN)), fit((n) => (n <= MIN_COLUMN ? n : NARROWEST))].find(fits) ?? fit((n) => Math.min(n, NARROWEST));
}

/** Cells are one line each: a line break in the data becomes a space. */
export function renderTable(headers: string[], rawRows: string[][], options: TableOptions = {}): string {
  const oneLine = (cell: string) => (cell.includes('\n') ? cell.replace(/\s*\n\s*/g, ' ') : cell);
  let rows = rawRows.map((r) => headers.map((_, i) => oneLine(r[i] ?? '')));
  const left = new Set<number>();
  for (const column of options.drop ?? []) {
    if (options.width === undefined) break;
    const kept = headers.map((h, i) => Math.min(MIN_COLUMN, rows.reduce((widest, r) => Math.max(widest, displayWidth(r[i]!)), displayWidth(h))));
    if (kept.reduce((sum, w, i) => (left.has(i) ? sum : sum + w + GAP), -GAP) <= options.width) break;
    left.add(column);
  }
  if (left.size) {
    headers = headers.filter((_, i) => !left.has(i));
    rows = rows.map((r) => r.filter((_, i) => !left.has(i)));
  }
  // Each cell measured once: a long history has tens of thousands of them.
  const cellWidths = rows.map((r) => r.map(displayWidth));
  const natural = headers.map((h, i) => cellWidths.reduce((widest, w) => Math.max(widest, w[i]!), displayWidth(h)));
  const widths = columnWidths(natural, options.width);
  const gap = ' '.repeat(GAP);
  const line = (cells: string[], measured: readonly number[]) => {
    let out = '';
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) out += gap;
      // A cell that fits is kept as it is; only a cut one is measured again.
      const fitsWhole = measured[i]! <= widths[i]!;
      const cell = fitsWhole ? cells[i]! : truncate(cells[i]!, widths[i]!, Boolean(options.unicode));
      out += i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - (fitsWhole ? measured[i]! : displayWidth(cell)));
    }
    return out.trimEnd();
  };
  const head = line(headers, headers.map(displayWidth));
  return [options.color ? options.color.bold(head) : head, ...rows.map((r, i) => line(r, cellWidths[i]!))].join('\n');
}
