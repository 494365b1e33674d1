// Small helpers for text people type: what a terminal would obey, and how far apart two spellings are.

/** Control characters (terminal escape codes and the like); tab and newline are fine. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const ANY_CONTROL_CHAR = new RegExp(CONTROL_CHARS.source); // without the g flag, safe to reuse
export const hasControlChars = (text: string): boolean => ANY_CONTROL_CHAR.test(text);

/** Edit distance (insertions, deletions, substitutions; swapped neighbours count as one), for "did you mean". */
export function editDistance(a: string, b: string): number {
  // Three rows of the table: two back (for swapped neighbours), the last one, this one.
  let before = new Array<number>(b.length + 1).fill(0);
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row[j] = best;
    }
    [before, last, row] = [last, row, before];
  }
  return last[b.length]!;
}

/** A mail address in its plain form, name@domain.tld: no spaces, brackets, quotes or commas. */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\.]+$/u.test(text) && !hasControlChars(text);
}
