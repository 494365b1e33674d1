// A PrintDocument as a PDF, with no browser and no network: pdfkit and the DejaVu Sans
// fonts embedded (subset), so Łucja, José, Αλέξης and Юлия print as written.
// Imported only on the pdf path: pdfkit is heavy for a command's start-up.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { t } from '../core/words.js';
import { itemText, labelPart, oneLine, paragraphsOf, type Block, type PrintDocument } from './document.js';

/** Where the build put the two fonts (dist/fonts/, beside this module); unset when running from the sources. */
declare const __CIRCLE_FONTS__: string | undefined;
const fontDir =
  typeof __CIRCLE_FONTS__ === 'string'
    ? fileURLToPath(new URL(__CIRCLE_FONTS__, import.meta.url))
    : join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** A4, its content area (487 × 718 pt) within a Letter sheet (612 × 792 pt) too: the same file prints on either paper. */
const PAGE = { size: 'A4', margins: { top: 62, bottom: 62, left: 54, right: 54 } } as const;

type Pdf = PDFKit.PDFDocument;

/** A new document with the fonts registered as "regular" and "bold". */
export function createPdf(title: string, options: { margins?: PDFKit.Mixins.ExpandedSides<number> } = {}): Pdf {
  const pdf = new PDFDocument({
    size: PAGE.size,
    margins: options.margins ?? PAGE.margins,
    // No default font: one opened by its path would be opened (read and parsed) again on
    // every font('regular'), as pdfkit caches the name only for a font not already open.
    font: null as never,
    bufferPages: true,
    info: { Title: title, Creator: 'circle' },
    lang: 'en',
  });
  pdf.registerFont('regular', join(fontDir, 'DejaVuSans.ttf'));
  pdf.registerFont('bold', join(fontDir, 'DejaVuSans-Bold.ttf'));
  return pdf.font('regular');
}

/** Finish the document and collect its bytes. */
export function pdfBytes(pdf: Pdf): Promise<Buffer> {
  const bytes = buffer(pdf);
  pdf.end();
  return bytes;
}

const INK = '#111111';
const GREY = '#555555';
const RULE = '#999999';
const BODY = 9.5;
const LINE_GAP = 1;
const BULLET = 14;

/** One printed piece: a line or paragraph of one style, possibly a list item. */
interface Piece {
  text: string;
  font: 'regular' | 'bold';
  size: number;
  color: string;
  /** Space above, in points. */
  gap: number;
  /** List mark ("•", "3."), printed in the hanging indent. */
  mark?: string;
  /** A bold label before the text ("José: …"). */
  label?: string;
  /** Never the last thing on a page (a subheading). */
  withNext?: boolean;
}

function pieces(b: Block): Piece[] {
  switch (b.kind) {
    case 'paragraph':
      return paragraphsOf(b.text).map((text) => ({ text, font: 'regular', size: BODY, color: b.muted ? GREY : INK, gap: 4 }));
    case 'subheading':
      return [{ text: oneLine(b.text), font: 'bold', size: BODY, color: INK, gap: 7, withNext: true }];
    case 'list':
      return b.items.map((item, i) => ({
        text: typeof item === 'string' ? itemText(item) : oneLine(item.text),
        ...(typeof item === 'string' ? {} : { label: labelPart(item.label) }),
        font: 'regular',
        size: BODY,
        color: INK,
        gap: i === 0 ? 4 : 2,
        mark: b.ordered ? `${i + 1}.` : '•',
      }));
  }
}

const HEADING = 13;

/** Number the pages ("Title · 1 of 2", in the language) when there is more than one. */
function pageNumbers(pdf: Pdf, title: string): void {
  const range = pdf.bufferedPageRange();
  if (range.count < 2) return;
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const { margins } = pdf.page;
    const bottom = margins.bottom;
    margins.bottom = 0; // writing in the margin must not start a new page
    pdf
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(t('document.page', { title: oneLine(title), page: i - range.start + 1, count: range.count }), margins.left, pdf.page.height - bottom + 18, {
        width: pdf.page.width - margins.left - margins.right,
        align: 'right',
        lineBreak: false,
      });
    margins.bottom = bottom;
  }
}

