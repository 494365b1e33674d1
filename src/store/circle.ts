// Loading a circle's files: circle.yaml, members.yaml and meetings/DATE.yaml. Data comes
// from the snapshot of checked files (snapshot.ts) while a file is unchanged; otherwise
// the file is parsed and checked (read-file.ts), which is loaded only then.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { isIsoDate } from '../core/dates.js';
import type { Circle, Meeting, MembersFile } from '../core/schema.js';
import { DataError, displayPath, UsageError, type Problem } from '../errors.js';
import { fileKeys, readCache, sameKey, settled, TEMP_PREFIX, writeCache, type CacheFile, type FileKey } from './cache.js';
import { readThroughSnapshot } from './snapshot.js';
import { loadWords } from '../core/languages.js';
import { useWords } from '../core/words.js';

/** A file's checked data. */
export interface Loaded<T> {
  path: string;
  data: T;
}

export interface CircleFiles {
  dir: string;
  slug: string;
  circle: Loaded<Circle>;
  members: Loaded<MembersFile>;
}

export const circleFile = (dir: string) => join(dir, 'circle.yaml');
export const membersFile = (dir: string) => join(dir, 'members.yaml');
export const meetingsDir = (dir: string) => join(dir, 'meetings');
export const meetingFile = (dir: string, date: string) => join(meetingsDir(dir), `${date}.yaml`);
export const meetingExists = (dir: string, date: string): boolean => existsSync(meetingFile(dir, date));

/** The values of settled loads, or one DataError with the problems of all of them. */
function valuesOf<T extends unknown[]>(results: ReadonlyArray<PromiseSettledResult<unknown>>): T {
  const problems: Problem[] = [];
  for (const r of results) {
    if (r.status === 'rejected') {
      if (r.reason instanceof DataError) problems.push(...r.reason.problems);
      else throw r.reason;
    }
  }
  if (problems.length) throw new DataError(problems);
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as T;
}

/**
 * The mode for a new file of the circle in `dir`: new minutes take that of the newest
 * meeting (else of members.yaml); a file that copies the circle's words (the draft) is no
 * more readable than circle.yaml, members.yaml and the newest meeting. The owner may
 * always read and write it; the umask still applies.
 */
export async function newFileMode(dir: string, kind: 'minutes' | 'copy'): Promise<number> {
  const newest = (await listMeetingDates(dir).catch(() => [])).at(-1);
  const modeOf = (file: string) => statSync(file, { throwIfNoEntry: false })?.mode ?? 0o666;
  const newestMeeting = newest === undefined ? undefined : modeOf(meetingFile(dir, newest));
  const mode = kind === 'minutes' ? (newestMeeting ?? modeOf(membersFile(dir))) : modeOf(circleFile(dir)) & modeOf(membersFile(dir)) & (newestMeeting ?? 0o666);
  return (mode & 0o666) | 0o600;
}

/** Run loaders side by side and report the problems of all of them together. */
export async function collectProblems<T extends unknown[]>(loads: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  return valuesOf<T>(await Promise.allSettled(loads));
}

/** How files are read: `strict` reads every file with yaml@2 and no snapshot (for `check`). */
interface ReadOptions {
  strict?: boolean;
}

/** Files of the circle in `dir`, by their path inside it (`circle.yaml`, `meetings/DATE.yaml`), checked. */
async function loadFiles<T extends unknown[]>(dir: string, names: readonly string[], { strict = false }: ReadOptions): Promise<T> {
  const read = async (name: string) => (await import('./read-file.js')).readCircleFile(dir, name, strict);
  return valuesOf<T>(strict ? await Promise.allSettled(names.map(read)) : await readThroughSnapshot(dir, names, read));
}

export async function loadCircle(dir: string, slug: string, read: ReadOptions = {}): Promise<CircleFiles> {
  const [circle, members] = await loadFiles<[Circle, MembersFile]>(dir, ['circle.yaml', 'members.yaml'], read);
  useWords(await loadWords(circle.language));
  return { dir, slug, circle: { path: circleFile(dir), data: circle }, members: { path: membersFile(dir), data: members } };
}

/** Meeting dates from the file names alone, oldest first: no file is read. */
export async function listMeetingDates(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(meetingsDir(dir));
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new DataError([{ file: displayPath(meetingsDir(dir)), line: 1, col: 1, message: 'expected the folder of minutes, found a file' }]);
    throw error;
  }
  const dates: string[] = [];
  for (const name of names) if (name.endsWith('.yaml') && isIsoDate(name.slice(0, -5))) dates.push(name.slice(0, -5));
  return dates.sort();
}

export async function loadMeeting(dir: string, date: string, read: ReadOptions = {}): Promise<Loaded<Meeting>> {
  const [data] = await loadFiles<[Meeting]>(dir, [`meetings/${date}.yaml`], read);
  return { path: meetingFile(dir, date), data };
}

