// Per-meeting summaries for `history`, `stats` and `practice`, cached so that a long
// history is not parsed again on every run.
//
// The cache is circles/<slug>/.cache/<view>.json (local state, git-ignored). Each entry is
// keyed by the meeting file's name, size, mtime and inode; a file whose key changed
// is read and validated again, the others are taken from the cache. A cache that cannot
// be read or does not look right is ignored and rebuilt. Only files that pass the schema
// are ever cached; a bad file is reported as file:line:col (exit 65) on every run.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { meetingSchema, type Meeting } from '../core/schema.js';
import { memoryOf, type MeetingMemory } from '../core/memory.js';
import { practiceOf, summarizeMeeting, type MeetingSummary, type PracticeMeeting } from '../core/summary.js';
import { DataError, type Problem } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { dateMatches, listMeetingDates, meetingFile } from './circle.js';
import { loadYaml } from './yaml-file.js';

export interface SummaryView<T extends { date: string }> {
  /** Names the cache file. */
  id: string;
  /** Bump when `pick` or the schema changes what an entry holds: older caches are then rebuilt. */
  version: number;
  pick(meeting: Meeting): T;
}

type Entries<T> = Record<string, { key: string; data: T }>;

/**
 * A cache file is a header line, then the entries as JSON. The header holds a hash of
 * the entries: a cache that was cut short, damaged or edited is rebuilt, never trusted.
 */
interface CacheHeader {
  format: 'circle-cache';
  view: string;
  version: number;
  sha1: string;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** How many meeting files are read at the same time. */
const CONCURRENCY = 32;

export const cacheDir = (dir: string) => join(dir, '.cache');
export const cacheFile = (dir: string, view: { id: string }) => join(cacheDir(dir), `${view.id}.json`);

async function readCache<T extends { date: string }>(path: string, view: SummaryView<T>): Promise<Entries<T>> {
  try {
    const text = await readFile(path, 'utf8');
    const cut = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, cut)) as Partial<CacheHeader>;
    const body = text.slice(cut + 1);
    if (header.format === 'circle-cache' && header.view === view.id && header.version === view.version && header.sha1 === sha1(body)) {
      return JSON.parse(body) as Entries<T>;
    }
  } catch {
    // Missing or unreadable: rebuilt below.
  }
  return {};
}

function fileKey(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return undefined;
  }
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

interface Stale {
  date: string;
  name: string;
  key: string | undefined;
}

interface Parsed<T> {
  entries: Array<[name: string, entry: { key: string; data: T }]>;
  problems: Problem[];
}

/** Parse, check and summarise meeting files (in this thread or in a worker). */
export async function parseStale<T extends { date: string }>(dir: string, view: SummaryView<T>, stale: readonly Stale[]): Promise<Parsed<T>> {
  const parsed: Parsed<T> = { entries: [], problems: [] };
  await eachLimited(stale, CONCURRENCY, async ({ date, name, key }) => {
    const file = meetingFile(dir, date);
    try {
      const data = view.pick((await loadYaml(file, meetingSchema, dateMatches(date))).data);
      if (key) parsed.entries.push([name, { key, data }]);
    } catch (error) {
      if (error instanceof DataError) parsed.problems.push(...error.problems);
      else if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // removed while we read: skip it
    }
  });
  return parsed;
}

/** The YAML parser is the cost of a cold cache: above this many files a second thread takes half. */
const SPLIT_FROM = 1000;
const WORKER = new URL('./parse-worker.js', import.meta.url); // beside the bundle in dist/
/** Run from the sources (the unit tests), there is no bundled worker: one thread. */
const BUNDLED = !import.meta.url.endsWith('.ts');

/** How many threads will parse this many files. */
export function parseThreads(files: number): number {
  return BUNDLED && files >= SPLIT_FROM && availableParallelism() >= 2 ? 2 : 1;
}

async function parseAll<T extends { date: string }>(dir: string, view: SummaryView<T>, stale: readonly Stale[]): Promise<Parsed<T>> {
  if (parseThreads(stale.length) === 1) return parseStale(dir, view, stale);
  const half = Math.ceil(stale.length / 2);
  const theirs = new Promise<Parsed<T>>((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { dir, view: view.id, stale: stale.slice(half) } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the parsing thread ended early (exit ${code})`)));
  });
  const [a, b] = await Promise.all([parseStale(dir, view, stale.slice(0, half)), theirs]);
  return { entries: [...a.entries, ...b.entries], problems: [...a.problems, ...b.problems] };
}

/**
 * One summary per meeting, oldest first. Throws DataError listing every bad meeting file.
 * `onParse` hears how many files must be parsed, and by how many threads, before they are
 * (a cold cache can take seconds).
 */
export async function readSummaries<T extends { date: string }>(
  dir: string,
  view: SummaryView<T>,
  onParse?: (files: number, threads: number) => void,
): Promise<T[]> {
  const dates = await listMeetingDates(dir);
  const path = cacheFile(dir, view);
  const cached = await readCache(path, view);
  const entries: Entries<T> = {};
  const stale: Stale[] = [];
  for (const date of dates) {
    const name = `${date}.yaml`;
    const key = fileKey(meetingFile(dir, date));
    const hit = cached[name];
    if (key && hit && hit.key === key && hit.data && hit.data.date === date) entries[name] = hit;
    else stale.push({ date, name, key });
  }

  if (stale.length) onParse?.(stale.length, parseThreads(stale.length));
  const parsed = await parseAll(dir, view, stale);
  for (const [name, entry] of parsed.entries) entries[name] = entry;
  const problems = parsed.problems;

  const removed = Object.keys(cached).some((name) => !(name in entries));
  if (stale.length || removed) {
    await writeCache(dir, path, view, entries);
    // A meeting file changed: the derived memory (src/store/memory.ts) is worked out again.
    if (view.id !== MEMORY_VIEW.id) await unlink(join(cacheDir(dir), 'memory.json')).catch(() => {});
  }
  if (problems.length) throw new DataError(problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line));
  return dates.flatMap((d) => (entries[`${d}.yaml`] ? [entries[`${d}.yaml`]!.data] : []));
}

async function writeCache<T extends { date: string }>(dir: string, path: string, view: SummaryView<T>, entries: Entries<T>): Promise<void> {
  const body = JSON.stringify(entries);
  const header: CacheHeader = { format: 'circle-cache', view: view.id, version: view.version, sha1: sha1(body) };
  try {
    await mkdir(cacheDir(dir), { recursive: true });
    await writeFileAtomic(path, `${JSON.stringify(header)}\n${body}`);
  } catch {
    // A read-only folder only costs speed: the summaries are still correct.
  }
}

/** What `history` and `stats` read. */
export const SUMMARY_VIEW: SummaryView<MeetingSummary> = { id: 'summaries', version: 4, pick: summarizeMeeting };
/** What the circle's memory is folded from (src/store/memory.ts). */
export const MEMORY_VIEW: SummaryView<MeetingMemory> = { id: 'memory', version: 1, pick: memoryOf };
/** What `practice` reads: the summary plus the words of commitments and reports. */
export const PRACTICE_VIEW: SummaryView<PracticeMeeting> = { id: 'practice', version: 4, pick: practiceOf };

/** The views by id, for the parsing thread. */
export const VIEWS: Record<string, SummaryView<{ date: string }>> = {
  [SUMMARY_VIEW.id]: SUMMARY_VIEW,
  [PRACTICE_VIEW.id]: PRACTICE_VIEW,
  [MEMORY_VIEW.id]: MEMORY_VIEW,
};
