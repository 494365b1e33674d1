// Reading YAML files people edit by hand: parsed (the fast path first, fast-yaml.ts),
// checked against a schema, and every problem worded for people and placed at
// file:line:col. Writing them is yaml-write.ts.
import { open } from 'node:fs/promises';
import { Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { showName } from '../core/names.js';
import { DataError, displayPath, type Problem } from '../errors.js';
import { decodeUtf8 } from './utf8.js';
import { conflictProblem } from './conflict-markers.js';
import { fastRead } from './fast-yaml.js';

/** Circle files are small; anything bigger is refused before parsing. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface YamlFile<T> {
  path: string;
  text: string;
  doc: Document.Parsed;
  data: T;
  /** What the file was checked against; a rewrite is checked against it too. */
  schema: z.ZodTypeAny;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // Quoted with control and invisible characters spelt out (\u001b, \u00a0), never sent to the terminal.
  if (typeof value === 'string') return showName(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Plain words for the YAML slips people make by hand, by the parser's error code. */
const SLIPS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'text with ": " in it needs quotes, e.g. purpose: "Learn: together"',
  MULTILINE_IMPLICIT_KEY: 'text with ": " in it needs quotes, e.g. purpose: "Learn: together"',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_SCALAR_START: 'text starting with @, ` or % needs quotes',
  MISSING_CHAR: 'a quote or bracket was opened and not closed',
  DUPLICATE_KEY: 'this key is written twice in the same place',
  BAD_INDENT: 'check the indentation: entries at the same level start in the same column',
};

const INDENT_SLIP = 'this line is indented deeper than the key above it: keys of one entry start in the same column';

/** Where a key-in-a-value slip is really a line indented too deep (`joined: …` then a deeper `x-phone: …`) starts, if it is one. */
function deeperLine(text: string, e: { code: string; pos: [number, number] }): number | undefined {
  if (e.code !== 'BLOCK_AS_IMPLICIT_KEY' && e.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const start = text.lastIndexOf('\n', e.pos[0] - 1) + 1;
  const end = text.indexOf('\n', e.pos[0]);
  if (end < 0) return undefined;
  const indent = (line: string) => /^ */.exec(line)![0].length;
  const line = text.slice(start, end);
  const next = text.slice(end + 1, (text.indexOf('\n', end + 1) + 1 || text.length + 1) - 1);
  const keyed = /^ *(?:- +)?[^\s#:][^#:]*: +\S/.test(line) && /^ *[^\s#:-][^#:]*:(?: |$)/.test(next);
  return keyed && indent(next) > indent(line.replace(/^( *)- +/, '$1  ')) ? end + 1 + indent(next) : undefined;
}

/** Text that starts with * or & (Markdown **bold**, say) is read by YAML as an alias or anchor. */
const MARK_SLIP = 'text starting with * or & needs quotes (YAML reads *word as a reference to an &anchor), e.g. "**Readers** everywhere"';

/** The line `offset` is on starts its value with * or &. */
function startsWithMark(text: string, offset: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, (text.indexOf('\n', offset) + 1 || text.length + 1) - 1);
  return /^\s*(?:-\s+)*(?:[^\s#*&][^#]*?:\s+)?[*&]/.test(line);
}

function parserMessage(message: string, code?: string, markFirst = false): string {
  if (/call stack/i.test(message)) return 'cannot read this YAML: it is nested too deeply';
  if (/excessive alias count/i.test(message)) return `cannot read this YAML: ${message.split('\n')[0]} (too many aliases)`;
  if (/unresolved alias/i.test(message)) return MARK_SLIP;
  const first = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') || 'invalid YAML';
  const slip = markFirst ? MARK_SLIP : code === undefined ? undefined : SLIPS[code];
  return slip ? `${slip} (${first})` : first;
}

const ORDINAL_SUFFIX = ['th', 'st', 'nd', 'rd'];
const ordinal = (n: number) => `${n}${(n % 100 >= 11 && n % 100 <= 13) || n % 10 > 3 ? 'th' : ORDINAL_SUFFIX[n % 10]}`;

/** What an entry of each list is called, for "the 8th member". */
const ENTRY: Record<string, string> = {
  members: 'member',
  sections: 'section',
  skip: 'skipped date',
  ground_rules: 'ground rule',
  traditions: 'tradition',
  present: 'name',
  guests: 'guest',
  introductions: 'introduction',
  requests: 'request',
  questions: 'question',
};

/** Where a value is, in words: `members: the 8th member (Ana Souza), joined`, not `members.7.joined` (by name, member or id). */
function place(path: readonly (string | number)[], raw: unknown): string {
  const parts: string[] = [];
  let keys: string[] = [];
  let value = raw;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
    if (typeof step === 'number') {
      const owner = keys.at(-1) ?? '';
      const label = (value as Record<string, unknown> | undefined) ?? {};
      const named = ['name', 'member', 'id'].find((k) => typeof label[k] === 'string' && label[k] && path[i + 1] !== k);
      const who = named ? ` (${String(label[named]).slice(0, 40)})` : '';
      parts.push(`${keys.length ? `${keys.join('.')}: ` : ''}the ${ordinal(step + 1)} ${ENTRY[owner] ?? 'entry'}${who}`);
      keys = [];
    } else {
      keys.push(step);
    }
  }
  if (keys.length) parts.push(keys.join('.'));
  return parts.join(', ');
}

/** Far deeper than any circle file; the yaml library runs out of memory on block nesting some thousands deep. */
const MAX_BLOCK_DEPTH = 1000;

/** The first line (from 1) that starts deeper than MAX_BLOCK_DEPTH (its indent plus its `- `, `? `, `: ` markers), if any. */
function tooDeep(text: string): number | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const [, indent, markers] = /^( *)((?:[-?:] +)*)/.exec(lines[i]!)!;
    if (indent!.length + markers!.replace(/ /g, '').length > MAX_BLOCK_DEPTH) return i + 1;
  }
  return undefined;
}

/** One broken file shows this many problems, then how many more there are. */
const PROBLEMS_SHOWN = 5;

/** A check beyond the schema, e.g. that a meeting's date matches its file name. */
export type ExtraCheck<T> = (data: T) => Array<{ path: (string | number)[]; message: string }>;

/**
 * Parse and validate YAML text; throws DataError listing the problems (the first few,
 * and a count of the rest). `extra` runs after the schema (a schema refined per file
 * would be compiled again for every file).
 */
export function parseYaml<S extends z.ZodTypeAny>(
  file: string,
  text: string,
  schema: S,
  extra?: ExtraCheck<z.output<S>>,
): YamlFile<z.output<S>> {
  const shown = displayPath(file);
  const lines = new LineCounter();
  const at = (offset: number | undefined, message: string): Problem => {
    const pos = offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
    return { file: shown, line: pos.line, col: pos.col, message };
  };
  const fail = (problems: Problem[]): never => {
    // One line per place (zod can report the same spot twice, e.g. a union), top to bottom.
    const unique = [...new Map(problems.map((p) => [`${p.line}:${p.col}:${p.message}`, p])).values()].sort((a, b) => a.line - b.line || a.col - b.col);
    const rest = unique.length - PROBLEMS_SHOWN;
    if (rest <= 0) throw new DataError(unique);
    const next = unique[PROBLEMS_SHOWN]!;
    throw new DataError([...unique.slice(0, PROBLEMS_SHOWN), { ...next, message: `… and ${rest} more problem${rest === 1 ? '' : 's'} in this file` }]);
  };

  const marked = conflictProblem(file, text);
  if (marked) throw new DataError([marked]);
  let doc: Document.Parsed;
  let raw: unknown;
  try {
    // CRLF is read as LF (the library would keep the \r in comments); lines stay where they were.
    const lf = text.replace(/\r\n/g, '\n');
    const deep = tooDeep(lf);
    if (deep !== undefined) throw new DataError([{ file: shown, line: deep, col: 1, message: parserMessage('call stack') }]);
    doc = parseDocument(lf, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      // The parser often reports one slip twice, in other words: one line per place.
      const once = [...new Map(doc.errors.map((e) => [deeperLine(lf, e) ?? e.pos[0], e])).entries()];
      fail(once.map(([offset, e]) => (offset !== e.pos[0] ? at(offset, INDENT_SLIP) : at(offset, parserMessage(e.message, e.code, startsWithMark(lf, offset))))));
    }
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    if (error instanceof DataError) throw error;
    const message = parserMessage(error instanceof RangeError ? 'call stack' : (error as Error).message);
    // An alias that names no anchor: point at it.
    const alias = /unresolved alias.*: (\S+)$/i.exec((error as Error).message)?.[1];
    const offset = alias === undefined ? undefined : text.replace(/\r\n/g, '\n').indexOf(`*${alias}`);
    throw new DataError([at(offset !== undefined && offset >= 0 ? offset : undefined, message)]);
  }

  const result = schema.safeParse(raw);
  const issues = result.success ? (extra?.(result.data) ?? []) : result.error.issues;
  if (result.success && issues.length === 0) return { path: file, text, doc, data: result.data, schema };

  return fail(
    issues.map((issue) => {
      const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
      if ('code' in issue && issue.code === 'unrecognized_keys') {
        // Point at the key itself, after the place of the mapping it is in.
        const parent = path.slice(0, -1);
        const map = parent.length ? doc.getIn(parent, true) : doc.contents;
        const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path.at(-1))) : undefined;
        const where = place(parent, raw);
        const key = pair && isNode(pair.key) ? pair.key : map;
        return at(isNode(key) ? key.range?.[0] : undefined, `${where ? `${where}: ` : ''}${issue.message}`);
      }
      // The closest node that exists: the value itself, else its parent mapping.
      for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) {
          const where = place(path, raw);
          const label = where ? `${where}: ` : '';
          const message =
            depth < path.length ? `${label}missing (${issue.message})` : `${label}${issue.message}, found ${describe(valueAt(raw, path))}`;
          return at(node.range[0], message);
        }
      }
      return at(undefined, `${place(path, raw) || 'file'}: ${issue.message}`);
    }),
  );
}

