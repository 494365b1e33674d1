// renderTable measures each cell once and cuts only the cells that do not fit: the same
// table, to the character, as measuring and cutting every cell (the plain way, below).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnWidths, renderTable, type TableOptions } from '../../src/render/table.js';
import { displayWidth, truncate } from '../../src/render/width.js';

/** The table as it was made before: every cell measured and passed through truncate. */
function plainTable(headers: string[], rawRows: string[][], options: TableOptions): string {
  const rows = rawRows.map((r) => headers.map((_, i) => (r[i] ?? '').replace(/\s*\n\s*/g, ' ')));
  const natural = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const w = columnWidths(natural, options.width);
  const line = (cells: string[]) =>
    cells
      .map((raw, i) => {
        const cell = truncate(raw, w[i]!, Boolean(options.unicode));
        return i === cells.length - 1 ? cell : cell + ' '.repeat(w[i]! - displayWidth(cell));
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

const cell = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('Łucja Nowak', 'Jose\u0301', '日本語', '👩‍👩‍👧‍👦 family', 'two\nlines', ' a \n b ', '', 'x'.repeat(40), 'wide  spaces '),
);

describe('renderTable', () => {
  it('is the plain table, with no width and with any width', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), fc.option(fc.integer({ min: 1, max: 80 })), fc.boolean(), (rows, width, unicode) => {
        const headers = ['Date', 'Topic', 'Next'];
        const options = { width: width ?? undefined, unicode };
        expect(renderTable(headers, rows, options)).toBe(plainTable(headers, rows, options));
      }),
      { numRuns: 300 },
    );
  });
});

