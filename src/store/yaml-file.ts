// Reading and writing YAML files people edit by hand: every problem is reported as
// file:line:col, and a rewrite keeps comments, key order and unknown keys.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { Document, isNode, LineCounter, parseDocument, type ToStringOptions } from 'yaml';
import type { z } from 'zod';
import { CircleError, DataError, type Problem } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { fastRead } from './fast-yaml.js';
import { carryEdit } from './merge.js';

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

/** How paths are shown in messages: relative to the working directory when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // JSON quoting shows control characters as \u001b rather than sending them to the terminal.
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function parserMessage(message: string): string {
  if (/call stack/i.test(message)) return 'cannot read this YAML: it is nested too deeply';
  if (/alias/i.test(message)) return `cannot read this YAML: ${message.split('\n')[0]} (too many aliases)`;
  return message.split('\n')[0] || 'invalid YAML';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** A check beyond the schema, e.g. that a meeting's date matches its file name. */
export type ExtraCheck<T> = (data: T) => Array<{ path: (string | number)[]; message: string }>;

/**
 * Parse and validate YAML text; throws DataError listing every problem. `extra` runs
 * after the schema (a schema refined per file would be compiled again for every file).
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

  let doc: Document.Parsed;
  let raw: unknown;
  try {
    // CRLF is read as LF (the library would keep the \r in comments); lines stay where they were.
    doc = parseDocument(text.replace(/\r\n/g, '\n'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      throw new DataError(doc.errors.map((e) => at(e.pos[0], parserMessage(e.message))));
    }
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError([at(undefined, parserMessage(error instanceof RangeError ? 'call stack' : (error as Error).message))]);
  }

  const result = schema.safeParse(raw);
  const issues = result.success ? (extra?.(result.data) ?? []) : result.error.issues;
  if (result.success && issues.length === 0) return { path: file, text, doc, data: result.data, schema };

  const problems = issues.map((issue) => {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    // The closest node that exists: the value itself, else its parent mapping.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const where = path.join('.');
        const missing = depth < path.length;
        const label = where ? `${where}: ` : '';
        const message = missing
          ? `${label}missing (${issue.message})`
          : `${label}${issue.message}, found ${describe(valueAt(raw, path))}`;
        return at(node.range[0], message);
      }
    }
    return at(undefined, `${path.join('.') || 'file'}: ${issue.message}`);
  });
  // One line per place: zod can report the same spot twice (e.g. a union).
  const unique = [...new Map(problems.map((p) => [`${p.line}:${p.col}:${p.message}`, p])).values()];
  throw new DataError(unique);
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

export async function readText(file: string): Promise<string> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
    throw new DataError([{ file: displayPath(file), line: 1, col: 1, message: 'expected a file, found a folder' }]);
  }
  if (buf.length > MAX_FILE_BYTES) {
    throw new DataError([
      { file: displayPath(file), line: 1, col: 1, message: `file is too large (${buf.length} bytes; at most ${MAX_FILE_BYTES})` },
    ]);
  }
  return buf.toString('utf8');
}

/** Render options that follow the file's own habits, so a rewrite changes only what was edited. */
export function styleOf(text: string): ToStringOptions {
  // A block sequence written flush with its parent key ("key:\n- item") keeps that style:
  // compare the first item's indentation with that of the key above it.
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const item = /^([ \t]*)- /.exec(lines[i]!);
    if (!item) continue;
    for (let k = i - 1; k >= 0; k--) {
      const above = lines[k]!;
      if (/^\s*(#.*)?$/.test(above)) continue;
      const key = /^([ \t]*)[^\s#-][^#]*:\s*(#.*)?$/.exec(above);
      if (key) return { lineWidth: 0, indentSeq: item[1]!.length > key[1]!.length };
      break;
    }
  }
  return { lineWidth: 0, indentSeq: true };
}

export function renderYaml(doc: Document, original = ''): string {
  return doc.toString(styleOf(original));
}

/**
 * The file's new text: its own bytes wherever the edit did not reach. The line-level
 * carry-over is accepted only if the library reads it back as exactly the edited
 * document (data, comments and all); otherwise the library's own rendering is used,
 * which may respace the file but never misplaces a change.
 */
export function editedText(file: YamlFile<unknown>): string {
  // Work in LF (as the library renders) and give a CRLF file its line endings back.
  const crlf = file.text.includes('\r\n');
  const original = crlf ? file.text.replace(/\r\n/g, '\n') : file.text;
  const edited = renderYaml(file.doc, original);
  const baseline = renderYaml(parseDocument(original), original);
  if (edited === baseline) return file.text; // nothing was edited
  const carried = carryEdit(original, baseline, edited);
  let next = edited;
  try {
    const back = parseDocument(carried);
    if (back.errors.length === 0 && renderYaml(back, original) === edited) next = carried;
  } catch {
    // keep the library's rendering
  }
  return crlf ? next.replace(/\n/g, '\r\n') : next;
}

/**
 * Write an edited document back; a document with no edits leaves the file alone.
 * The new text is checked against the file's schema first, and if someone else
 * changed the file since it was read, nothing is written.
 */
export async function saveYaml(file: YamlFile<unknown>): Promise<boolean> {
  const next = editedText(file);
  if (next === file.text) return false;
  try {
    parseYaml(file.path, next, file.schema);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const why = error.problems.map((p) => p.message).join('; ');
    throw new CircleError(`the change to ${displayPath(file.path)} would not be valid (${why}); nothing was written.`);
  }
  if ((await readText(file.path)) !== file.text) {
    throw new CircleError(`${displayPath(file.path)} changed while this command was running; nothing was written. Run it again.`);
  }
  await writeFileAtomic(file.path, next);
  return true;
}
