// Loading a circle's files: circle.yaml, members.yaml and meetings/DATE.yaml.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { isIsoDate } from '../core/dates.js';
import { circleSchema, meetingSchema, membersSchema, type Circle, type Meeting, type MembersFile } from '../core/schema.js';
import { CircleError, DataError, type Problem } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { displayPath, loadYaml, type ExtraCheck, type YamlFile } from './yaml-file.js';

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
export interface ReadOptions {
  strict?: boolean;
}

export async function loadCircle(dir: string, slug: string, read: ReadOptions = {}): Promise<CircleFiles> {
  const [circle, members] = await collectProblems<[YamlFile<Circle>, YamlFile<MembersFile>]>([
    loadOrMissing(loadYaml(circleFile(dir), circleSchema, undefined, read), circleFile(dir), 'circle.yaml'),
    loadMembers(dir, read),
  ]);
  return { dir, slug, circle, members };
}

export function loadMembers(dir: string, read: ReadOptions = {}): Promise<YamlFile<MembersFile>> {
  return loadOrMissing(loadYaml(membersFile(dir), membersSchema, undefined, read), membersFile(dir), 'members.yaml');
}

/** Meeting dates from the file names alone, oldest first: no file is read. */
export async function listMeetingDates(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(meetingsDir(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
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

/** The newest meeting, or undefined before the first one. Reads one file, however long the history. */
export async function loadLastMeeting(dir: string, before?: string): Promise<YamlFile<Meeting> | undefined> {
  const dates = await listMeetingDates(dir);
  const earlier = before === undefined ? dates : dates.filter((d) => d < before);
  const last = earlier.at(-1);
  return last === undefined ? undefined : loadMeeting(dir, last);
}

/** Write a new meeting's minutes; an existing file for that date is never replaced (EEXIST). */
export async function writeNewMeeting(dir: string, date: string, minutes: unknown): Promise<string> {
  const path = meetingFile(dir, date);
  await mkdir(meetingsDir(dir), { recursive: true });
  try {
    await writeFileAtomic(path, stringify(minutes, { lineWidth: 0 }), { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new CircleError(`${displayPath(path)} appeared while the meeting ran and was left alone; the answers are still in .draft.yaml.`);
  }
  return path;
}
