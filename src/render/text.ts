// A PrintDocument as plain text for `lp` or an email: no markup, wrapped to a width.
import { itemText, paragraphsOf, type Block, type PrintDocument } from './document.js';
import { displayWidth } from './table.js';

export const TEXT_WIDTH = 78;

/** Wrap one paragraph to `width` columns; `first` and `rest` prefix the first and following lines. */
export function wrap(text: string, width: number, first = '', rest = ' '.repeat(displayWidth(first))): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function block(b: Block, width: number): string[] {
  switch (b.kind) {
    case 'paragraph':
      return paragraphsOf(b.text).flatMap((p, i) => [...(i ? [''] : []), ...wrap(p, width)]);
    case 'subheading':
      return wrap(paragraphsOf(b.text).join(' '), width);
    case 'list': {
      const marks = b.items.map((_, i) => (b.ordered ? `${i + 1}. ` : '- '));
      const indent = Math.max(...marks.map((m) => m.length));
      return b.items.flatMap((item, i) => wrap(itemText(item), width, `  ${marks[i]!.padEnd(indent)}`));
    }
  }
}

function heading(text: string, rule: string, width: number): string[] {
  const lines = wrap(text, width);
  return [...lines, rule.repeat(Math.min(width, Math.max(...lines.map(displayWidth))))];
}

export function toText(doc: PrintDocument, width = TEXT_WIDTH): string {
  const out: string[][] = [heading(doc.title, '=', width)];
  if (doc.subtitle?.length) out.push(doc.subtitle.flatMap((line) => wrap(line, width)));
  for (const b of doc.intro ?? []) out.push(block(b, width));
  for (const section of doc.sections) {
    out.push(heading(section.aside ? `${section.heading} (${section.aside})` : section.heading, '-', width));
    for (const b of section.blocks) out.push(block(b, width));
  }
  if (doc.footer) out.push(['* * *', ...wrap(doc.footer, width)]);
  return `${out.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
