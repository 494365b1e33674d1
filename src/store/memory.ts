// The circle's memory (open commitments, the topic backlog), kept in a small derived file,
// circles/<slug>/.cache/memory.json, so that `agenda` and `meet` do not read every meeting.
//
// The file is trusted while the meeting files are the same ones (a hash of their names),
// the meetings folder has not changed (its modification time: adding, removing or
// replacing a file by rename changes it) and the newest file is unchanged; otherwise it is
// rebuilt from the per-meeting summaries (src/store/summaries.ts), which re-read only the
// files that changed. `history`, `stats` and `practice` look at every file and drop it
// when any changed, which catches an older file edited in place.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryOf, remember, type Memory } from '../core/memory.js';
import { DataError, displayPath, type Problem } from '../errors.js';
import type { Circle } from '../core/schema.js';
import { writeFileAtomic } from './atomic.js';
import { listMeetingDates, loadMeeting, meetingFile, meetingsDir } from './circle.js';
import { cacheDir, MEMORY_VIEW, readSummaries } from './summaries.js';

const FORMAT = 'circle-memory-1';
const memoryFile = (dir: string) => join(cacheDir(dir), 'memory.json');
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

async function stamp(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
  } catch {
    return 'none';
  }
}

/** What the derived file must match to be trusted. */
async function validity(dir: string, dates: readonly string[], circle: Pick<Circle, 'dropped_topics'>): Promise<string> {
  const newest = dates.at(-1);
  const [folder, file] = await Promise.all([stamp(meetingsDir(dir)), newest ? stamp(meetingFile(dir, newest)) : 'none']);
  return sha1([FORMAT, dates.join(','), folder, file, JSON.stringify(circle.dropped_topics)].join('\n'));
}

interface Remembered {
  memory: Memory;
  /** Meeting files that could not be read: what they hold is left out of the memory. */
  unreadable: Problem[];
}

/** The memory from every meeting's summary; a bad file leaves its meeting out (and is reported) rather than failing. */
async function fold(dir: string, circle: Pick<Circle, 'dropped_topics'>, keep: (date: string) => boolean): Promise<Remembered> {
  const dates = (await listMeetingDates(dir)).filter(keep);
  try {
    return { memory: remember((await readSummaries(dir, MEMORY_VIEW)).filter((m) => keep(m.date)), circle.dropped_topics), unreadable: [] };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const bad = new Set(error.problems.map((p) => p.file));
    const good = await Promise.all(
      dates.filter((d) => !bad.has(displayPath(meetingFile(dir, d)))).map(async (d) => memoryOf((await loadMeeting(dir, d)).data)),
    );
    return { memory: remember(good, circle.dropped_topics), unreadable: error.problems };
  }
}

/**
 * The memory after every meeting on `dates` (all the circle's meetings, oldest first), or,
 * with `before`, after those before that day (a back-dated meeting: worked out afresh).
 */
export async function loadMemory(dir: string, circle: Pick<Circle, 'dropped_topics'>, dates: readonly string[], before?: string): Promise<Remembered> {
  if (before !== undefined && dates.some((d) => d >= before)) return fold(dir, circle, (d) => d < before);
  const key = await validity(dir, dates, circle);
  try {
    const saved = JSON.parse(await readFile(memoryFile(dir), 'utf8')) as { key: string; memory: Memory };
    if (saved.key === key) return { memory: saved.memory, unreadable: [] };
  } catch {
    // missing or damaged: rebuilt below
  }
  const remembered = await fold(dir, circle, () => true);
  if (remembered.unreadable.length) return remembered; // not kept: worked out again once the file is fixed
  try {
    await mkdir(cacheDir(dir), { recursive: true });
    await writeFileAtomic(memoryFile(dir), JSON.stringify({ key, memory: remembered.memory }));
  } catch {
    // a read-only folder only costs speed
  }
  return remembered;
}
