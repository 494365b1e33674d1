import { spawnSync } from 'node:child_process';
import fs, { writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { labelOf } from '../../src/core/prompts.js';
import type { PrintDocument } from '../../src/render/document.js';
import { practiceText } from '../../src/render/practice.js';
import { toHtml } from '../../src/render/html.js';
import { escapeMarkdown, toMarkdown } from '../../src/render/markdown.js';
import { toPdf } from '../../src/render/pdf.js';
import { toText, wrap } from '../../src/render/text.js';
import { fitName, NAME_MIN_PT, nametagsPdf, TAG } from '../../src/render/nametags.js';
import { displayWidth } from '../../src/render/width.js';
import { tempDir } from '../helpers.js';

const doc: PrintDocument = {
  title: 'Riverside <Leaders> & Friends',
  subtitle: ['Meeting 7 · Tuesday 17 November 2026', '18:00–20:00 · Room "B"'],
  intro: [{ kind: 'paragraph', text: 'So that we stop carrying\nthe hardest parts alone.\n\nA second paragraph.' }],
  sections: [
    {
      heading: 'Time to Reflect',
      aside: '18:00–18:45 · 45 min',
      blocks: [
        { kind: 'paragraph', text: 'What happened since last time.', muted: true },
        { kind: 'list', items: ['What surprised you?', 'What gave you *energy*?'], ordered: true },
        { kind: 'subheading', text: 'Commitments from last time' },
        {
          kind: 'list',
          items: [
            { label: 'José Álvarez', text: 'Call the Seniors’ Network about a winter transport rota.' },
            { label: 'Łucja Nowak', text: 'Name the library’s referral contact.' },
            { label: 'Αλέξης Παππάς', text: 'Send the grant draft <script>alert(1)</script> by 20 November.' },
            { label: 'Юлия Смирнова', text: 'Welcome back.' },
          ],
        },
      ],
    },
  ],
  footer: 'Traditions: big first-name tags; shared food.',
};

describe('toMarkdown', () => {
  const md = toMarkdown(doc);
  it('prints headings, asides, lists and labelled items', () => {
    expect(md).toMatch(/^# Riverside \\<Leaders\\> & Friends\n/);
    expect(md).toContain('## Time to Reflect · 18:00–18:45 · 45 min');
    expect(md).toContain('1. What surprised you?\n2. What gave you \\*energy\\*?');
    expect(md).toContain('- **José Álvarez:** Call the Seniors’ Network');
    expect(md).toContain('### Commitments from last time');
    expect(md).toContain('So that we stop carrying the hardest parts alone.\n\nA second paragraph.');
    expect(md).toMatch(/---\n\n_Traditions: big first-name tags; shared food\._\n$/);
  });
  it('escapes markup in text', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('a_b*c [x](y) <b>')).toBe('a\\_b\\*c \\[x\\](y) \\<b\\>');
  });
});

describe('toText', () => {
  const text = toText(doc);
  it('has no markup and keeps every line within 78 columns', () => {
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(78);
    expect(text).not.toMatch(/\*\*|^#|\\|<\/?(li|p|strong)>|^_|_$/m);
    expect(text).toContain('What gave you *energy*?'); // the text itself, unescaped
    expect(text).toContain('Riverside <Leaders> & Friends\n=============================');
    expect(text).toContain('Time to Reflect (18:00–18:45 · 45 min)\n---');
    expect(text).toContain('  - José Álvarez: Call the Seniors’ Network');
    expect(text).toContain('  1. What surprised you?');
  });
  it('wraps with a hanging indent and breaks no word that fits on a line', () => {
    const long = 'word '.repeat(40).trim();
    const lines = wrap(long, 30, '  - ');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]!.startsWith('  - word')).toBe(true);
    for (const l of lines.slice(1)) expect(l.startsWith('    word')).toBe(true);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
    for (const l of lines) expect(l).toMatch(/(^| )word$/); // whole words only
  });
  it('cuts a word wider than the line across lines, keeping the hanging indent', () => {
    expect(wrap('x'.repeat(50), 20)).toEqual(['x'.repeat(20), 'x'.repeat(20), 'x'.repeat(10)]);
    const url = `see ${'a'.repeat(60)} now`;
    const lines = wrap(url, 30, '  - ');
    expect(lines).toEqual(['  - see', `    ${'a'.repeat(26)}`, `    ${'a'.repeat(26)}`, `    ${'a'.repeat(8)} now`]);
    const wide = wrap('漢'.repeat(25), 20, '  ');
    for (const l of wide) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(wide.map((l) => l.trim()).join('')).toBe('漢'.repeat(25));
  });
});