/** Read, parse and validate a YAML file (see readYaml). */
export async function loadYaml<S extends z.ZodTypeAny>(
  file: string,
  schema: S,
  extra?: ExtraCheck<z.output<S>>,
  { strict = false } = {},
): Promise<YamlFile<z.output<S>>> {
  return readYaml(file, await readText(file), schema, extra, strict);
}

/**
 * parseYaml, by the fast path (fast-yaml.ts) for a valid file: the same data, and the
 * document for edits made with yaml@2 only when asked for. Anything else, and every file
 * when `strict`, goes through parseYaml.
 */
export function readYaml<S extends z.ZodTypeAny>(file: string, text: string, schema: S, extra?: ExtraCheck<z.output<S>>, strict = false): YamlFile<z.output<S>> {
  const fast = strict ? undefined : fastRead(text, schema, extra);
  if (!fast) return parseYaml(file, text, schema, extra);
  let parsed: YamlFile<z.output<S>> | undefined;
  return {
    path: file,
    text,
    data: fast.data,
    schema,
    get doc() {
      parsed ??= parseYaml(file, text, schema, extra);
      return parsed.doc;
    },
  };
}

const tooLarge = (file: string, size: string) =>
  new DataError([{ file: displayPath(file), line: 1, col: 1, message: `file is too large (${size}; at most ${MAX_FILE_BYTES} bytes)` }]);

/** A file's text within the size limit: a large file is refused by its size, a device or pipe read to one byte past it. */
export async function readText(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new DataError([{ file: displayPath(file), line: 1, col: 1, message: 'expected a file, found a folder' }]);
    if (info.isFile() && info.size > MAX_FILE_BYTES) throw tooLarge(file, `${info.size} bytes`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(info.isFile() ? info.size + 1 : 64 * 1024, MAX_FILE_BYTES + 1 - total);
      const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(want), 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_FILE_BYTES) throw tooLarge(file, 'more than that');
      if (info.isFile() && bytesRead < want) break; // a short read of a file is its end
    }
    return decodeUtf8(file, Buffer.concat(chunks, total));
  } finally {
    await handle.close();
  }
}
