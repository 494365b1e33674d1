// Name tags laid out to cut from a sheet: 2 × 4 tags of 90 × 60 mm, a grid that fits
// both A4 and Letter. The first name big and bold, the organisation small.
import type { NameTag } from '../core/nametags.js';
import { t } from '../core/words.js';
import { escapeHtml, htmlPage, PRINT_CSS } from './html.js';

export const TAG = { columns: 2, rows: 4, widthMm: 90, heightMm: 60 } as const;
const PER_PAGE = TAG.columns * TAG.rows;
const PT_PER_MM = 72 / 25.4;
/** Largest size for the name, in points; long names get smaller to fit the width. */
const NAME_PT = 40;
/** Smallest size for the name: still read across a room (a name wider than this wraps, at most onto 3 lines). */
export const NAME_MIN_PT = 24;
const MAX_LINES = 3;
const PAD_MM = 6;

function pages<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += PER_PAGE) out.push(items.slice(i, i + PER_PAGE));
  return out;
}

/** A name size for the HTML tag, from an average bold glyph width of 0.7 em; a longer name wraps. */
function namePt(tag: string): number {
  const width = (TAG.widthMm - 2 * PAD_MM) * PT_PER_MM;
  return Math.max(NAME_MIN_PT, Math.min(NAME_PT, Math.floor(width / (0.7 * Math.max(1, [...tag].length)))));
}

export function nametagsHtml(circle: string, tags: readonly NameTag[]): string {
  const css = `${PRINT_CSS}
@page { margin: 12mm; }
body { max-width: none; padding: 0; }
.sheet { display: grid; grid-template-columns: repeat(${TAG.columns}, ${TAG.widthMm}mm); grid-auto-rows: ${TAG.heightMm}mm; justify-content: center; break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.tag { border: 1px dashed #888; margin: -0.5px; padding: ${PAD_MM}mm; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; position: relative; overflow: hidden; break-inside: avoid; }
.circle { position: absolute; top: 3mm; left: 0; right: 0; font-size: 7pt; color: #666; }
.name { font-weight: bold; line-height: 1.1; overflow-wrap: anywhere; hyphens: auto; }
.org { margin-top: 2mm; font-size: 10pt; color: #333; }
`;
  const tag = (t: NameTag) =>
    `<div class="tag"><div class="circle">${escapeHtml(circle)}</div>` +
    `<div class="name" style="font-size: ${namePt(t.tag)}pt">${escapeHtml(t.tag)}</div>` +
    (t.organization ? `<div class="org">${escapeHtml(t.organization)}</div>` : '') +
    '</div>';
  const body = pages(tags)
    .map((page) => `<div class="sheet">\n${page.map(tag).join('\n')}\n</div>`)
    .join('\n');
  return htmlPage(t('nametags.title', { circle }), `<style>${css}</style>`, body);
}

/** `name` in two lines at the space or hyphen nearest its middle; undefined when it has none. */
function atBreak(name: string): string[] | undefined {
  const chars = [...name];
  let best: number | undefined;
  chars.forEach((ch, i) => {
    if ((ch === ' ' || ch === '-') && i > 0 && i < chars.length - 1 && (best === undefined || Math.abs(i - chars.length / 2) < Math.abs(best - chars.length / 2))) best = i;
  });
  if (best === undefined) return undefined;
  const cut = chars[best] === '-' ? best + 1 : best; // a hyphen stays at the end of the first line
  return [chars.slice(0, cut).join('').trim(), chars.slice(cut).join('').trim()];
}

/** `name` cut into `n` even pieces, each but the last ending in a hyphen. */
function pieces(name: string, n: number): string[] {
  const chars = [...name];
  const per = Math.ceil(chars.length / n);
  return Array.from({ length: n }, (_, i) => chars.slice(i * per, (i + 1) * per).join('')).map((p, i, all) => (i < all.length - 1 && !p.endsWith('-') ? `${p}-` : p));
}