describe('toHtml', () => {
  const html = toHtml(doc);
  it('is one self-contained page with print CSS', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: auto;');
    // A long section may run on to the next page; a heading stays with what follows it.
    expect(html).not.toMatch(/section \{[^}]*break-inside: avoid/);
    expect(html).toMatch(/h2 \{[^}]*break-after: avoid/);
    expect(html).not.toMatch(/<(link|script|img)\b/i);
    expect(html).not.toMatch(/https?:/);
  });
  it('escapes every piece of text', () => {
    expect(html).toContain('<title>Riverside &#60;Leaders&#62; &#38; Friends</title>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Room &#34;B&#34;');
    expect(html).toContain('<li><strong>Юлия Смирнова:</strong> Welcome back.</li>');
  });
});

describe('toPdf', () => {
  it('embeds a font that prints José, Łucja, Αλέξης and Юлия', async () => {
    const bytes = await toPdf(doc);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(tempDir(), 'doc.pdf');
    writeFileSync(file, bytes);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    for (const name of ['José Álvarez', 'Łucja Nowak', 'Αλέξης Παππάς', 'Юлия Смирнова', 'Time to Reflect', '18:00–18:45']) {
      expect(text).toContain(name);
    }
    expect(text).toContain('<script>alert(1)</script>'); // text, printed as written
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/DejaVuSans\b/);
    expect(fonts).toMatch(/DejaVuSans-Bold/);
    expect(fonts).not.toMatch(/Helvetica/);
  });

  it('reads each font file once, however often the text changes font', async () => {
    // pdfkit reads with node:fs's readFileSync; the spy reaches its named import once synced.
    const reads = vi.spyOn(fs, 'readFileSync');
    syncBuiltinESMExports();
    let fonts: string[];
    try {
      await toPdf(doc);
      fonts = reads.mock.calls.map(([file]) => basename(String(file))).filter((f) => f.endsWith('.ttf'));
    } finally {
      reads.mockRestore();
      syncBuiltinESMExports();
    }
    expect(fonts.sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf']);
  });

  it('keeps a section together on the next page rather than splitting it', async () => {
    const filler = (n: number) => ({
      heading: `Section ${n}`,
      blocks: [{ kind: 'list' as const, items: Array.from({ length: 12 }, (_, i) => `Item ${n}.${i} with some words to fill the line`) }],
    });
    const bytes = await toPdf({ title: 'Long', sections: [1, 2, 3, 4, 5].map(filler) });
    const file = join(tempDir(), 'long.pdf');
    writeFileSync(file, bytes);
    const pages = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.split('\f');
    expect(pages.length - 1).toBeGreaterThan(1);
    for (const n of [1, 2, 3, 4, 5]) {
      const holding = pages.filter((p) => p.includes(`Item ${n}.`));
      expect(holding, `section ${n}`).toHaveLength(1);
      expect(holding[0]).toContain(`Section ${n}`);
    }
    expect(pages[0]).toMatch(/Long · 1 of \d/);
  });
});

