// Keep a person's formatting when the program edits their file. The yaml library
// re-renders a whole document (spacing before comments, for instance, can change),
// so the edit is carried over as a line diff: lines the edit did not touch are
// copied from the original text, byte for byte.
import { diffArrays } from 'diff';

function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A line as compared with the library's rendering: indentation kept, inner spacing folded. */
function loose(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  return indent + line.slice(indent.length).replace(/[ \t]+/g, ' ').trimEnd();
}

/** For each line of `a`, its partner's index in `b` (jsdiff's Myers diff) or -1; undefined when too many lines differ to carry over. */
function align(a: string[], b: string[]): Int32Array | undefined {
  const changes = diffArrays(a, b, { maxEditLength: 4000 });
  if (!changes) return undefined;
  const partner = new Int32Array(a.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const change of changes) {
    if (change.added) j += change.count;
    else if (change.removed) i += change.count;
    else for (let k = 0; k < change.count; k++) partner[i++] = j++;
  }
  return partner;
}

/** `original` (on disk) with the edit applied: `baseline` is the library's rendering of it unedited, `edited` after the edit. */
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
