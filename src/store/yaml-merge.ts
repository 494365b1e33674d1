// A three-way merge of two edits to one YAML file, made on the documents rather than
// on lines: mappings merge key by key, lists of people, answers or sections item by
// item (by name, member, id or topic), lists of plain values as sets. Comments travel with what they are
// attached to. Only a place both sides changed, each differently, is a conflict.
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { nameKey } from '../core/names.js';

/** Which side a conflicted place takes: one rendering per side marks the conflicts. */
type Side = 'base' | 'ours' | 'theirs';

interface Merge {
  side: Side;
  /** Where the two edits disagree, e.g. "purpose" or "members[Ana Souza].organization". */
  conflicts: string[];
}

/** Everything about a node that a person could have edited: value, comments, style. */
function signature(node: unknown): unknown {
  if (isPair(node)) return [signature(node.key), signature(node.value)];
  if (!isNode(node)) return node ?? null;
  const own = { cb: node.commentBefore ?? null, c: node.comment ?? null, sb: Boolean(node.spaceBefore) };
  if (isScalar(node)) return { ...own, v: node.value, t: node.type ?? null };
  if (isAlias(node)) return { ...own, a: node.source };
  return { ...own, flow: Boolean(node.flow), items: (node as YAMLMap | YAMLSeq).items.map(signature) };
}

const same = (x: unknown, y: unknown) => isDeepStrictEqual(signature(x), signature(y));
const copy = <T>(x: T): T => (isNode(x) || isPair(x) ? (x.clone() as T) : x);

/** A collection's own comments: theirs when ours left them as they were. */
function mergeOwnComments(o: unknown, a: YAMLMap | YAMLSeq, b: YAMLMap | YAMLSeq): void {
  const base = isNode(o) ? o : undefined;
  if ((a.commentBefore ?? null) === (base?.commentBefore ?? null)) a.commentBefore = b.commentBefore;
  if ((a.comment ?? null) === (base?.comment ?? null)) a.comment = b.comment;
}

/** The merged value of one place: `a` (merged in place) or a copy of `b` (or of `o`). */
function mergeValue(o: unknown, a: unknown, b: unknown, where: string, m: Merge): unknown {
  if (same(a, b) || same(o, b)) return a;
  if (same(o, a)) return copy(b);
  if (isMap(a) && isMap(b)) {
    mergeOwnComments(o, a, b);
    mergeMap(isMap(o) ? o : undefined, a, b, where, m);
    return a;
  }
  if (isSeq(a) && isSeq(b) && mergeSeq(isSeq(o) ? o : undefined, a, b, where, m)) return a;
  m.conflicts.push(where || 'the whole file');
  return m.side === 'ours' ? a : copy(m.side === 'theirs' ? b : o);
}

const keyText = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : String(p.key));
const join = (where: string, key: string) => (where && !key.startsWith('[') ? `${where}.${key}` : `${where}${key}`);

/** Items keyed by `id`, and where a kept item of `b` goes in `a`'s order. */
interface Keyed<T> {
  id(item: T): string;
  label(item: T): string;
}

/**
 * The common walk of mappings (by key) and lists (by identity). `items` of `a` is
 * changed in place; an item only `b` added goes after the item it follows in `b`,
 * and after anything `a` added at that spot (what was there first stays first).
 */
function mergeItems<T>(o: T[] | undefined, a: T[], b: T[], keyed: Keyed<T>, where: string, m: Merge, merge: (o: T | undefined, a: T, b: T, where: string) => T): void {
  const index = (items: T[] | undefined) => new Map((items ?? []).map((item) => [keyed.id(item), item]));
  const O = index(o);
  const B = index(b);
  const ids = [...new Set([...a.map(keyed.id), ...B.keys()])];
  const inA = () => new Map(a.map((item, i) => [keyed.id(item), i]));

  for (const id of ids) {
    const at = inA().get(id);
    const ia = at === undefined ? undefined : a[at]!;
    const ib = B.get(id);
    const io = O.get(id);
    const here = join(where, keyed.label((ia ?? ib)!));
    if (ia !== undefined && ib !== undefined) {
      a[at!] = merge(io, ia, ib, here);
    } else if (ia !== undefined) {
      if (io === undefined) continue; // ours added it
      if (same(io, ia)) a.splice(at!, 1); // theirs removed it, ours left it alone
      else {
        // Ours changed what theirs removed: the base rendering keeps the original, so
        // that git sees three different versions and marks the place.
        const side = conflict(m, here);
        if (side === 'base') a[at!] = copy(io);
        else if (side === 'theirs') a.splice(at!, 1);
      }
    } else if (ib !== undefined) {
      if (io !== undefined && same(io, ib)) continue; // ours removed it, theirs left it alone
      const side = io === undefined ? 'theirs' : conflict(m, here);
      if (side === 'ours') continue;
      // Theirs added it (or changed what ours removed): after its predecessor in theirs.
      const before = b.slice(0, b.indexOf(ib)).reverse().find((x) => inA().has(keyed.id(x)));
      let pos = before === undefined ? 0 : inA().get(keyed.id(before))! + 1;
      while (pos < a.length && !O.has(keyed.id(a[pos]!)) && !B.has(keyed.id(a[pos]!))) pos++;
      a.splice(pos, 0, copy(side === 'base' ? io! : ib));
    }
  }
}

