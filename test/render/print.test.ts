// The HTML agenda printed by a real browser (Debian's chromium, headless): on no more
// sheets than circle's own PDF, on Letter and on A4, and never a heading alone at the
// foot of a page.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { circle, makeWorkspace, tempDir } from '../helpers.js';

const CHROMIUM = 'chromium';
const hasChromium = spawnSync(CHROMIUM, ['--version']).status === 0;
const inCI = process.env.CI === 'true';

function pages(pdf: string): number {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info.status, info.stderr).toBe(0);
  return Number(/^Pages:\s+(\d+)/m.exec(info.stdout)![1]);
}

/** Print an HTML file to PDF as a person would from the browser, without the date and URL lines. */
function printWithChromium(html: string, pdf: string): void {
  const r = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${tempDir('circle-chromium-')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      `file://${html}`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(r.status, r.stderr).toBe(0);
}

/** The last line of text on each page but the last. */
function pageEnds(pdf: string, count: number): string[] {
  return Array.from({ length: count - 1 }, (_, i) => {
    const text = spawnSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout;
    return text.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '';
  });
}

const cases = [
  { name: 'the example agenda (meeting 7)', today: '2026-11-10', example: true },
  { name: 'a new circle\'s first-meeting agenda', today: '2026-11-10', example: false },
];

describe.skipIf(!hasChromium && !inCI)('printing the HTML agenda in a browser', () => {
  for (const c of cases) {
    it(`${c.name}: no more sheets than the PDF, on Letter and A4`, () => {
      if (!hasChromium) throw new Error('chromium is required for the print test in CI (apt-get install chromium)');
      const { root } = makeWorkspace({ example: c.example });
      const env = { CIRCLE_TODAY: c.today };
      if (!c.example) {
        expect(circle(['init', 'Eastside Youth Workers', '--yes', '--purpose', 'So that every young person in Eastside has an adult who knows them.'], { cwd: root, env }).code).toBe(0);
      }
      expect(circle(['agenda', '--out', 'agenda.html'], { cwd: root, env }).code).toBe(0);
      expect(circle(['agenda', '--out', 'agenda.pdf'], { cwd: root, env }).code).toBe(0);
      const own = pages(join(root, 'agenda.pdf'));
      const html = readFileSync(join(root, 'agenda.html'), 'utf8');
      const headings = [...html.matchAll(/<h[23]>(?:<span>)?([^<]+)/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
      expect(headings.length).toBeGreaterThan(3);

      for (const paper of ['Letter', 'A4']) {
        // The page's own CSS says `size: auto` (the printer's paper); choose the paper here.
        const file = join(root, `agenda-${paper}.html`);
        writeFileSync(file, html.replace('</head>', `<style>@page { size: ${paper} }</style>\n</head>`));
        const pdf = join(root, `chromium-${paper}.pdf`);
        printWithChromium(file, pdf);
        const printed = pages(pdf);
        expect(printed, `${paper}: chromium printed ${printed} pages, circle's PDF has ${own}`).toBeLessThanOrEqual(own);
        for (const end of pageEnds(pdf, printed)) {
          expect(headings.some((h) => end === h || end.startsWith(`${h}  `)), `${paper}: a page ends with the heading "${end}"`).toBe(false);
        }
      }
    }, 120_000);
  }
});
