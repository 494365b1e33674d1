// One PrintDocument, four formats. Each renderer is loaded only when asked for, so
// pdfkit and its fonts stay out of every other path.
import type { Block, PrintDocument } from './document.js';

export const DOCUMENT_FORMATS = ['markdown', 'text', 'html', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Text for markdown, text and html; bytes for pdf. Plain text is narrowed to `screenWidth` when given. */
export async function renderDocument(given: PrintDocument, format: DocumentFormat, screenWidth?: number): Promise<string | Buffer> {
  const doc = inParagraphs(given);
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

/**
 * Text of several lines (notes, the purpose, answered line by line) as paragraphs, one a
 * line: a paragraph becomes several; a list item keeps its first line and the others
 * follow the list's items so far as paragraphs, the rest of the list after them.
 */
function inParagraphs(doc: PrintDocument): PrintDocument {
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  const split = (blocks: Block[]): Block[] =>
    blocks.flatMap((b): Block[] => {
      if (b.kind === 'paragraph') return b.text.includes('\n') ? lines(b.text).map((text) => ({ ...b, text })) : [b];
      if (b.kind !== 'list') return [b];
      const out: Block[] = [];
      let items: typeof b.items = [];
      for (const item of b.items) {
        const text = typeof item === 'string' ? item : item.text;
        if (!text.includes('\n')) {
          items.push(item);
          continue;
        }
        const [first = '', ...more] = lines(text);
        items.push(typeof item === 'string' ? first : { ...item, text: first });
        out.push({ ...b, items }, ...more.map((t): Block => ({ kind: 'paragraph', text: t })));
        items = [];
      }
      return items.length || !out.length ? [...out, { ...b, items }] : out;
    });
  return { ...doc, ...(doc.intro && { intro: split(doc.intro) }), sections: doc.sections.map((s) => ({ ...s, blocks: split(s.blocks) })) };
}
