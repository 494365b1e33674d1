// Loading a circle's files: circle.yaml, members.yaml and meetings/DATE.yaml.
import { existsSync } from 'node:fs';
import { mkdir, readdir, realpath } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { stringify } from 'yaml';
import { isIsoDate } from '../core/dates.js';
import { circleSchema, meetingSchema, membersSchema, type Circle, type Meeting, type MembersFile } from '../core/schema.js';
import { CircleError, DataError, UsageError, type Problem } from '../errors.js';
import { TEMP_PREFIX } from './atomic.js';
import { checkBeforeWrite, displayPath, loadYaml, writeCircleFile, type ExtraCheck, type YamlFile } from './yaml-file.js';

export interface CircleFiles {
  dir: string;
  slug: string;
  circle: YamlFile<Circle>;
  members: YamlFile<MembersFile>;
}

export const circleFile = (dir: string) => join(dir, 'circle.yaml');
export const membersFile = (dir: string) => join(dir, 'members.yaml');
export const meetingsDir = (dir: string) => join(dir, 'meetings');
export const meetingFile = (dir: string, date: string) => join(meetingsDir(dir), `${date}.yaml`);

/** Run loaders side by side and report the problems of all of them together. */
export async function collectProblems<T extends unknown[]>(
  loads: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const results = await Promise.allSettled(loads);
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

function missingFile(path: string, what: string): never {
  throw new DataError([{ file: displayPath(path), line: 1, col: 1, message: `${what} is missing` }]);
}

async function loadOrMissing<T>(load: Promise<T>, path: string, what: string): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') missingFile(path, what);
    throw error;
  }
}

/** How files are read: `strict` reads every file with yaml@2, never the fast path (for `check`). */
interface ReadOptions {
  strict?: boolean;
}

export async function loadCircle(dir: string, slug: string, read: ReadOptions = {}): Promise<CircleFiles> {
  const [circle, members] = await collectProblems<[YamlFile<Circle>, YamlFile<MembersFile>]>([
    loadOrMissing(loadYaml(circleFile(dir), circleSchema, undefined, read), circleFile(dir), 'circle.yaml'),
    loadOrMissing(loadYaml(membersFile(dir), membersSchema, undefined, read), membersFile(dir), 'members.yaml'),
  ]);
  return { dir, slug, circle, members };
}

/** Meeting dates from the file names alone, oldest first: no file is read. */
export async function listMeetingDates(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(meetingsDir(dir));
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new DataError([{ file: displayPath(meetingsDir(dir)), line: 1, col: 1, message: 'expected the folder of minutes, found a file' }]);
    throw error;
  }
  return names
    .filter((n) => n.endsWith('.yaml') && isIsoDate(n.slice(0, -5)))
    .map((n) => n.slice(0, -5))
    .sort();
}

/** Beyond the meeting schema: the date inside matches the file name. */
export function dateMatches(date: string): ExtraCheck<Meeting> {
  return (m) => (m.date === date ? [] : [{ path: ['date'], message: `does not match the file name ${date}.yaml` }]);
}

export async function loadMeeting(dir: string, date: string, read: ReadOptions = {}): Promise<YamlFile<Meeting>> {
  const path = meetingFile(dir, date);
  return loadOrMissing(loadYaml(path, meetingSchema, dateMatches(date), read), path, `the meeting of ${date}`);
}

/** How many meeting files `loadMeetings` reads at the same time. */
const READ_AT_ONCE = 32;

/** Every meeting on these dates, read a few at a time; one DataError lists the problems of all of them. */
export async function loadMeetings(dir: string, dates: readonly string[], read: ReadOptions = {}): Promise<Array<YamlFile<Meeting>>> {
  const out: Array<YamlFile<Meeting>> = [];
  const problems: Problem[] = [];
  for (let i = 0; i < dates.length; i += READ_AT_ONCE) {
    const batch = await Promise.allSettled(dates.slice(i, i + READ_AT_ONCE).map((d) => loadMeeting(dir, d, read)));
    for (const r of batch) {
      if (r.status === 'fulfilled') out.push(r.value);
      else if (r.reason instanceof DataError) problems.push(...r.reason.problems);
      else throw r.reason;
    }
  }
  if (problems.length) throw new DataError(problems);
  return out;
}

/**
 * Every file of the circle read as `circle check` reads it (yaml@2 and the strict schemas,
 * never the fast path): the files and how many meetings there are, or every problem found.
 */
export async function checkCircleFiles(dir: string, slug: string): Promise<{ files: CircleFiles; meetings: number } | { problems: Problem[] }> {
  try {
    const dates = await listMeetingDates(dir);
    const [files] = await collectProblems<[CircleFiles, unknown]>([loadCircle(dir, slug, { strict: true }), loadMeetings(dir, dates, { strict: true })]);
    return { files, meetings: dates.length };
  } catch (error) {
    if (error instanceof DataError) return { problems: error.problems };
    throw error;
  }
}

/** The newest meeting, or undefined before the first one. Reads one file, however long the history. */
export async function loadLastMeeting(dir: string): Promise<YamlFile<Meeting> | undefined> {
  const last = (await listMeetingDates(dir)).at(-1);
  return last === undefined ? undefined : loadMeeting(dir, last);
}

/** A meeting's minutes as they will be written, checked as the next read will check them. */
interface CheckedMinutes {
  path: string;
  date: string;
  text: string;
}

/** The minutes' text, checked; a CircleError saying why when the next read would refuse them. */
export function checkMinutes(dir: string, date: string, minutes: unknown): CheckedMinutes {
  const path = meetingFile(dir, date);
  const text = stringify(minutes, { lineWidth: 0 });
  checkBeforeWrite(
    path,
    text,
    meetingSchema,
    (why) => `the minutes of ${date} would not be valid (${why}); nothing was written, and the answers are still in .draft.yaml.`,
    dateMatches(date),
  );
  return { path, date, text };
}

/** Write checked minutes; an existing file for that date is never replaced (EEXIST). */
export async function writeNewMeeting(dir: string, { path, text }: CheckedMinutes): Promise<string> {
  await mkdir(meetingsDir(dir), { recursive: true });
  try {
    await writeCircleFile(path, text, { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new CircleError(`${displayPath(path)} appeared while the meeting ran and was left alone; the answers are still in .draft.yaml.`);
  }
  return path;
}

/** What lives in a circle's folder that only the program and the facilitator's editor may write. */
const DATA_NAMES = new Set(['circle.yaml', 'members.yaml', 'meetings', '.draft.yaml', '.lock', '.write-lock', '.cache', '.gitignore']);

/** The real path of `file`, links followed, for a file that may not exist yet. */
async function realTarget(file: string): Promise<string> {
  try {
    return await realpath(file);
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