function conflict(m: Merge, where: string): Side {
  m.conflicts.push(where);
  return m.side;
}

function mergeMap(o: YAMLMap | undefined, a: YAMLMap, b: YAMLMap, where: string, m: Merge): void {
  mergeItems(o?.items as Pair[] | undefined, a.items as Pair[], b.items as Pair[], { id: keyText, label: keyText }, where, m, (po, pa, pb, here) => {
    // The key carries the comment above the entry.
    if (same(po?.key, pa.key) && !same(pa.key, pb.key)) pa.key = copy(pb.key);
    pa.value = mergeValue(po?.value, pa.value, pb.value, here, m);
    return pa;
  });
}

/** How the items of a list are told apart, when they can be. */
function identity(lists: unknown[][]): Keyed<unknown> | undefined {
  const unique = (id: (x: unknown) => string | undefined) => lists.every((l) => {
    const ids = l.map(id);
    return ids.every((x) => x !== undefined) && new Set(ids).size === ids.length;
  });
  // Members by name, answers in the minutes by member, sections by id, requests by topic.
  for (const field of ['name', 'member', 'id', 'topic']) {
    const id = (x: unknown) => {
      const v = isMap(x) ? x.get(field) : undefined;
      return typeof v === 'string' ? (field === 'name' || field === 'member' ? nameKey(v) : v) : undefined;
    };
    if (unique(id)) return { id: (x) => id(x)!, label: (x) => `[${(x as YAMLMap).get(field) as string}]` };
  }
  const scalar = (x: unknown) => (isScalar(x) ? JSON.stringify(x.value) : undefined);
  if (unique(scalar)) return { id: (x) => scalar(x)!, label: (x) => `[${String((x as { value: unknown }).value)}]` };
  return undefined;
}

/** False when the list cannot be merged item by item (the caller records a conflict). */
function mergeSeq(o: YAMLSeq | undefined, a: YAMLSeq, b: YAMLSeq, where: string, m: Merge): boolean {
  const keyed = identity([o?.items ?? [], a.items, b.items]);
  if (!keyed) return false;
  if (!isMap(a.items[0] ?? b.items[0])) {
    // Plain values: both sides replacing the same value (each with their own), or one
    // rewording a value (a new one in its place) that the other dropped, is one place
    // changed two ways, not an addition and a removal.
    const base = (o?.items ?? []).map(keyed.id);
    const [A, B] = [a.items.map(keyed.id), b.items.map(keyed.id)];
    const O = new Set(base);
    const removedByBoth = base.filter((x) => !A.includes(x) && !B.includes(x));
    const added = (side: string[]) => side.some((x) => !O.has(x));
    /** A new value stands where `x` stood in the base (after the nearest value before it that `side` kept). */
    const replaced = (x: string, side: string[]) => {
      const kept = base.slice(0, base.indexOf(x)).reverse().find((y) => side.includes(y));
      const at = kept === undefined ? 0 : side.indexOf(kept) + 1;
      return at < side.length && !O.has(side[at]!);
    };
    if (removedByBoth.length && added(A) && added(B)) return false;
    if (removedByBoth.some((x) => replaced(x, A) || replaced(x, B))) return false;
  }
  mergeOwnComments(o, a, b);
  mergeItems(o?.items, a.items, b.items, keyed, where, m, (io, ia, ib, here) => mergeValue(io, ia, ib, here, m));
  return true;
}

/** Parse as the program reads its files (line endings as LF); undefined when the text is not one clean YAML document. */
function parse(text: string): Document.Parsed | undefined {
  try {
    const doc = parseDocument(text.replace(/\r\n/g, '\n'), { uniqueKeys: true });
    return doc.errors.length ? undefined : doc;
  } catch {
    return undefined;
  }
}

/**
 * Merge two edits of `base`: the conflicts, and one rendering of the merged document per side taken at them (`texts`),
 * rendered by `render` in the style of `ours`; undefined when a version is not readable YAML.
 */
export function mergeYaml(base: string, ours: string, theirs: string, render: (doc: Document.Parsed, original: string) => string) {
  const docs = [base, ours, theirs].map(parse);
  if (docs.some((d) => d === undefined)) return undefined;
  const texts = {} as Record<Side, string>;
  const [o, b] = [docs[0]!, docs[2]!];
  const m: Merge = { side: 'ours', conflicts: [] };
  for (const side of ['ours', 'base', 'theirs'] as const) {
    const a = parse(ours)!; // each side's rendering starts from a fresh copy of ours
    Object.assign(m, { side, conflicts: [] });
    a.contents = mergeValue(o.contents, a.contents, b.contents, '', m) as typeof a.contents;
    if ((a.commentBefore ?? null) === (o.commentBefore ?? null)) a.commentBefore = b.commentBefore;
    if ((a.comment ?? null) === (o.comment ?? null)) a.comment = b.comment;
    texts[side] = render(a, ours);
  }
  return { texts, conflicts: m.conflicts };
}
