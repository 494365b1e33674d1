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
/** Smallest size for the name, just above the organisation's 10 pt; a name wider than that is cut with an ellipsis. */
export const NAME_MIN_PT = 11;
const PAD_MM = 6;

function pages<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += PER_PAGE) out.push(items.slice(i, i + PER_PAGE));
  return out;
}

/** A name size that fits the tag's width, from an average bold glyph width of 0.7 em. */
function namePt(tag: string): number {
  const width = (TAG.widthMm - 2 * PAD_MM) * PT_PER_MM;
  return Math.min(NAME_PT, Math.floor(width / (0.7 * Math.max(1, [...tag].length))));
}

export function nametagsHtml(circle: string, tags: readonly NameTag[]): string {
  const css = `${PRINT_CSS}
@page { margin: 12mm; }
body { max-width: none; padding: 0; }
.sheet { display: grid; grid-template-columns: repeat(${TAG.columns}, ${TAG.widthMm}mm); grid-auto-rows: ${TAG.heightMm}mm; justify-content: center; break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.tag { border: 1px dashed #888; margin: -0.5px; padding: ${PAD_MM}mm; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; position: relative; overflow: hidden; break-inside: avoid; }
.circle { position: absolute; top: 3mm; left: 0; right: 0; font-size: 7pt; color: #666; }
.name { font-weight: bold; line-height: 1.1; white-space: nowrap; }
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
  return htmlPage(t('nametags.title', { circle }), css, body);
}

/**
 * The name on one line within `width`: the largest size from NAME_PT down to NAME_MIN_PT
 * at which it fits, else NAME_MIN_PT with the name cut and an ellipsis. `widthAt` measures
 * the text at a size (pdfkit's widthOfString with the bold font).
 */
export function fitName(name: string, width: number, widthAt: (text: string, size: number) => number): { text: string; size: number } {
  for (let size = NAME_PT; size >= NAME_MIN_PT; size -= 1) {
    if (widthAt(name, size) <= width) return { text: name, size };
  }
  const chars = [...name];
  let keep = chars.length - 1;
  while (keep > 1 && widthAt(`${chars.slice(0, keep).join('').trimEnd()}…`, NAME_MIN_PT) > width) keep -= 1;
  return { text: `${chars.slice(0, keep).join('').trimEnd()}…`, size: NAME_MIN_PT };
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
      const nameHeight = pdf.font('bold').fontSize(name.size).heightOfString(name.text, { width: inner, lineBreak: false });
      const top = y + (h - nameHeight - orgHeight) / 2;
      pdf.font('bold').fontSize(name.size).fillColor('#000000').text(name.text, x + pad, top, { width: inner, align: 'center', lineBreak: false });
      if (t.organization) {
        pdf.font('regular').fontSize(orgSize).fillColor('#333333').text(t.organization, x + pad, top + nameHeight + 6, { width: inner, align: 'center', height: orgHeight });
      }
    });
  });
  return pdfBytes(pdf);
}
