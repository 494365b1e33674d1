// A plain text table for the terminal: columns padded by their widest cell.
import type { ChalkInstance } from 'chalk';

/** Width on screen, counting wide characters (CJK, emoji) as two. */
export function displayWidth(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp <= 0x36f) continue;
    w += cp >= 0x1100 && /[\p{Extended_Pictographic}\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  }
  return w;
}

/** Cells are one line each: a line break in the data becomes a space. */
export function renderTable(headers: string[], rawRows: string[][], color?: ChalkInstance): string {
  const rows = rawRows.map((r) => r.map((cell) => cell.replace(/\s*\n\s*/g, ' ')));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  const head = line(headers);
  return [color ? color.bold(head) : head, ...rows.map(line)].join('\n');
}
