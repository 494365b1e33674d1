// Parsing meeting files for a cold or changed summary cache (summaries.ts): YAML read and
// checked, then summarised; and for `check`. Loaded only when there is something to parse,
// so a warm `history` loads no YAML library or schema.
import { readFileSync } from 'node:fs';
import { meetingSchema, type Meeting } from '../core/schema.js';
import { DataError, unlessMissing, type Problem } from '../errors.js';
import { sameKey, settled, type FileKey } from './cache.js';
import { meetingFile } from './circle.js';
import { dateMatches } from './read-file.js';
import type { SummaryView } from './summaries.js';
import { decodeUtf8 } from './utf8.js';
import { loadYaml, MAX_FILE_BYTES, readYaml } from './yaml-file.js';

export interface Stale {
  date: string;
  key: FileKey;
}

export interface Parsed<T> {
  entries: Array<[date: string, key: FileKey, data: T]>;
  problems: Problem[];
}

/**
 * Meetings parsed and checked in this run, by file, with the key they were read under: a
 * command that fills two views (stats: its summaries and the memory's rows) parses each file once.
 * A file changed within the racy-clean window is not kept (its key may not show the next change).
 */
const checked = new Map<string, { key: FileKey; meeting: Meeting }>();

/** Parse, check and summarise meeting files. */
export async function parseStale<T extends { date: string }>(dir: string, view: SummaryView<T>, stale: readonly Stale[]): Promise<Parsed<T>> {
  const parsed: Parsed<T> = { entries: [], problems: [] };
  for (const { date, key } of stale) {
    const file = meetingFile(dir, date);
    const seen = checked.get(file);
    if (seen && sameKey(seen.key, key)) {
      parsed.entries.push([date, key, view.pick(seen.meeting)]);
      continue;
    }
    try {
      const meeting = await readMeetingFile(file, date, key);
      if (!meeting) continue;
      if (settled(key, Date.now())) checked.set(file, { key, meeting });
      parsed.entries.push([date, key, view.pick(meeting)]);
    } catch (error) {
      if (error instanceof DataError) parsed.problems.push(...error.problems);
      else throw error;
    }
  }
  return parsed;
}

/**
 * A meeting file (with this key) read, parsed and checked; undefined when it is gone. Read
 * at once (much quicker than fs/promises for thousands of small files); anything unusual
 * (empty, as a device or pipe is, or too large, or a folder) goes through loadYaml, which
 * reads with a limit and words the problem. `strict`: with yaml@2 only, as `check` reads.
 */
export async function readMeetingFile(file: string, date: string, key: FileKey, strict = false): Promise<Meeting | undefined> {
  let bytes: Buffer | undefined;
  try {
    if (key[0] > 0 && key[0] <= MAX_FILE_BYTES) bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // removed since it was listed
    // else read below by loadYaml, which words the problem
  }
  if (bytes) return readYaml(file, decodeUtf8(file, bytes), meetingSchema, dateMatches(date), strict).data;
  return (await unlessMissing(loadYaml(file, meetingSchema, dateMatches(date), { strict })))?.data; // undefined: removed while we read
}
