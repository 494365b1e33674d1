// A PrintDocument as Markdown: headings, lists and paragraphs; text is escaped so a
// name or note can never turn into markup.
import { labelPart, oneLine, paragraphsOf, type Block, type PrintDocument } from './document.js';

/** Escape what Markdown would read as markup, inline and at the start of a line. */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(#|[-+=]|\d+(?=[.)]))/, (c) => (/^\d/.test(c) ? `${c}\\` : `\\${c}`));
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return paragraphsOf(b.text)
        .map((p) => (b.muted ? `_${escapeMarkdown(p)}_` : escapeMarkdown(p)))
        .join('\n\n');
    case 'subheading':
      return `### ${escapeMarkdown(b.text)}`;
    case 'list':
      return b.items
        .map((item, i) => {
          const mark = b.ordered ? `${i + 1}.` : '-';
          const text = typeof item === 'string' ? escapeMarkdown(item) : `**${escapeMarkdown(labelPart(item.label).trimEnd())}** ${escapeMarkdown(item.text)}`;
          return `${mark} ${text}`;
        })
        .join('\n');
  }
}

export function toMarkdown(doc: PrintDocument): string {
  const parts: string[] = [`# ${escapeMarkdown(doc.title)}`];
  if (doc.subtitle?.length) parts.push(doc.subtitle.map((line) => `**${escapeMarkdown(line)}**`).join('  \n'));
  for (const b of doc.intro ?? []) parts.push(block(b));
  for (const section of doc.sections) {
    parts.push(`## ${escapeMarkdown(section.heading)}${section.aside ? ` · ${escapeMarkdown(section.aside)}` : ''}`);
    for (const b of section.blocks) parts.push(block(b));
  }
  if (doc.footer) parts.push('---', `_${escapeMarkdown(doc.footer)}_`);
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}