/**
 * The name within `width` at a size it can be read at: the largest from NAME_PT down to
 * NAME_MIN_PT on one line or, wider, in two at a space or hyphen; else cut into two or three
 * pieces; past that, the last piece ends with an ellipsis. `widthAt` measures the text at a
 * size (pdfkit's widthOfString with the bold font).
 */
export function fitName(name: string, width: number, widthAt: (text: string, size: number) => number): { lines: string[]; size: number } {
  const fits = (lines: readonly string[], size: number) => lines.every((l) => widthAt(l, size) <= width);
  const largest = (options: Array<string[] | undefined>) => {
    for (let size = NAME_PT; size >= NAME_MIN_PT; size -= 1) {
      const lines = options.find((o) => o && fits(o, size));
      if (lines) return { lines, size };
    }
    return undefined;
  };
  const found = largest([[name], atBreak(name)]) ?? largest([pieces(name, 2)]) ?? largest([pieces(name, MAX_LINES)]);
  if (found) return found;
  // Too long for three even pieces: each line takes what fits, the last ends with an ellipsis.
  const chars = [...name];
  const lines: string[] = [];
  const longest = (from: number, end: string) => {
    let k = chars.length - from;
    while (k > 1 && widthAt(`${chars.slice(from, from + k).join('')}${end}`, NAME_MIN_PT) > width) k -= 1;
    return k;
  };
  let at = 0;
  while (lines.length < MAX_LINES - 1) {
    const k = longest(at, '-');
    lines.push(`${chars.slice(at, (at += k)).join('')}-`);
  }
  return { lines: [...lines, `${chars.slice(at, at + longest(at, '…')).join('')}…`], size: NAME_MIN_PT };
}

export async function nametagsPdf(circle: string, tags: readonly NameTag[]): Promise<Buffer> {
  const { createPdf, pdfBytes } = await import('./pdf.js');
  const pdf = createPdf(t('nametags.title', { circle }), { margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  const w = TAG.widthMm * PT_PER_MM;
  const h = TAG.heightMm * PT_PER_MM;
  const pad = PAD_MM * PT_PER_MM;
  pages(tags).forEach((page, p) => {
    if (p > 0) pdf.addPage();
    // The grid centred on the page: on A4 it stays inside a Letter sheet printed at actual size.
    const x0 = (pdf.page.width - TAG.columns * w) / 2;
    const y0 = (pdf.page.height - TAG.rows * h) / 2;
    page.forEach((t, i) => {
      const x = x0 + (i % TAG.columns) * w;
      const y = y0 + Math.floor(i / TAG.columns) * h;
      pdf.rect(x, y, w, h).lineWidth(0.5).dash(4, { space: 3 }).strokeColor('#888888').stroke().undash();
      pdf.font('regular').fontSize(7).fillColor('#666666').text(circle, x + pad, y + 8, { width: w - 2 * pad, align: 'center', lineBreak: false, ellipsis: true });
      const inner = w - 2 * pad;
      const name = fitName(t.tag, inner, (text, size) => pdf.font('bold').fontSize(size).widthOfString(text));
      const orgSize = 10;
      const orgHeight = t.organization ? pdf.font('regular').fontSize(orgSize).heightOfString(t.organization, { width: inner }) + 6 : 0;
      const lineHeight = pdf.font('bold').fontSize(name.size).heightOfString('Ag', { width: inner, lineBreak: false });
      const nameHeight = lineHeight * name.lines.length;
      const top = y + (h - nameHeight - orgHeight) / 2;
      name.lines.forEach((line, n) => {
        pdf.font('bold').fontSize(name.size).fillColor('#000000').text(line, x + pad, top + n * lineHeight, { width: inner, align: 'center', lineBreak: false });
      });
      if (t.organization) {
        pdf.font('regular').fontSize(orgSize).fillColor('#333333').text(t.organization, x + pad, top + nameHeight + 6, { width: inner, align: 'center', height: orgHeight });
      }
    });
  });
  return pdfBytes(pdf);
}
