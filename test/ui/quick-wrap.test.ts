// src/ui/quick-wrap.cjs stands in for wrap-ansi inside @inquirer/core: it must give exactly
// what wrap-ansi gives, for any line, width and options inquirer passes.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const quickWrap = require('../../src/ui/quick-wrap.cjs') as (s: string, columns: number, options: object) => string;
const wrapAnsi = require('wrap-ansi') as typeof quickWrap;

const seed = Number(process.env.FAST_CHECK_SEED ?? 20261129);

// Pieces of what a question line holds: words in several scripts, spaces, colours,
// and what must go to wrap-ansi (wide, combining and emoji characters, ©, line breaks).
const piece = fc.oneof(
  fc.constantFrom('José', 'Łucja', 'Αλέξης', 'Юлия', 'Thảo Nguyễn', 'Ana', '?', '❯', '◉', '◯', '✔', '─', '↑↓', '⏎', '(Use arrow keys)', '—', '…', '•', '“', 'Dr.', '   ', ' ', ''),
  fc.constantFrom('\u001b[1m', '\u001b[22m', '\u001b[36m', '\u001b[39m', '\u001b[2m', '\u001b[0m', '\u001b[38;5;208m', '\u001b[2K', '\u001b[G', '\u001b[?25l', '\u001b[?25h', '\u001b[3A', '\u001b]0;t\u0007', '\u001b[', '\u001b', '\u001b[s', '\u001b[u', '\u001b[1Q', '\u001b[12345m', '\u001b[1;22222m'),
  fc.constantFrom('漢字', 'e\u0301', '😀', '©', '®', '\u00ad', '\u200b', '\t', '\r', '\n', '\u212b', 'Ω', '✅', '⌚', '◽', '⚠', '㋡', '\u2028', '✔\ufe0f'),
  fc.string({ maxLength: 12 }),
);

describe('quickWrap', () => {
  it(`gives what wrap-ansi gives (seed ${seed})`, () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.integer({ min: 0, max: 50 }), fc.boolean(), (pieces, columns, hard) => {
        const line = pieces.join('');
        const options = { trim: false, hard };
        expect(quickWrap(line, columns, options)).toBe(wrapAnsi(line, columns, options));
      }),
      { seed, numRuns: 5000 },
    );
  });

  it('gives what wrap-ansi gives for each character below U+2800, in a line that just fits', () => {
    for (let c = 0x20; c < 0x2800; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const line = `${'x'.repeat(18)}${String.fromCharCode(c)} y`;
      for (const columns of [20, 21]) expect(quickWrap(line, columns, { trim: false, hard: true }), `U+${c.toString(16)}`).toBe(wrapAnsi(line, columns, { trim: false, hard: true }));
    }
  });

  it.each(['\u001b[saaaa bbbbb', '\u001b[1Qaaaa bbbbb', 'aaaa \u001b[1;22222mbbbbb', '\u001b[?25laaaa bbbbb'])('gives what wrap-ansi gives for %j (review)', (line) => {
    for (const columns of [9, 10, 11, 12]) expect(quickWrap(line, columns, { trim: false, hard: true })).toBe(wrapAnsi(line, columns, { trim: false, hard: true }));
  });

  it('answers the lines of a first question without loading wrap-ansi', () => {
    const line = '\u001b[32m?\u001b[39m \u001b[1mWho is facilitating today?\u001b[22m \u001b[2m(Łucja Nowak, Αλέξης Παππάς, Юлия)\u001b[22m';
    const script = `
      const quickWrap = require(${JSON.stringify(require.resolve('../../src/ui/quick-wrap.cjs'))});
      const loaded = () => Object.keys(require.cache).some((f) => f.includes('wrap-ansi'));
      const fits = quickWrap(process.argv[1], 120, { trim: false, hard: true }) === process.argv[1] && !loaded();
      quickWrap(process.argv[1], 20, { trim: false, hard: true });
      console.log(fits, loaded());`;
    const r = spawnSync(process.execPath, ['-e', script, line], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('true true');
  });
});