export async function toPdf(doc: PrintDocument): Promise<Buffer> {
  const pdf = createPdf(oneLine(doc.title));
  // Every page has the same margins.
  const { left, right, top, bottom } = pdf.page.margins;
  const width = pdf.page.width - left - right;
  const foot = pdf.page.height - bottom;
  const height = (p: Piece) =>
    p.gap + pdf.font(p.font).fontSize(p.size).heightOfString((p.label ?? '') + p.text, { width: width - (p.mark ? BULLET : 0), lineGap: LINE_GAP });
  const draw = (p: Piece) => {
    pdf.y += p.gap;
    const x = left + (p.mark ? BULLET : 0);
    const inner = width - (p.mark ? BULLET : 0);
    if (p.mark) pdf.font('regular').fontSize(p.size).fillColor(GREY).text(p.mark, left, pdf.y, { lineBreak: false });
    if (p.label) {
      pdf.font('bold').fontSize(p.size).fillColor(p.color).text(p.label, x, pdf.y, { width: inner, lineGap: LINE_GAP, continued: true });
      pdf.font(p.font).text(p.text, { lineGap: LINE_GAP });
    } else {
      pdf.font(p.font).fontSize(p.size).fillColor(p.color).text(p.text, x, pdf.y, { width: inner, lineGap: LINE_GAP });
    }
  };
  /** A new page when `h` does not fit what is left of this one but fits a fresh page. */
  const keep = (h: number) => {
    if (pdf.y + h > foot && h <= foot - top) pdf.addPage();
  };
  const rule = () => {
    const y = pdf.y + 2;
    pdf.moveTo(left, y).lineTo(left + width, y).lineWidth(0.6).strokeColor(RULE).stroke();
    pdf.y = y + 3;
  };

  pdf.font('bold').fontSize(20).fillColor(INK).text(oneLine(doc.title), { width });
  for (const line of doc.subtitle ?? []) {
    pdf.font('regular').fontSize(11).fillColor(GREY).text(oneLine(line), { width, lineGap: LINE_GAP });
  }
  for (const p of (doc.intro ?? []).flatMap(pieces)) draw(p);
  pdf.moveDown(0.6);

  for (const section of doc.sections) {
    const body = section.blocks.flatMap(pieces);
    const headingHeight = 10 + pdf.font('bold').fontSize(HEADING).heightOfString(oneLine(section.heading), { width: width * 0.7 }) + 5;
    const heights = body.map(height);
    const total = headingHeight + heights.reduce((a, b) => a + b, 0);
    // A section up to a third of a page moves whole to the next page; a longer one
    // fills the page first, breaking only between pieces.
    const whole = total <= (foot - top) / 3;
    keep(whole ? total : headingHeight + (heights[0] ?? 0) + (body[0]?.withNext ? (heights[1] ?? 0) : 0));
    pdf.y += 10;
    const at = pdf.y;
    if (section.aside) {
      pdf.font('regular').fontSize(BODY).fillColor(GREY).text(oneLine(section.aside), left, at + 2, { width, align: 'right', lineBreak: false });
    }
    pdf.font('bold').fontSize(HEADING).fillColor(INK).text(oneLine(section.heading), left, at, { width: width * 0.7 });
    rule();
    body.forEach((p, i) => {
      // A subheading stays with what follows it; a paragraph or list item is never split.
      if (!whole) keep(heights[i]! + (p.withNext ? (heights[i + 1] ?? 0) : 0));
      draw(p);
    });
  }

  if (doc.footer) {
    const footer: Piece = { text: oneLine(doc.footer), font: 'regular', size: 9, color: GREY, gap: 4 };
    keep(20 + height(footer));
    pdf.y += 10;
    rule();
    draw(footer);
  }
  pageNumbers(pdf, doc.title);
  return pdfBytes(pdf);
}
