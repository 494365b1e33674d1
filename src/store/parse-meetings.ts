// Parsing meeting files for a cold or changed summary cache (summaries.ts): YAML read and
// checked, then summarised, here and, for many files, in a worker thread too. Loaded only
// when there is something to parse, so a warm `history` loads no YAML library or schema.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { meetingSchema } from '../core/schema.js';
import { DataError, type Problem } from '../errors.js';
import { dateMatches, meetingFile } from './circle.js';
import type { SummaryView } from './summaries.js';
import { decodeUtf8 } from './utf8.js';
import { loadYaml, MAX_FILE_BYTES, readYaml } from './yaml-file.js';

/** A meeting file's size, mtime, ctime and inode, as read by stat. */
export type Key = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

export interface Stale {
  date: string;
  key: Key;
}

export interface Parsed<T> {
  entries: Array<[date: string, key: Key, data: T]>;
  problems: Problem[];
}

/** Parse, check and summarise meeting files (in this thread or in a worker). */
export async function parseStale<T extends { date: string }>(dir: string, view: SummaryView<T>, stale: readonly Stale[]): Promise<Parsed<T>> {
  const parsed: Parsed<T> = { entries: [], problems: [] };
  for (const { date, key } of stale) {
    const file = meetingFile(dir, date);
    try {
      // Read at once (much quicker than fs/promises for thousands of small files);
      // anything unusual goes through loadYaml, which words the problem.
      let bytes: Buffer | undefined;
      try {
        if (key[0] <= MAX_FILE_BYTES) bytes = readFileSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed while we read: skip it
      }
      const text = bytes && decodeUtf8(file, bytes);
      const meeting = text === undefined ? await loadYaml(file, meetingSchema, dateMatches(date)) : readYaml(file, text, meetingSchema, dateMatches(date));
      parsed.entries.push([date, key, view.pick(meeting.data)]);
    } catch (error) {
      if (error instanceof DataError) parsed.problems.push(...error.problems);
      else if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return parsed;
}

/** The YAML parser is the cost of a cold cache: above this many files, other threads help. */
const SPLIT_FROM = 1000;
const WORKER = new URL('./parse-worker.js', import.meta.url); // beside the bundle in dist/
/** Run from the sources (the unit tests), there is no bundled worker: one thread. */
const BUNDLED = !import.meta.url.endsWith('.ts');
/** Files taken at a time from the shared counter. */
const SHARE = 64;

/** How many threads will parse this many files: this one, and a worker on a second core. */
export function parseThreads(files: number): number {
  return BUNDLED && files >= SPLIT_FROM && availableParallelism() >= 2 ? 2 : 1;
}

/** Parsing makes much short-lived garbage: a larger young generation than the default halves the time spent collecting it. */
const YOUNG_GENERATION_MB = 64;

/**
 * Parse files until none are left, taking SHARE at a time from `next` (a counter in
 * shared memory that every parsing thread takes from): no thread waits while another
 * still has a long list.
 */
export async function parseShare<T extends { date: string }>(dir: string, view: SummaryView<T>, stale: readonly Stale[], next: Int32Array): Promise<Parsed<T>> {
  const parsed: Parsed<T> = { entries: [], problems: [] };
  for (let at = Atomics.add(next, 0, SHARE); at < stale.length; at = Atomics.add(next, 0, SHARE)) {
    const part = await parseStale(dir, view, stale.slice(at, at + SHARE));
    parsed.entries.push(...part.entries);
    parsed.problems.push(...part.problems);
  }
  return parsed;
}

type WorkerClass = typeof import('node:worker_threads').Worker;

function inWorker<T extends { date: string }>(Worker: WorkerClass, dir: string, view: SummaryView<T>, stale: readonly Stale[], next: Int32Array): Promise<Parsed<T>> {
  return new Promise<Parsed<T>>((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { dir, view: view.id, stale, next }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the parsing thread ended early (exit ${code})`)));
  });
}

/** This thread starts on the files at once; the workers join in as soon as they are up. */
export async function parseAll<T extends { date: string }>(dir: string, view: SummaryView<T>, stale: readonly Stale[]): Promise<Parsed<T>> {
  const threads = parseThreads(stale.length);
  if (threads === 1) return parseStale(dir, view, stale);
  const { Worker } = await import('node:worker_threads'); // only for a cold cache: not loaded otherwise
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers = Promise.all(Array.from({ length: threads - 1 }, () => inWorker(Worker, dir, view, stale, next)));
  workers.catch(() => {}); // a failed worker is reported below, once this thread is done
  const all = [await parseShare(dir, view, stale, next), ...(await workers)];
  return { entries: all.flatMap((p) => p.entries), problems: all.flatMap((p) => p.problems) };
}
