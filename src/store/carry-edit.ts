// Keep a person's formatting when the program edits their file. The yaml library
// re-renders a whole document (spacing before comments, for instance, can change),
// so the edit is carried over as a line diff: lines the edit did not touch are
// copied from the original text, byte for byte.

function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A line as compared with the library's rendering: indentation kept, inner spacing folded. */
function loose(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  return indent + line.slice(indent.length).replace(/[ \t]+/g, ' ').trimEnd();
}

/** For each line of `a`, the index of its partner in `b` (longest common subsequence), or -1. */
function align(a: string[], b: string[]): Int32Array | undefined {
  const n = a.length;
  const m = b.length;
  if (n * m > 16_000_000) return undefined;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] =
        a[i] === b[j]
          ? table[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const partner = new Int32Array(n).fill(-1);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) partner[i++] = j++;
    else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return partner;
}

/**
 * `original` is what is on disk, `baseline` the library's rendering of it unedited,
 * `edited` its rendering after the edit. Returns the original with the edit applied.
 */
export function carryEdit(original: string, baseline: string, edited: string): string {
  if (original === baseline) return edited;
  // Compare with a final newline, as the library renders.
  if (original && !original.endsWith('\n')) original += '\n';
  const O = lines(original);
  const B = lines(baseline);
  const E = lines(edited);
  const toO = align(B.map(loose), O.map(loose));
  const toE = align(B, E);
  if (!toO || !toE) return edited;

  // What the edit does to each baseline line: kept or dropped, and lines it inserts before it.
  const inserts: string[][] = Array.from({ length: B.length + 1 }, () => []);
  let e = 0;
  for (let i = 0; i < B.length; i++) {
    if (toE[i]! < 0) continue;
    while (e < toE[i]!) inserts[i]!.push(E[e++]!);
    e++;
  }
  while (e < E.length) inserts[B.length]!.push(E[e++]!);

  const out: string[] = [];
  let o = 0;
  let i = 0;
  while (i < B.length) {
    if (toO[i]! >= 0) {
      // Lines only in the original (before this matched line) are the person's own: keep them.
      while (o < toO[i]!) out.push(O[o++]!);
      out.push(...inserts[i]!);
      if (toE[i]! >= 0) out.push(O[o]!);
      o++;
      i++;
      continue;
    }
    // A run of baseline lines that the original writes differently.
    let end = i;
    while (end < B.length && toO[end]! < 0) end++;
    const nextO = end < B.length ? toO[end]! : O.length;
    const touched = Array.from({ length: end - i }, (_, k) => i + k).some(
      (k) => toE[k]! < 0 || (k > i && inserts[k]!.length > 0),
    );
    out.push(...inserts[i]!);
    if (touched) {
      for (let k = i; k < end; k++) {
        if (k > i) out.push(...inserts[k]!);
        if (toE[k]! >= 0) out.push(B[k]!);
      }
      o = nextO;
    } else {
      while (o < nextO) out.push(O[o++]!);
    }
    i = end;
  }
  while (o < O.length) out.push(O[o++]!);
  out.push(...inserts[B.length]!);
  return out.join('');
}
