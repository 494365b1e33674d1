// How wide text is on a terminal or in plain text, measured by string-width (emoji
// sequences, CJK and combining marks as terminals draw them), and cutting text to a width.

/**
 * string-width, loaded when some text is not plain ASCII: setting it up (a segmenter and
 * an emoji pattern) takes ~35 ms, more than a whole `history` of ASCII text. Required,
 * not imported, so that the bundle runs it only then (the tests run it the same way).
 */
let measure: ((s: string) => number) | undefined;
const stringWidth = (s: string) => (measure ??= (require('string-width') as typeof import('string-width')).default)(s);

/** Columns the text takes on screen. */
export function displayWidth(s: string): number {
  // The common case needs no measuring: printable ASCII is one column a character.
  return /^[\x20-\x7e]*$/.test(s) ? s.length : stringWidth(s);
}

let graphemes: Intl.Segmenter | undefined;

/** Cut text to a display width, whole characters only, with an ellipsis when something was left out. */
export function truncate(s: string, width: number, unicode: boolean): string {
  if (displayWidth(s) <= width) return s;
  const ellipsis = unicode ? '…' : '...';
  const room = width - displayWidth(ellipsis);
  let out = '';
  let used = 0;
  for (const { segment } of (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(s)) {
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
