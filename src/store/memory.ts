// The circle's memory (open commitments, the topic backlog), kept in a small derived file,
// circles/<slug>/.cache/memory.json, so that `agenda` and `meet` do not read every meeting.
//
// The file is trusted while the build that wrote it is this one, the meetings folder is
// unchanged (its times and size: adding, removing or replacing a file by rename changes
// them, so the folder need not even be listed) and so is the newest meeting file;
// otherwise it is rebuilt from the per-meeting summaries (src/store/summaries.ts), which
// re-read only the files that changed. It also records how many meetings there are and
// the newest one's date. `history`, `stats` and `practice` look at every file and drop it
// when any changed, which catches an older file edited in place.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryOf, remember, type Memory } from '../core/memory.js';
import { DataError, displayPath, type Problem } from '../errors.js';
import type { Circle } from '../core/schema.js';
import { writeFileAtomic } from './atomic.js';
import { listMeetingDates, loadMeeting, meetingFile, meetingsDir } from './circle.js';
import { BUILD, cacheDir } from './cache.js';

const FORMAT = 'circle-memory-3';
const memoryFile = (dir: string) => join(cacheDir(dir), 'memory.json');

async function stamp(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
  } catch {
    return 'none';
  }
}

interface Remembered {
  memory: Memory;
  /** Meeting files that could not be read: what they hold is left out of the memory. */
  unreadable: Problem[];
}

interface Saved {
  format: string;
  /** The build that wrote it: another build's memoryOf may differ. */
  build: string;
  /** The meetings folder, the newest file and the dropped topics as they were. */
  folder: string;
  newestFile: string;
  dropped: string;
  count: number;
  newest?: string;
  memory: Memory;
}

/** What the circle let go of: topics and questions. */
type Dropped = Pick<Circle, 'dropped_topics'> & Partial<Pick<Circle, 'dropped_questions'>>;

/** The memory from every meeting's summary; a bad file leaves its meeting out (and is reported) rather than failing. */
async function fold(dir: string, circle: Dropped, dates: readonly string[]): Promise<Remembered> {
  const wanted = new Set(dates);
  const { MEMORY_VIEW, readSummaries } = await import('./summaries.js');
  try {
    return { memory: remember((await readSummaries(dir, MEMORY_VIEW)).filter((m) => wanted.has(m.date)), circle.dropped_topics, circle.dropped_questions), unreadable: [] };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const bad = new Set(error.problems.map((p) => p.file));
    const good = await Promise.all(
      dates.filter((d) => !bad.has(displayPath(meetingFile(dir, d)))).map(async (d) => memoryOf((await loadMeeting(dir, d)).data)),
    );
    return { memory: remember(good, circle.dropped_topics, circle.dropped_questions), unreadable: error.problems };
  }
}

/** What is open after every meeting of the circle, how many meetings there are, and the newest one's date. */
export async function circleMemory(dir: string, circle: Dropped): Promise<Remembered & { count: number; newest?: string }> {
  const folder = await stamp(meetingsDir(dir)); // before the listing: a file added meanwhile makes the next run look again
  const dropped = JSON.stringify([circle.dropped_topics, circle.dropped_questions]);
  try {
    const saved = JSON.parse(await readFile(memoryFile(dir), 'utf8')) as Saved;
    const same =
      saved.format === FORMAT && saved.build === BUILD && saved.folder === folder && saved.dropped === dropped && (await stamp(meetingFile(dir, saved.newest ?? ''))) === saved.newestFile;
    if (same) return { memory: saved.memory, unreadable: [], count: saved.count, ...(saved.newest && { newest: saved.newest }) };
  } catch {
    // missing or damaged: worked out below
  }
  const dates = await listMeetingDates(dir);
  const newest = dates.at(-1);
  const remembered = await fold(dir, circle, dates);
  const known = { count: dates.length, ...(newest && { newest }) };
  // Not kept while a file cannot be read: worked out again once it is fixed.
  if (remembered.unreadable.length) return { ...remembered, ...known };
  const saved: Saved = { format: FORMAT, build: BUILD, folder, newestFile: await stamp(meetingFile(dir, newest ?? '')), dropped, ...known, memory: remembered.memory };
  try {
    await mkdir(cacheDir(dir), { recursive: true });
    await writeFileAtomic(memoryFile(dir), JSON.stringify(saved), { durable: false });
  } catch {
    // a read-only folder only costs speed
  }
  return { ...remembered, ...known };
}

/** What was open before `date`, for a meeting dated before others on record: worked out afresh. */
export async function memoryBefore(dir: string, circle: Dropped, date: string): Promise<Remembered> {
  return fold(dir, circle, (await listMeetingDates(dir)).filter((d) => d < date));
}
