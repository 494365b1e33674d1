// How wide text is on a terminal or in plain text, measured by string-width (emoji
// sequences, CJK and combining marks as terminals draw them), and cutting text to a width.

/**
 * string-width, loaded only for text outside ONE_COLUMN: setting it up (a segmenter and
 * an emoji pattern) and its first call take some 70 ms, more than a whole `history`. Required,
 * not imported, so that the bundle runs it only then (the tests run it the same way).
 */
let measure: ((s: string) => number) | undefined;
const stringWidth = (s: string) => (measure ??= (require('string-width') as typeof import('string-width')).default)(s);

/**
 * Characters string-width gives one column each: printable ASCII; Latin (Vietnamese too),
 * Greek and Cyrillic letters, without combining marks, the soft hyphen, © and ® (which
 * may be emoji); dashes, quotes, bullets and '…'; box drawing and block elements (bars).
 * test/render/width.test.ts holds it to string-width.
 */
const ONE_COLUMN = /^[\u0020-\u007e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1eff\u2010-\u2027\u2500-\u259f]*$/;

/** Columns the text takes on screen. */
export function displayWidth(s: string): number {
  // The common case needs no measuring: names and text in the scripts above.
  return ONE_COLUMN.test(s) ? s.length : stringWidth(s);
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
