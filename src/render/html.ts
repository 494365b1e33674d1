// A PrintDocument as one self-contained HTML file with print CSS: prints on A4 or
// Letter (the printer's paper). A long section runs on to the next page rather than
// leaving half a page empty; a heading stays with the lines under it, a list item whole.
import { labelPart, oneLine, paragraphsOf, type Block, type PrintDocument } from './document.js';
import { words } from '../core/words.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Print styles shared by every printed page (agenda, minutes, name tags add their own); on paper, the PDF's 10 pt. */
export const PRINT_CSS = `
@page { size: auto; margin: 18mm 16mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; }
body { margin: 0 auto; max-width: 46em; padding: 1.5em; }
@media print { html { font-size: 10pt; line-height: 1.3; } body { max-width: none; padding: 0; } }
`;

const DOCUMENT_CSS = `
h1 { font-size: 1.7em; margin: 0 0 .2em; }
.subtitle { margin: 0 0 1em; color: #444; }
.subtitle p { margin: 0; }
h2 { font-size: 1.2em; margin: 0 0 .3em; padding-bottom: .15em; border-bottom: 1px solid #999; display: flex; justify-content: space-between; gap: 1em; break-after: avoid; page-break-after: avoid; }
h2 .aside { font-weight: normal; color: #444; white-space: nowrap; }
h3 { font-size: 1em; margin: .8em 0 .2em; break-after: avoid; page-break-after: avoid; }
h2 + *, h3 + * { break-before: avoid; page-break-before: avoid; }
section { margin: 0 0 1.1em; }
p { margin: .3em 0; orphans: 3; widows: 3; }
ul, ol { margin: .3em 0; padding-left: 1.4em; }
li { margin: .15em 0; break-inside: avoid; page-break-inside: avoid; }
.muted { color: #555; font-style: italic; }
footer { margin-top: 1.5em; padding-top: .4em; border-top: 1px solid #999; font-size: .9em; color: #444; }
`;

/** A complete HTML page around a body; `head` adds styles (inline, for a printed page: nothing fetched) or links. */
export function htmlPage(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="${words().language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(oneLine(title))}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return paragraphsOf(b.text)
        .map((p) => `<p${b.muted ? ' class="muted"' : ''}>${escapeHtml(p)}</p>`)
        .join('\n');
    case 'subheading':
      return `<h3>${escapeHtml(oneLine(b.text))}</h3>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const items = b.items.map((item) =>
        typeof item === 'string'
          ? `<li>${escapeHtml(oneLine(item))}</li>`
          : `<li><strong>${escapeHtml(labelPart(item.label).trimEnd())}</strong> ${escapeHtml(oneLine(item.text))}</li>`,
      );
      return `<${tag}>\n${items.join('\n')}\n</${tag}>`;
    }
  }
}

export function toHtml(doc: PrintDocument): string {
  const parts = [`<header>\n<h1>${escapeHtml(oneLine(doc.title))}</h1>`];
  if (doc.subtitle?.length) parts.push(`<div class="subtitle">${doc.subtitle.map((l) => `<p>${escapeHtml(oneLine(l))}</p>`).join('')}</div>`);
  parts.push(...(doc.intro ?? []).map(block), '</header>');
  for (const s of doc.sections) {
    const aside = s.aside ? ` <span class="aside">${escapeHtml(oneLine(s.aside))}</span>` : '';
    parts.push(`<section>\n<h2><span>${escapeHtml(oneLine(s.heading))}</span>${aside}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`);
  }
  if (doc.footer) parts.push(`<footer>${escapeHtml(oneLine(doc.footer))}</footer>`);
  return htmlPage(doc.title, `<style>${PRINT_CSS}${DOCUMENT_CSS}</style>`, parts.join('\n'));
}
