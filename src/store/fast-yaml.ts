// The fast way to read a data file: js-yaml (about eight times quicker than yaml@2 on a
// meeting file) with a schema that resolves plain scalars exactly as yaml@2's core schema does.
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
 * mark after the start, and a comment right after a quote or a closing bracket (yaml@2
 * wants a space before it: `guests: []#note` is an error). Text that merely looks like one of
 * these ("R &D", "why ?") only costs the slower read.
 */
const DOUBTFUL = /^%|(?:^|[\s[{,])(?:[&*]\S|!|\?(?:\s|$))|[\]}]\s*:(?:\s|$)|[\t\f\r]|[^]\ufeff|["'\]}]#/m;

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

/** The data of a YAML text, or undefined when only yaml@2 may say what it holds. */
export function fastData(text: string): unknown {
  const lf = text.replace(/\r\n/g, '\n'); // CRLF as LF, as yaml-file.ts reads it
  if (DOUBTFUL.test(lf)) return undefined;
  let data: unknown;
  const watch = multiLineFlowWatcher();
  try {
    data = load(lf, { schema: CORE, listener: watch.listener });
  } catch {
    return undefined; // yaml@2 will say what is wrong, and where (nesting deeper than the stack too)
  }
  if (watch.doubt) return undefined;
  if (data === undefined) return null; // an empty document, as yaml@2 gives it
  return hasOddKey(data) ? undefined : data;
}

/** The checked data of a YAML text, or undefined when yaml@2 must read it (a doubt, or any problem to report). */
export function fastRead<S extends z.ZodTypeAny>(text: string, schema: S, extra?: ExtraCheck<z.output<S>>): { data: z.output<S> } | undefined {
  const raw = fastData(text);
  if (raw === undefined) return undefined;
  const result = schema.safeParse(raw);
  if (!result.success || extra?.(result.data).length) return undefined;
  return { data: result.data };
}
