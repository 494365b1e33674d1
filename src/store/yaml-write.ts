// Writing YAML files people edit by hand: a rewrite keeps comments, key order, unknown keys
// and the bytes of every line the edit did not reach (carry-edit.ts), is checked against
// the schema first, and happens under the folder's write lock. Reading is yaml-file.ts.
import { basename, dirname } from 'node:path';
import { isSeq, parseDocument, stringify, type Document, type ToStringOptions, type YAMLSeq } from 'yaml';
import type { z } from 'zod';
import { CircleError, DataError, displayPath, unlessMissing } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { carryEdit } from './carry-edit.js';
import { withWriteLock } from './lock.js';
import { loadYaml, MAX_FILE_BYTES, parseYaml, readText, type ExtraCheck, type YamlFile } from './yaml-file.js';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Write a circle file atomically; refused, nothing written, when it would be too large to read back. */
export async function writeCircleFile(file: string, text: string, options: { exclusive?: boolean; mode?: number } = {}): Promise<void> {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_FILE_BYTES) {
    const message = `${displayPath(file)} would be ${mib(bytes)}, more than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a circle file may hold; nothing was written. Shorten the longest text in it.`;
    throw Object.assign(new CircleError(message), { code: 'EFBIG' });
  }
  await writeFileAtomic(file, text, options);
}

/** Render options that follow the file's own habits, so a rewrite changes only what was edited. */
function styleOf(text: string): ToStringOptions {
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

/** The block list at `path`, made (or turned from `[]` into a block list) when need be. */
export function blockSeq(doc: Document, path: readonly (string | number)[]): YAMLSeq {
  if (!isSeq(doc.getIn(path, true))) doc.setIn(path, doc.createNode([]));
  const seq = doc.getIn(path, true) as YAMLSeq;
  seq.flow = false;
  return seq;
}

/** Data written out as a new YAML file (no line folding). */
export const yamlText = (data: unknown): string => stringify(data, { lineWidth: 0 });

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
 * Check text about to be written against the schema it will be read with; when it would
 * be refused, throw `refusal(why)` (a CircleError) and write nothing.
 */
export function checkBeforeWrite<S extends z.ZodTypeAny>(
  path: string,
  text: string,
  schema: S,
  refusal: (why: string) => string,
  extra?: ExtraCheck<z.output<S>>,
): void {
  try {
    parseYaml(path, text, schema, extra);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    throw new CircleError(refusal(error.problems.map((p) => p.message).join('; ')));
  }
}

/**
 * The one way to change a circle file: under the write lock of its folder, read it fresh,
 * let `edit` change the YAML document (and decide from the fresh data; throw to refuse),
 * check the result against the schema and the size limit, and replace the file atomically.
 * Another command's change is never lost: it either finished before the read or waits.
 * A hand edit saved in between (editors take no lock) makes it start again on the new text.
 * Returns what `edit` returned, and whether the file was written.
 */
export async function updateYamlFile<S extends z.ZodTypeAny, R>(
  path: string,
  schema: S,
  edit: (file: YamlFile<z.output<S>>) => R | Promise<R>,
): Promise<{ value: R; written: boolean }> {
  return withWriteLock(dirname(path), path, async () => {
    await (await import('./git.js')).refuseWhileUnfinished(dirname(path), process.env);
    for (let attempt = 0; attempt < 3; attempt++) {
      const file = await unlessMissing(loadYaml(path, schema));
      if (!file) throw new DataError([{ file: displayPath(path), line: 1, col: 1, message: `${basename(path)} is missing` }]);
      const value = await edit(file);
      const next = editedText(file);
      if (next === file.text) return { value, written: false };
      checkBeforeWrite(path, next, schema, (why) => `the change to ${displayPath(path)} would not be valid (${why}); nothing was written.`);
      if ((await readText(path)) !== file.text) continue;
      await writeCircleFile(path, next);
      return { value, written: true };
    }
    throw new CircleError(`${displayPath(path)} kept changing while this command ran (is an editor saving it?); nothing was written. Run it again.`);
  });
}
