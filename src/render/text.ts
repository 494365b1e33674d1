// A PrintDocument as plain text for `lp` or an email: no markup, wrapped to a width.
import { itemText, paragraphsOf, SPACES, type Block, type PrintDocument } from './document.js';
import { displayWidth } from './width.js';

const TEXT_WIDTH = 78;

/** A paragraph wrapped to `width`, `first` and `rest` before its lines; a word wider than a line is cut across lines. */
export function wrap(text: string, width: number, first = '', rest = ' '.repeat(displayWidth(first))): string[] {
  const fits = (s: string) => displayWidth(s) <= width;
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(SPACES).filter(Boolean)) {
    const joined = empty ? line + word : `${line} ${word}`;
    if (fits(joined)) {
      line = joined;
      empty = false;
      continue;
    }
    if (!empty) {
      lines.push(line);
      line = rest;
    }
    let left = [...word];
    while (!fits(line + left.join(''))) {
      let take = 0;
      while (take < left.length && fits(line + left.slice(0, take + 1).join(''))) take += 1;
      take = Math.max(take, 1); // a prefix as wide as the line still moves on
      lines.push(line + left.slice(0, take).join(''));
      line = rest;
      left = left.slice(take);
    }
    line += left.join('');
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

/** At most 78 columns (for lp and e-mail), or `screen` when that is narrower. */
export function toText(doc: PrintDocument, screen?: number): string {
  const width = Math.min(TEXT_WIDTH, screen ?? TEXT_WIDTH);
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
