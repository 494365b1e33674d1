// The derived files in circles/<slug>/.cache/ (local state, git-ignored, disposable): the
// snapshot of checked files (files.json, snapshot.ts), the meeting summaries
// (summaries.json, practice.json, memory-rows.json: summaries.ts) and the circle's memory
// (memory.json, memory.ts). All of them follow the rules here:
//
// - a file's key is its size, modification and change times and inode (the change time
//   catches an edit whose modification time was put back, the inode a file replaced);
// - a cache file is a header line (format, build, checksum of the rest) and a body: one
//   from another build, damaged, cut short, a link or not a file at all is read as empty;
// - nothing is kept of a file modified less than RACY_MS before it was looked at (git's
//   "racy clean" rule: an edit in the same tick of a coarse clock keeps size and times);
// - a cache is written quietly (a read-only folder, or a `.cache` that is a file or a link
//   out of the workspace, costs speed, never a command), never through a link (atomic.ts
//   replaces the link), and readable by its owner only;
// - a cache built from others' data names what it was built from in its key (memory.json:
//   every meeting file's key), so it never needs another cache removed to notice a change.
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The build (a hash of the sources, set by scripts/build.mjs): a cache from any other build is worked out again. */
declare const __CIRCLE_BUILD__: string | undefined;
const BUILD = typeof __CIRCLE_BUILD__ === 'string' ? __CIRCLE_BUILD__ : 'source';

export const cacheDir = (dir: string) => join(dir, '.cache');

/** How the name of a temp file the program writes (atomic.ts) begins. */
export const TEMP_PREFIX = '.circle-tmp-';

/** A cache file of a circle: its name in .cache/ and the layout of its body (a new layout, a new name here). */
export interface CacheFile {
  name: string;
  format: string;
}

/** What tells that a file changed, as stat gives it. */
export type FileKey = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** The key of the file at `path`, or undefined when there is none (or a folder on its path is a file). */
export function fileKey(path: string): FileKey | undefined {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s && [s.size, s.mtimeMs, s.ctimeMs, s.ino];
  } catch {
    return undefined;
  }
}

/** The keys of the files `names` in `folder`, in order (undefined for one that is gone). */
export function fileKeys(folder: string, names: readonly string[]): Array<FileKey | undefined> {
  const prefix = `${folder}${sep}`; // joined once: path.join per file costs as much as the stat
  return names.map((name) => fileKey(`${prefix}${name}`));
}

/**
 * One checksum of the files `names` in `folder`, by name and key (a file gone counts too),
 * and whether every one is settled: the key of a cache built from all of them. The keys go
 * straight into one array: a line of text per file cost more than its stat.
 */
export function filesChecksum(folder: string, names: readonly string[], lookedAt: number): { sum: string; settled: boolean } {
  const keys = fileKeys(folder, names);
  const packed = new Float64Array(names.length * 4);
  keys.forEach((key, i) => key && packed.set(key, i * 4));
  return {
    sum: checksum(Buffer.concat([Buffer.from(names.join('\n')), new Uint8Array(packed.buffer)])),
    settled: keys.every((key) => key !== undefined && settled(key, lookedAt)),
  };
}

/** Whether a key kept in a cache (its first four values) is the file's key now; anything else kept there (damaged) is not. */
export const sameKey = (kept: unknown, key: FileKey) => Array.isArray(kept) && key.every((value, i) => kept[i] === value);

/** A file modified this recently may change again within one tick of a coarse clock, its size and times unchanged. */
const RACY_MS = 2000;

/** Whether what was read from a file with this key, looked at `lookedAt` (ms), may be kept: git's racy-clean rule. */
export const settled = (key: FileKey, lookedAt: number) => key[1] < lookedAt - RACY_MS;

/**
 * Two FNV-1a hashes of the bytes, four at a time (0.2 ms on a large cache; sha1 took
 * 1–2.5 ms): a cache cut short, damaged or edited by hand is not used, and two states of a
 * circle's files never share a key by chance.
 */
export function checksum(bytes: Uint8Array): string {
  const words = bytes.length >> 2;
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes); // a copy, aligned
  const view = new Int32Array(aligned.buffer, aligned.byteOffset, words);
  let h = 0x811c9dc5;
  let g = 0x050c5d1f;
  for (let i = 0; i < words; i++) {
    h = Math.imul(h ^ view[i]!, 0x01000193);
    g = Math.imul(g ^ view[i]!, 0x01000193) ^ (g >>> 15);
  }
  for (let i = words * 4; i < bytes.length; i++) {
    h = Math.imul(h ^ bytes[i]!, 0x01000193);
    g = Math.imul(g ^ bytes[i]!, 0x01000193) ^ (g >>> 15);
  }
  return `${(h >>> 0).toString(36)}.${(g >>> 0).toString(36)}`;
}

interface Header {
  format: string;
  build: string;
  sum: string;
}

/** The JSON a cache file holds, when it is a regular file of this format and build and its checksum holds; else undefined. */
export function readCache(dir: string, cache: CacheFile): unknown {
  try {
    const fd = openSync(join(cacheDir(dir), cache.name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    let bytes: Buffer;
    try {
      if (!fstatSync(fd).isFile()) return undefined;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
    const cut = bytes.indexOf(10);
    if (cut === -1) return undefined;
    const header = JSON.parse(bytes.subarray(0, cut).toString('latin1')) as Partial<Header>;
    const body = bytes.subarray(cut + 1);
    return header.format === cache.format && header.build === BUILD && header.sum === checksum(body) ? JSON.parse(body.toString('utf8')) : undefined;
  } catch {
    return undefined; // missing, a link, unreadable or damaged: worked out again
  }
}

/** Write a cache file as the rules above say: quietly, over whatever is at its name, readable by its owner only. */
export async function writeCache(dir: string, cache: CacheFile, value: unknown): Promise<void> {
  const bytes = Buffer.from(JSON.stringify(value));
  const header: Header = { format: cache.format, build: BUILD, sum: checksum(bytes) };
  const { writeFileAtomic } = await import('./atomic.js'); // a run that only reads loads no writer (nor Node's fs/promises)
  try {
    mkdirSync(cacheDir(dir), { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(cacheDir(dir), cache.name), Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), bytes]), { durable: false, mode: 0o600 });
  } catch {
    // a read-only folder, a `.cache` that is a file, a full disk: the next run works it out again
  }
}