/** `check` says how far it is after this many files. */
const PROGRESS_EVERY = 32;

/** The meeting files `circle check` passed, by date, with their keys then (cache.ts): not read again while unchanged. */
const CHECKED: CacheFile = { name: 'checked.json', format: 'circle-checked-1' };

function passedBefore(dir: string): Record<string, FileKey> {
  const passed = readCache(dir, CHECKED);
  return passed && typeof passed === 'object' && !Array.isArray(passed) ? (passed as Record<string, FileKey>) : {};
}

/**
 * Every file of the circle read as `circle check` reads it (yaml@2 and the strict schemas,
 * never the fast path or the snapshot): the files and how many meetings there are, or
 * every problem found. A meeting file that passed before and whose key and the build are
 * unchanged since (as eslint --cache does) is not read again. `onProgress` hears how
 * many of the files are done, as they are.
 */
export async function checkCircleFiles(
  dir: string,
  slug: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ files: CircleFiles; meetings: number } | { problems: Problem[] }> {
  try {
    const lookedAt = Date.now();
    const dates = await listMeetingDates(dir);
    const keys = fileKeys(meetingsDir(dir), dates.map((d) => `${d}.yaml`));
    const before = passedBefore(dir);
    const passed: Record<string, FileKey> = {};
    const toRead: Array<[date: string, key: FileKey | undefined]> = [];
    dates.forEach((date, i) => {
      const key = keys[i];
      const kept = before[date];
      if (key && sameKey(kept, key)) passed[date] = key;
      else toRead.push([date, key]);
    });
    const total = dates.length + 2;
    let done = total - toRead.length;
    const circle = loadCircle(dir, slug, { strict: true }).finally(() => onProgress?.(done, total));
    circle.catch(() => {}); // its problems are reported below, with the meetings'
    const problems: Problem[] = [];
    const [{ readMeetingFile }, { readCircleFile }] = await Promise.all([import('./parse-meetings.js'), import('./read-file.js')]);
    for (const [date, key] of toRead) {
      try {
        // A file gone since the folder was listed: read-file.ts says so (or finds it rewritten).
        if (!key || !(await readMeetingFile(meetingFile(dir, date), date, key, true))) await readCircleFile(dir, `meetings/${date}.yaml`, true);
        else if (settled(key, lookedAt)) passed[date] = key;
      } catch (error) {
        if (error instanceof DataError) problems.push(...error.problems);
        else throw error;
      }
      if (++done % PROGRESS_EVERY === 0 || done === total) onProgress?.(done, total);
    }
    if (toRead.length) await writeCache(dir, CHECKED, passed);
    const [files] = await collectProblems<[CircleFiles, unknown]>([circle, problems.length ? Promise.reject(new DataError(problems)) : Promise.resolve()]);
    return { files, meetings: dates.length };
  } catch (error) {
    if (error instanceof DataError) return { problems: error.problems };
    throw error;
  }
}

/** The newest meeting, or undefined before the first one. Reads one file, however long the history. */
export async function loadLastMeeting(dir: string): Promise<Loaded<Meeting> | undefined> {
  const last = (await listMeetingDates(dir)).at(-1);
  return last === undefined ? undefined : loadMeeting(dir, last);
}

/** What lives in a circle's folder that only the program and the facilitator's editor may write. */
const DATA_NAMES = new Set(['circle.yaml', 'members.yaml', 'meetings', '.draft.yaml', '.lock', '.write-lock', '.cache', '.gitignore']);

/** The real path of `file`, links followed, for a file that may not exist yet. */
async function realTarget(file: string): Promise<string> {
  try {
    return realpathSync.native(file); // as the disk spells it (a case-insensitive disk may take Circle.yaml for circle.yaml)
  } catch {
    const parent = dirname(file);
    return parent === file ? file : join(await realTarget(parent), basename(file));
  }
}

/**
 * Refuse (exit 2) an output path (--out, --ics) that is a data file of a circle: its
 * circle.yaml, members.yaml, anything in meetings/, the draft, locks, caches and temp
 * files. Links are followed. Other files in a circle's folder are fine.
 */
export async function refuseCircleData(file: string, shown: string): Promise<void> {
  const target = await realTarget(file);
  for (let dir = dirname(target), inside = basename(target); dirname(dir) !== dir; inside = join(basename(dir), inside), dir = dirname(dir)) {
    const first = inside.split(sep)[0]!;
    if (!DATA_NAMES.has(first) && !first.startsWith(TEMP_PREFIX)) continue;
    const isCircle = basename(dirname(dir)) === 'circles' || existsSync(circleFile(dir)) || existsSync(membersFile(dir));
    if (isCircle) {
      const what = first === inside ? first : `in ${first}${sep}`;
      throw new UsageError(
        `${shown}: that is ${what}, part of the data of the circle in ${displayPath(dir)}; output is never written there. Choose another file, e.g. agenda.md outside that folder.`,
      );
    }
  }
}
