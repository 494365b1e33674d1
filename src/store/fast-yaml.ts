// The fast way to read a data file: a reader of the plain block style people write
// (blockData, below), else js-yaml (about eight times quicker than yaml@2 on a meeting
// file) with a schema that resolves plain scalars exactly as yaml@2's core schema does.
// It only ever answers for files that are valid and read the same with yaml@2; on any
// doubt it answers nothing and the caller reads the file with yaml@2 (loadYaml in
// yaml-file.ts), which also words every error. Equivalence is tested in
// test/store/fast-yaml.test.ts.
import { load, Schema, Type, type EventType, type State } from 'js-yaml';
import type { z } from 'zod';
import type { ExtraCheck } from './yaml-file.js';

/**
 * A plain scalar resolved like yaml@2's core schema (yaml/dist/schema/core). `first` holds
 * every character a match can start with: most scalars are words, which js-yaml would
 * otherwise test against every pattern.
 */
const scalar = (name: string, first: string, test: RegExp, construct: (s: string) => unknown) =>
  // A tag nobody writes, so that an explicit tag (`!!int 1`) is unknown to js-yaml: a doubt.
  new Type(`tag:circle.fast-yaml:${name}`, { kind: 'scalar', resolve: (s: string) => (s === '' || first.includes(s[0]!)) && test.test(s), construct });

const DIGITS = '0123456789';
const IMPLICIT = [
    scalar('null', '~nN', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', 'tTfF', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    scalar('oct', '0', /^0o[0-7]+$/, (s) => parseInt(s.slice(2), 8)),
    scalar('int', `-+${DIGITS}`, /^[-+]?[0-9]+$/, (s) => parseInt(s, 10)),
    scalar('hex', '0', /^0x[0-9a-fA-F]+$/, (s) => parseInt(s.slice(2), 16)),
    scalar('nan', '-+.', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) =>
      s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
    ),
    scalar('exp', `-+.${DIGITS}`, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat),
    scalar('float', `-+.${DIGITS}`, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat),
];
const CORE = new Schema({ implicit: IMPLICIT });

/**
 * Texts that may read differently: directives (`%YAML 1.1` changes the schema), anchors
 * and aliases (yaml@2 limits how far they expand), tags, complex keys (`? key`, `[a]: b`),
 * which the two libraries turn into different strings, a tab, form feed or lone carriage
 * return anywhere (where they are allowed, or break a line, differs), a byte order
 * mark after the start, and a comment right after a quote (yaml@2 wants a space before
 * it). Text that merely looks like one of
 * these ("R &D", "why ?") only costs the slower read.
 */
const DOUBTFUL = /^%|(?:^|[\s[{,])(?:[&*]\S|!|\?(?:\s|$))|[\]}]\s*:(?:\s|$)|[\t\f\r]|[^]\ufeff|["']#/m;

/** yaml@2 refuses an implicit key longer than 1024 characters: anything near that is a doubt. */
const MAX_KEY = 1000;

/** Keys that come from a null or a collection in js-yaml (`~: x`, `[a, b]: c`). */
const ODD_KEY = /^(?:null|\[object Object\]|)$/;

function hasOddKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasOddKey);
  if (value === null || typeof value !== 'object') return false;
  for (const key of Object.keys(value)) if (ODD_KEY.test(key) || key.includes(',') || key.length > MAX_KEY || hasOddKey((value as Record<string, unknown>)[key])) return true;
  return false;
}

const DOUBT = Symbol('doubt');

/** Where a node's own text starts: past spaces, line breaks and comments. */
function contentStart(text: string, at: number): number {
  for (;;) {
    while (at < text.length && (text[at] === ' ' || text[at] === '\n')) at++;
    if (text[at] !== '#') return at;
    while (at < text.length && text[at] !== '\n') at++;
  }
}

/**
 * Watches js-yaml compose each node: a quoted scalar or a flow collection that runs over
 * more than one line is a doubt (js-yaml accepts continuation lines that are not indented
 * enough, where yaml@2 reports an error).
 */
function multiLineFlowWatcher() {
  const starts: number[] = [];
  const watch = {
    doubt: false,
    listener(event: EventType, state: State) {
      if (event === 'open') return void starts.push(state.position);
      const start = contentStart(state.input, starts.pop()!);
      if (!'"\'[{'.includes(state.input[start] ?? 'x')) return;
      const lineBreak = state.input.indexOf('\n', start);
      if (lineBreak !== -1 && lineBreak < state.position) watch.doubt = true;
    },
  };
  return watch;
}

