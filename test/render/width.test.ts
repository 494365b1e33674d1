// Text width as a terminal draws it (string-width), cutting at whole characters, and tables that fit.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/render/table.js';
import { displayWidth, truncate } from '../../src/render/width.js';

describe('displayWidth', () => {
  // Columns a terminal gives each string; the hand-written width got many of the emoji, CJK and symbols wrong.
  it.each([
    ['Amara Okafor', 12],
    ['Łucja Nowak', 11],
    ['José', 4],
    ['Jose\u0301', 4], // e + combining acute
    ['Thảo Nguyễn', 11],
    ['Юлия Смирнова', 13],
    ['Αλέξης Παππάς', 13],
    ['日本語', 6],
    ['한국어', 6],
    ['ｶﾀｶﾅ', 4], // half-width katakana
    ['Ｆｕｌｌ', 8], // full-width Latin
    ['™', 1],
    ['©', 1],
    ['👍', 2],
    ['👍🏽', 2], // with a skin tone
    ['👩‍👩‍👧‍👦', 2], // a family: one ZWJ sequence
    ['🇳🇬', 2], // a flag
    ['❤️', 2], // with the emoji presentation selector
    ['a\u200bb', 2], // a zero-width space
  ])('%s is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('displayWidth without string-width', () => {
  const stringWidth = (createRequire(import.meta.url)('string-width') as typeof import('string-width')).default;
  const seed = Number(process.env.FAST_CHECK_SEED ?? 20261129);
  // Text from every block the quick answer covers, its edges, and what it must leave to string-width.
  const piece = fc.oneof(
    fc.constantFrom('José', 'Łucja', 'Αλέξης', 'Юлия', 'Thảo Nguyễn', '—', '…', '•', '“', '▁▂▃▅█', '─│┼', ' ', '~', 'ʯ', 'ͷ', 'ԯ', 'ỹ'),
    fc.constantFrom('\u00ad', '\u00a9', '\u00ae', '\u0301', '\u0483', '\u0489', '\u200b', '\u2028', '\u2122', '\u2190', '日本', '👍', '❤️', '\u001b[1m', '\t', '\u007f'),
    fc.integer({ min: 0x20, max: 0x2600 }).map((c) => String.fromCharCode(c)),
  );
  it('gives what string-width gives for each character below U+2600', () => {
    for (let c = 0x20; c < 0x2600; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = `a${String.fromCharCode(c)}b`;
      expect(displayWidth(text), `U+${c.toString(16)}`).toBe(stringWidth(text));
    }
  });

  it(`gives what string-width gives (seed ${seed})`, () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
      }),
      { seed, numRuns: 4000 },
    );
  });
});

describe('truncate', () => {
  it('cuts at whole characters and never past the width', () => {
    expect(truncate('👩‍👩‍👧‍👦👩‍👩‍👧‍👦 family', 5, true)).toBe('👩‍👩‍👧‍👦👩‍👩‍👧‍👦…');
    expect(truncate('日本語のテキスト', 7, true)).toBe('日本語…');
    expect(truncate('Jose\u0301 Álvarez', 5, false)).toBe('Jo...');
    expect(truncate('short', 10, true)).toBe('short');
  });
});

describe('renderTable', () => {
  const rows = [
    ['2026-10-20', 'Preventing burnout: sustaining ourselves and our teams', 'Dr Nadia Karim (psychologist)'],
    ['2026-09-22', '日本語のテキストと絵文字 👩‍👩‍👧‍👦 in a long topic', '-'],
  ];

  it('cuts the widest columns until every line fits, keeping dates and headers whole', () => {
    const table = renderTable(['Date', 'Topic', 'Speaker'], rows, { width: 50, unicode: true });
    const lines = table.split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(50);
    expect(lines).toEqual([
      'Date        Topic               Speaker',
      '2026-10-20  Preventing burnou…  Dr Nadia Karim (p…',
      '2026-09-22  日本語のテキスト…   -',
    ]);
  });

  it('leaves everything whole without a width (a pipe)', () => {
    const table = renderTable(['Date', 'Topic', 'Speaker'], rows);
    expect(table).toContain('Preventing burnout: sustaining ourselves and our teams');
    expect(table).not.toContain('…');
  });
});
