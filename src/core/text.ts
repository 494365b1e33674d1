// Small helpers for text people type: what a terminal would obey, and how far apart two spellings are.

/** Control characters (terminal escape codes and the like); tab and newline are fine. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const ANY_CONTROL_CHAR = new RegExp(CONTROL_CHARS.source); // without the g flag, safe to reuse
export const hasControlChars = (text: string): boolean => ANY_CONTROL_CHAR.test(text);

/** Edit distance (insertions, deletions, substitutions; swapped neighbours count as one), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** A mail address in its plain form, name@domain.tld: no spaces, brackets, quotes or commas. */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\.]+$/u.test(text) && !hasControlChars(text);
}