describe('name tags', () => {
  /** Each word pdftotext finds, with its box in points (y grows downwards). */
  function words(file: string): Array<{ text: string; xMin: number; xMax: number; yMin: number; yMax: number }> {
    const html = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).stdout;
    return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!,
    }));
  }

  it('keeps a long name readable: smaller down to a floor, then wrapped at a hyphen or cut into pieces, the organisation below it', async () => {
    const org = 'Riverside Immigrant Resource Centre';
    const tags = ['Ana', 'Thiruvengadam', 'Hannelore-Friederike', 'Maximilianstraßenbahnfahrer'];
    const file = join(tempDir(), 'tags.pdf');
    writeFileSync(file, await nametagsPdf('Circle', tags.map((tag) => ({ tag, name: tag, organization: org, guest: false }))));
    const all = words(file);
    const tagWidth = (TAG.widthMm * 72) / 25.4;
    const height = (w: { yMin: number; yMax: number }) => w.yMax - w.yMin;
    const ana = all.find((w) => w.text === 'Ana')!;
    const shown = (text: string) => {
      const hit = all.find((w) => w.text === text);
      expect(hit, text).toBeDefined();
      expect(hit!.xMax - hit!.xMin).toBeLessThan(tagWidth);
      // Never under NAME_MIN_PT (pdftotext's box is about 1.2 em tall), and never half of Ana's.
      expect(height(hit!)).toBeGreaterThanOrEqual(NAME_MIN_PT);
      expect(height(hit!)).toBeGreaterThan(height(ana) / 2 + 4);
      return hit!;
    };
    shown('Thiruvengadam'); // smaller, one line
    const [first, second] = [shown('Hannelore-'), shown('Friederike')]; // wrapped at its hyphen
    expect(second.yMin).toBeGreaterThanOrEqual(first.yMax - 1);
    shown('Maximilianstra-');
    shown('ßenbahnfahrer');
    for (const w of all.filter((x) => x.text === 'Riverside')) expect(w.yMax - w.yMin).toBeLessThan(15);
  });

  it('picks the largest size that fits, wraps past the floor, and cuts only what three lines cannot hold', () => {
    const widthAt = (text: string, size: number) => [...text].length * size * 0.6;
    expect(fitName('Ana', 200, widthAt)).toEqual({ lines: ['Ana'], size: 40 });
    expect(fitName('x'.repeat(13), 200, widthAt)).toEqual({ lines: ['x'.repeat(13)], size: 25 });
    expect(fitName('Anna-Lena', 100, widthAt)).toEqual({ lines: ['Anna-', 'Lena'], size: 33 });
    expect(fitName('x'.repeat(20), 200, widthAt)).toEqual({ lines: ['x'.repeat(10) + '-', 'x'.repeat(10)], size: 30 });
    const cut = fitName('x'.repeat(80), 200, widthAt);
    expect(cut.size).toBe(NAME_MIN_PT);
    expect(cut.lines).toHaveLength(3);
    expect(cut.lines[2]).toMatch(/^x+…$/);
    for (const line of cut.lines) expect(widthAt(line, cut.size)).toBeLessThanOrEqual(200);
  });
});

describe('practiceText', () => {
  it('labels a report with the same words as the minutes, and prints each answer on one line', async () => {
    const { Chalk } = await import('chalk');
    const link = {
      made: { date: '2026-09-22', number: 5 },
      commitment: 'Keep  Fridays\n  clear',
      private: false,
      status: 'followed_up' as const,
      followedAt: { date: '2026-10-20', number: 6 },
      absences: 0,
      report: { private: false, said: [{ field: 'disappointing', text: 'Two Fridays\nwent to a grant report.' }, { field: 'new_issues', text: 'Board  timing' }] },
    };
    const text = practiceText([{ member: 'Amara', links: [link], counts: { made: 1, followedUp: 1, silent: 0, missed: 0, open: 0, due: 1, share: 1 } }] as never, new Chalk({ level: 0 }));
    expect(text).toContain('will practise: Keep Fridays clear');
    expect(text).toContain(`       ${labelOf('reflect', 'disappointing').toLowerCase()}: Two Fridays went to a grant report.`);
    expect(text).toContain('       disappointing or frustrating: Two Fridays went to a grant report.');
    expect(text).toContain('       new issues: Board timing');
    expect(text).toContain('1 of 1 commitment followed up');
  });
});

describe('oneLine', () => {
  it('gives every run of white space as one space, whatever the characters', async () => {
    const { oneLine } = await import('../../src/render/document.js');
    for (const [text, want] of [
      [' plain text ', 'plain text'],
      ['two  spaces', 'two spaces'],
      ['a\nb\tc\u2003e\u3000f', 'a b c e f'],
      // A no-break space holds French punctuation to its word.
      ['Et ensuite\u00a0? Oui\u202f!', 'Et ensuite\u00a0? Oui\u202f!'],
      ['', ''],
    ]) expect(oneLine(text!)).toBe(want);
  });
});
