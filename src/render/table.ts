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

/** Cells are one line each: a line break in the data becomes a space. */
export function renderTable(headers: string[], rawRows: string[][], options: TableOptions = {}): string {
  const rows = rawRows.map((r) => headers.map((_, i) => (r[i] ?? '').replace(/\s*\n\s*/g, ' ')));
  const natural = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  // Every column keeps 10 places while it can; then short columns (a date) stay whole
  // and long ones go down to 5; on a very narrow screen, all of them.
  const fit = (floor: (n: number) => number) => fitColumns(natural, natural.map(floor), options.width!);
  const fits = (widths: number[]) => widths.reduce((a, b) => a + b, GAP * (widths.length - 1)) <= options.width!;
  const widths =
    options.width === undefined
      ? natural
      : [fit((n) => Math.min(n, MIN_COLUMN)), fit((n) => (n <= MIN_COLUMN ? n : NARROWEST))].find(fits) ??
        fit((n) => Math.min(n, NARROWEST));
  const line = (cells: string[]) =>
    cells
      .map((raw, i) => {
        const cell = truncate(raw, widths[i]!, Boolean(options.unicode));
        return i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell));
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  const head = line(headers);
  return [options.color ? options.color.bold(head) : head, ...rows.map(line)].join('\n');
}