/** The data of a YAML text, or DOUBT when only yaml@2 may say what it holds. */
export function fastData(text: string): unknown {
  const lf = text.replace(/\r\n/g, '\n'); // CRLF as LF, as yaml-file.ts reads it
  // The block reader declines all that DOUBTFUL stands for, and reads "R &D" or "why ?" too.
  let quick: unknown;
  try {
    quick = blockData(lf);
  } catch {
    quick = DOUBT; // nested deeper than the stack: yaml@2 says so
  }
  if (quick !== DOUBT) return quick;
  if (DOUBTFUL.test(lf)) return DOUBT;
  let data: unknown;
  const watch = multiLineFlowWatcher();
  try {
    data = load(lf, { schema: CORE, listener: watch.listener });
  } catch {
    return DOUBT; // yaml@2 will say what is wrong, and where
  }
  if (watch.doubt) return DOUBT;
  if (data === undefined) return null; // an empty document, as yaml@2 gives it
  return hasOddKey(data) ? DOUBT : data;
}

// A reader of the block style that people and `circle` write (a mapping of plain keys,
// lists, one-line scalars, | and > text), quicker than js-yaml on such a file: anything else
// in the text, and it declines (DOUBT), so that js-yaml and then yaml@2 read it.

/** Tabs, carriage returns, control and other odd characters, surrogates (emoji), a BOM. */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;
/** A plain key at a line's indent (lastIndex), its colon and the spaces after it. */
const KEY = /([A-Za-z_][A-Za-z0-9_]*):(?: +|$)/y;
/** What a plain value may not start with (an indicator, or a quote or bracket read elsewhere). */
const NOT_PLAIN = new Set('-?:,[]{}#&*!|>\'"%@`');

/** The first characters of every IMPLICIT pattern (and '' for null): a word starting otherwise is text. */
const NOT_TEXT = `~nNtTfF+-.${DIGITS}`;

function plainValue(s: string): unknown {
  if (s !== '' && !NOT_TEXT.includes(s[0]!)) return s;
  for (const type of IMPLICIT) if (type.resolve!(s)) return type.construct!(s);
  return s;
}

