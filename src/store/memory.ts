// The circle's memory (open commitments, the topic backlog), kept in a small derived file,
// circles/<slug>/.cache/memory.json, so that `agenda` and `meet` do not read every meeting.
//
// Its key is every file it was folded from (each meeting file's key, cache.ts) and the
// dropped topics: a meeting added, removed or edited in place, however old, is noticed.
// Otherwise it is folded again from the per-meeting rows (summaries.ts, MEMORY_VIEW), which
// re-read only the files that changed. Its size grows with what is open, not with history.
import { memoryOf, remember, type Memory } from '../core/memory.js';
import { DataError, displayPath, type Problem } from '../errors.js';
import type { Circle } from '../core/schema.js';
import { checksum, filesChecksum, readCache, writeCache, type CacheFile } from './cache.js';
import { listMeetingDates, loadMeeting, meetingFile, meetingsDir } from './circle.js';

const MEMORY: CacheFile = { name: 'memory.json', format: 'circle-memory-3' };

interface Remembered {
  memory: Memory;
  /** Meeting files that could not be read: what they hold is left out of the memory. */
  unreadable: Problem[];
}

interface Saved {
  /** The checksum of what it was folded from (sourcesOf). */
  sources: string;
  memory: Memory;
}

/** What the circle let go of: topics and questions. */
type Dropped = Pick<Circle, 'dropped_topics'> & Partial<Pick<Circle, 'dropped_questions'>>;

/** What the memory is folded from, as a checksum; and whether every file is settled (may be kept, cache.ts). */
function sourcesOf(dir: string, dates: readonly string[], circle: Dropped, lookedAt: number): { sources: string; keep: boolean } {
  const files = filesChecksum(meetingsDir(dir), dates.map((d) => `${d}.yaml`), lookedAt);
  const dropped = checksum(Buffer.from(JSON.stringify([circle.dropped_topics, circle.dropped_questions ?? []])));
  return { sources: `${files.sum}.${dropped}`, keep: files.settled };
}

function readSaved(dir: string): Saved | undefined {
  const saved = readCache(dir, MEMORY) as Saved | null | undefined;
  const memory = saved?.memory;
  return saved && typeof saved.sources === 'string' && Array.isArray(memory?.commitments) && Array.isArray(memory.backlog) && Array.isArray(memory.questions) ? saved : undefined;
}

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
  const lookedAt = Date.now();
  const dates = await listMeetingDates(dir);
  const newest = dates.at(-1);
  const known = { count: dates.length, ...(newest && { newest }) };
  const { sources, keep } = sourcesOf(dir, dates, circle, lookedAt);
  const saved = readSaved(dir);
  if (saved?.sources === sources) return { memory: saved.memory, unreadable: [], ...known };
  const remembered = await fold(dir, circle, dates);
  // Not kept while a file cannot be read (worked out again once it is fixed), nor of a file just changed.
  if (keep && !remembered.unreadable.length) await writeCache(dir, MEMORY, { sources, memory: remembered.memory } satisfies Saved);
  return { ...remembered, ...known };
}

/** What was open before `date`, for a meeting dated before others on record: worked out afresh. */
export async function memoryBefore(dir: string, circle: Dropped, date: string): Promise<Remembered> {
  return fold(dir, circle, (await listMeetingDates(dir)).filter((d) => d < date));
}
