// The checked data of the circle files a command read, kept in circles/<slug>/.cache/files.json
// so that the next run takes it from JSON: a warm `agenda` or `meet` loads neither the YAML
// parser nor the schemas.
//
// An entry is used while its file's size, mtime, ctime and inode are as recorded and the
// build is the one that wrote it; otherwise the file is read and checked again. Only data
// that passed the schema is kept, never that of a file modified within RACY_MS of being
// read. A snapshot that does not parse, fails its checksum or is from another build is
// ignored. It holds circle.yaml, members.yaml and the newest few meeting files read.
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { BUILD, cacheDir, RACY_MS } from './cache.js';

const FORMAT = 'circle-files-1';
/** Meeting files kept besides circle.yaml and members.yaml: the newest ones read. */
const MEETINGS_KEPT = 4;

type Key = [size: number, mtimeMs: number, ctimeMs: number, ino: number];
type Entry = [...key: Key, data: unknown];

const snapshotFile = (dir: string) => join(cacheDir(dir), 'files.json');

/** FNV-1a of the bytes, four at a time: a damaged or edited snapshot is not used (its data would skip the schema). */
export function checksum(bytes: Uint8Array): string {
  const words = bytes.length >> 2;
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes); // a copy, aligned
  const view = new Int32Array(aligned.buffer, aligned.byteOffset, words);
  let h = 0x811c9dc5;
  for (let i = 0; i < words; i++) h = Math.imul(h ^ view[i]!, 0x01000193);
  for (let i = words * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * The snapshot read last, by its file's stat: a command reads it once, not once per load.
 * Each entry is still checked against its own file, so a snapshot read earlier can only
 * miss newer entries, never give data a file no longer holds.
 */
let lastRead: { stamp: string; entries: Record<string, Entry> } | undefined;

function readEntries(dir: string): Record<string, Entry> {
  const path = snapshotFile(dir);
  const s = statSync(path, { throwIfNoEntry: false });
  const stamp = s ? `${path}:${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}` : '';
  if (stamp && lastRead?.stamp === stamp) return lastRead.entries;
  let entries: Record<string, Entry> = {};
  try {
    const bytes = readFileSync(path);
    const cut = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, cut).toString('utf8')) as { format?: string; build?: string; sum?: string };
    const body = bytes.subarray(cut + 1);
    if (header.format === FORMAT && header.build === BUILD && header.sum === checksum(body)) entries = JSON.parse(body.toString('utf8')) as Record<string, Entry>;
  } catch {
    // missing or damaged: the files are read
  }
  lastRead = { stamp, entries };
  return entries;
}

function keyOf(path: string): Key | undefined {
  const s = statSync(path, { throwIfNoEntry: false });
  return s && [s.size, s.mtimeMs, s.ctimeMs, s.ino];
}

const sameKey = (entry: Entry, key: Key) => entry[0] === key[0] && entry[1] === key[1] && entry[2] === key[2] && entry[3] === key[3];

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
      const key = keyOf(join(dir, name));
      const entry = entries[name];
      if (key && entry && sameKey(entry, key)) return entry[4] as T;
      const readAt = Date.now();
      const data = await read(name);
      if (key && key[1] < readAt - RACY_MS) found[name] = [...key, data];
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
  const body = Buffer.from(JSON.stringify(all));
  try {
    await mkdir(cacheDir(dir), { recursive: true });
    await writeFileAtomic(snapshotFile(dir), Buffer.concat([Buffer.from(`${JSON.stringify({ format: FORMAT, build: BUILD, sum: checksum(body) })}\n`), body]), { durable: false });
  } catch {
    // a read-only folder only costs speed
  }
}
