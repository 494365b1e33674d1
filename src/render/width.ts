// How wide text is on a terminal or in plain text, measured by string-width (emoji
// sequences, CJK and combining marks as terminals draw them), and cutting text to a width.
import stringWidth from 'string-width';

/** Columns the text takes on screen. */
export function displayWidth(s: string): number {
  // The common case needs no measuring: printable ASCII is one column a character.
  return /^[\x20-\x7e]*$/.test(s) ? s.length : stringWidth(s);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cut text to a display width, whole characters only, with an ellipsis when something was left out. */
export function truncate(s: string, width: number, unicode: boolean): string {
  if (displayWidth(s) <= width) return s;
  const ellipsis = unicode ? '…' : '...';
  const room = width - displayWidth(ellipsis);
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(s)) {
    const w = displayWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out.trimEnd() + ellipsis;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