/** The data of a text in the simple block style, or DOUBT. */
export function blockData(text: string): unknown {
  if (!text.endsWith('\n') || UNUSUAL.test(text)) return DOUBT;
  const lines = text.split('\n');
  let i = 0;
  /** The indent of the next line with content (past blank and comment lines), -1 at the end. */
  const next = (): number => {
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      let n = 0;
      while (line.charCodeAt(n) === 32) n++;
      if (n < line.length && line[n] !== '#') return n;
    }
    return -1;
  };
  /** What follows a value on its line: nothing, or a comment after a space. */
  const restIsEmpty = (rest: string) => {
    const t = rest.replace(/^ +/, '');
    return t === '' || (t[0] === '#' && t.length < rest.length);
  };

  /** A block scalar (| |- > >-) whose indicator is on line i; the collection it is in is at `outer`. */
  function blockScalar(indicator: string, outer: number): unknown {
    const folded = indicator[0] === '>';
    const strip = indicator.length === 2;
    i++;
    const body: string[] = [];
    let indent = -1;
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      let n = 0;
      while (line.charCodeAt(n) === 32) n++;
      if (n === line.length) {
        // Blank lines before the text, or with spaces past its indent (which are text): a doubt.
        if (indent === -1 || n > indent) return DOUBT;
        body.push('');
        continue;
      }
      if (indent === -1) {
        if (n <= outer) return DOUBT; // no text at all
        indent = n;
      }
      if (n < indent) {
        if (n > outer) return DOUBT;
        break;
      }
      if (folded && n > indent) return DOUBT;
      body.push(line.slice(indent));
    }
    if (indent === -1) return DOUBT;
    while (body.length && body.at(-1) === '') body.pop();
    if (folded && body.includes('')) return DOUBT;
    const value = body.join(folded ? ' ' : '\n');
    return strip ? value : `${value}\n`;
  }

  /** A value that starts at column `at` of line i, in a collection at indent `outer`; leaves i past it. */
  function inline(at: number, outer: number): unknown {
    const line = lines[i]!;
    const rest = line.slice(at);
    const c = rest[0]!;
    if (c === '|' || c === '>') {
      const indicator = /^[|>]-?/.exec(rest)![0];
      return restIsEmpty(rest.slice(indicator.length)) ? blockScalar(indicator, outer) : DOUBT;
    }
    i++;
    if (c === '"' || c === "'") {
      const close = rest.indexOf(c, 1);
      if (close === -1) return DOUBT;
      const inner = rest.slice(1, close);
      if (c === '"' ? inner.includes('\\') : rest[close + 1] === "'") return DOUBT; // escapes, ''
      return restIsEmpty(rest.slice(close + 1)) && (rest.length === close + 1 || rest[close + 1] === ' ') ? inner : DOUBT;
    }
    if (c === '[' || c === '{') {
      const close = c === '[' ? ']' : '}';
      return rest[1] === close && (rest.length === 2 || rest[2] === ' ') && restIsEmpty(rest.slice(2)) ? (c === '[' ? [] : {}) : DOUBT;
    }
    // '-' may start a word (-5, -x), not an entry ('- ', checked before).
    if (NOT_PLAIN.has(c) && !(c === '-' && rest.length > 1 && rest[1] !== ' ')) return DOUBT; // `key: - x` is refused by yaml@2
    const comment = rest.indexOf(' #');
    let value = comment === -1 ? rest : rest.slice(0, comment);
    let end = value.length;
    while (value.charCodeAt(end - 1) === 32) end--;
    value = value.slice(0, end);
    if (value.includes(': ') || value.endsWith(':')) return DOUBT;
    return plainValue(value);
  }

  /** The node whose first line is i, starting at column `at`, in a collection at indent `outer`. */
  function node(at: number, outer: number): unknown {
    const line = lines[i]!;
    if (isEntry(line, at)) return sequence(at);
    KEY.lastIndex = at;
    if (KEY.test(line)) return mapping(at);
    return inline(at, outer);
  }

  const isEntry = (line: string | undefined, at: number) => line !== undefined && line[at] === '-' && (line.length === at + 1 || line[at + 1] === ' ');

  /** What follows `key:` or `-` with nothing after it on the line: the lines below, or null. */
  function below(indent: number, ofKey: boolean): unknown {
    i++;
    const n = next();
    if (n > indent) return node(n, indent);
    // A list may stand at the indent of the key it belongs to.
    return ofKey && n === indent && isEntry(lines[i], n) ? sequence(n) : null;
  }

  function sequence(indent: number): unknown[] | typeof DOUBT {
    const list: unknown[] = [];
    for (;;) {
      const line = lines[i]!;
      let at = indent + 1;
      while (line.charCodeAt(at) === 32) at++;
      const item = at === line.length || line[at] === '#' ? below(indent, false) : node(at, indent);
      if (item === DOUBT) return DOUBT;
      list.push(item);
      const n = next();
      if (n > indent) return DOUBT;
      if (n < indent || !isEntry(lines[i], n)) return list;
    }
  }

  function mapping(indent: number): Record<string, unknown> | typeof DOUBT {
    const map: Record<string, unknown> = {};
    for (;;) {
      const line = lines[i]!;
      KEY.lastIndex = indent;
      const match = KEY.exec(line);
      if (!match) return DOUBT;
      const key = match[1]!;
      if (key.length > MAX_KEY || key === '__proto__' || Object.hasOwn(map, key) || typeof plainValue(key) !== 'string') return DOUBT;
      const at = KEY.lastIndex;
      const value = at === line.length || line[at] === '#' ? below(indent, true) : inline(at, indent);
      if (value === DOUBT) return DOUBT;
      map[key] = value;
      const n = next();
      if (n > indent) return DOUBT;
      if (n < indent) return map;
    }
  }

  // A mapping at the top, as every circle file is ('...' alone would end the document).
  KEY.lastIndex = 0;
  if (next() !== 0 || !KEY.test(lines[i]!)) return DOUBT;
  const data = mapping(0);
  return data !== DOUBT && next() === -1 ? data : DOUBT;
}

export const isDoubt = (data: unknown): data is typeof DOUBT => data === DOUBT;

/** The checked data of a YAML text, or undefined when yaml@2 must read it (a doubt, or any problem to report). */
export function fastRead<S extends z.ZodTypeAny>(text: string, schema: S, extra?: ExtraCheck<z.output<S>>): { data: z.output<S> } | undefined {
  const raw = fastData(text);
  if (isDoubt(raw)) return undefined;
  const result = schema.safeParse(raw);
  if (!result.success || extra?.(result.data).length) return undefined;
  return { data: result.data };
}
