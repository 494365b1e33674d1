// The checked data of the circle files a command read, kept in circles/<slug>/.cache/files.json
// so that the next run takes it from JSON: a warm `agenda` or `meet` loads neither the YAML
// parser nor the schemas. An entry is used while its file's key is as recorded (cache.ts);
// only data that passed the schema is kept. It holds circle.yaml, members.yaml and the
// newest few meeting files read.
import { join } from 'node:path';
import { cacheDir, fileKey, readCache, sameKey, settled, writeCache, type CacheFile, type FileKey } from './cache.js';

const SNAPSHOT: CacheFile = { name: 'files.json', format: 'circle-files-2' };
/** Meeting files kept besides circle.yaml and members.yaml: the newest ones read. */
const MEETINGS_KEPT = 4;

type Entry = [...key: FileKey, data: unknown];

/**
 * The snapshot read last, by its file's stat: a command reads it once, not once per load
 * (agenda loads three times; reading it each time cost 5% of a warm agenda's instructions).
 * Each entry is still checked against its own file, so a snapshot read earlier can only
 * miss newer entries, never give data a file no longer holds.
 */
let lastRead: { path: string; key: FileKey; entries: Record<string, Entry> } | undefined;

function readEntries(dir: string): Record<string, Entry> {
  const path = join(cacheDir(dir), SNAPSHOT.name);
  const key = fileKey(path);
  if (key && lastRead?.path === path && sameKey(lastRead.key, key)) return lastRead.entries;
  const read = readCache(dir, SNAPSHOT);
  const entries = read && typeof read === 'object' && !Array.isArray(read) ? (read as Record<string, Entry>) : {};
  lastRead = key && { path, key, entries };
  return entries;
}

/**
 * The data of each file (named by its path inside the circle's folder `dir`): from the
 * snapshot where the file is unchanged, else from `read`, which parses and checks it.
 * Settles like Promise.allSettled, so the caller can report every problem at once.
 */
export async function readThroughSnapshot<T>(dir: string, names: readonly string[], read: (name: string) => Promise<T>): Promise<Array<PromiseSettledResult<T>>> {
  const entries = readEntries(dir);
  const found: Record<string, Entry> = {};
  const results = await Promise.allSettled(
    names.map(async (name) => {
      const key = fileKey(join(dir, name));
      const entry = entries[name];
      if (key && entry?.length === 5 && sameKey(entry, key)) return entry[4] as T;
      const lookedAt = Date.now();
      const data = await read(name);
      if (key && settled(key, lookedAt)) found[name] = [...key, data];
      return data;
    }),
  );
  if (Object.keys(found).length) await save(dir, found);
  return results;
}

/** Add entries to the snapshot (as it is now on disk), keeping the newest few meetings. */
async function save(dir: string, found: Record<string, Entry>): Promise<void> {
  const all = { ...readEntries(dir), ...found };
  const meetings = Object.keys(all).filter((n) => n.startsWith('meetings/')).sort();
  for (const old of meetings.slice(0, -MEETINGS_KEPT)) delete all[old];
  await writeCache(dir, SNAPSHOT, all);
}
