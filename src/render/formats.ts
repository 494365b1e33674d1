// One PrintDocument, four formats. Each renderer is loaded only when asked for, so
// pdfkit and its fonts stay out of every other path.
import type { PrintDocument } from './document.js';

export const DOCUMENT_FORMATS = ['markdown', 'text', 'html', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Text for markdown, text and html; bytes for pdf. Plain text is narrowed to `screenWidth` when given. */
export async function renderDocument(doc: PrintDocument, format: DocumentFormat, screenWidth?: number): Promise<string | Buffer> {
  switch (format) {
    case 'markdown':
      return (await import('./markdown.js')).toMarkdown(doc);
    case 'text':
      return (await import('./text.js')).toText(doc, screenWidth);
    case 'html':
      return (await import('./html.js')).toHtml(doc);
    case 'pdf':
      return (await import('./pdf.js')).toPdf(doc);
  }
}
