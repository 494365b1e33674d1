// Per-meeting summaries for `history`, `stats` and `practice` (and the rows the circle's
// memory is folded from), cached so that a long history is not parsed again on every run.
//
// One cache file per view, circles/<slug>/.cache/<view>.json (cache.ts: the key, header,
// checksum, write and racy-clean rule). Each row is a meeting file's key and summary;
// a file whose key changed is read and checked again (parse-meetings.ts, loaded only then),
// the others are taken from the cache. Only files that pass the schema are ever cached; a
// bad file is reported as file:line:col (exit 65) on every run.
import type { Meeting } from '../core/schema.js';
import { memoryOf, type MeetingMemory } from '../core/memory.js';
import { practiceOf, summarizeMeeting, type MeetingSummary, type PracticeMeeting } from '../core/summary.js';
import { DataError } from '../errors.js';
import { fileKeys, readCache, sameKey, settled, writeCache, type CacheFile, type FileKey } from './cache.js';
import { listMeetingDates, meetingsDir } from './circle.js';
import type { Parsed, Stale } from './parse-meetings.js';

export interface SummaryView<T extends { date: string }> {
  /** Names the cache file. */
  id: string;
  pick(meeting: Meeting): T;
}

/** A view's cache file: its rows as JSON. */
const cacheFile = (view: { id: string }): CacheFile => ({ name: `${view.id}.json`, format: `circle-rows-${view.id}-3` });

/** One cached meeting: its file's key, and what the view picked from it. */
type Row<T> = [key: FileKey, data: T];

/** The rows of the cache, by date. */
function readRows<T extends { date: string }>(dir: string, view: SummaryView<T>): Map<string, Row<T>> {
  try {
    return new Map(((readCache(dir, cacheFile(view)) ?? []) as Array<Row<T>>).map((row) => [row[1].date, row]));
  } catch {
    return new Map(); // damaged: rebuilt
  }
}

/**
 * One summary per meeting, oldest first. Throws DataError listing every bad meeting file.
 * `onParse` hears how many files must be parsed before they are (a cold cache can take seconds).
 */
export async function readSummaries<T extends { date: string }>(dir: string, view: SummaryView<T>, onParse?: (files: number) => void): Promise<T[]> {
  const dates = await listMeetingDates(dir);
  const lookedAt = Date.now();
  const cache = readRows(dir, view);
  const rows = new Map<string, Row<T>>();
  const stale: Stale[] = [];
  const keys = fileKeys(meetingsDir(dir), dates.map((d) => `${d}.yaml`));
  dates.forEach((date, i) => {
    const key = keys[i];
    if (!key) return; // removed since the folder was listed
    const row = cache.get(date);
    if (row && sameKey(row[0], key)) rows.set(date, row);
    else stale.push({ date, key });
  });

  let parsed: Parsed<T> = { entries: [], problems: [] };
  if (stale.length) {
    const { parseStale } = await import('./parse-meetings.js');
    onParse?.(stale.length);
    parsed = await parseStale(dir, view, stale);
  }
  for (const [date, key, data] of parsed.entries) rows.set(date, [key, data]);
  const sorted = dates.map((date) => rows.get(date)).filter((row) => row !== undefined);
  if (stale.length || rows.size !== cache.size) {
    // Nothing is kept of a file changed just now (cache.ts).
    const kept = sorted.filter(([key]) => settled(key, lookedAt));
    await writeCache(dir, cacheFile(view), kept);
  }
  if (parsed.problems.length) throw new DataError(parsed.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line));
  return sorted.map(([, data]) => data);
}

/** What `history` and `stats` read. */
export const SUMMARY_VIEW: SummaryView<MeetingSummary> = { id: 'summaries', pick: summarizeMeeting };

/** What `practice` reads: who came, committed, reported or was let go, and the words of commitments and reports. */
export const PRACTICE_VIEW: SummaryView<PracticeMeeting> = { id: 'practice', pick: practiceOf };

/** What the circle's memory is folded from (src/store/memory.ts). */
export const MEMORY_VIEW: SummaryView<MeetingMemory> = { id: 'memory-rows', pick: memoryOf };
