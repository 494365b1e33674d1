// Crash-safe writes: a temp file in the same folder, fsynced, renamed over the
// target, then the folder fsynced. A reader sees the old file or the new one, never half.
import { randomBytes } from 'node:crypto';
import { link, lstat, open, readdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const TEMP_PREFIX = '.circle-tmp-';

/** Whether a process with this id runs on this machine. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Some systems cannot open or fsync a folder; the rename is still atomic.
  }
}

/** Create `file` with the temp file's content, failing if it exists. */
async function linkExclusive(temp: string, file: string, text: string | Uint8Array): Promise<void> {
  try {
    await link(temp, file);
  } catch (error) {
    // File systems without hard links (exFAT, some network mounts): create exclusively instead.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    const handle = await open(file, 'wx', 0o644);
    await handle.writeFile(text).then(() => handle.sync()).finally(() => handle.close());
  }
}

/** Remove temp files left behind by writers that died. */
export async function sweepTemp(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = new RegExp(`^${TEMP_PREFIX}(\\d+)-`).exec(name);
    if (m && !isAlive(Number(m[1]))) await unlink(join(dir, name)).catch(() => {});
  }
}

const swept = new Set<string>();

export async function writeFileAtomic(file: string, text: string | Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
  const dir = dirname(file);
  if (!swept.has(dir)) {
    swept.add(dir); // once per folder and process: leftovers of writers that died
    await sweepTemp(dir);
  }
  const temp = join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}-${basename(file)}`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.exclusive) {
      // Never replace an existing file: link fails if the target exists.
      await linkExclusive(temp, file, text);
      await unlink(temp);
    } else {
      await rename(temp, file);
    }
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await fsyncDir(dir);
}

/**
 * Write a file the user named with --out: a regular file (or a new one) is replaced
 * atomically, a link is followed to its file, and a device or pipe is written into.
 * Returns false for a folder, which is not written.
 */
export async function writeOutputFile(file: string, content: string | Uint8Array): Promise<boolean> {
  let target = file;
  let info;
  try {
    info = await lstat(file);
    if (info.isSymbolicLink()) {
      target = await realpath(file);
      info = await stat(target);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (info?.isDirectory()) return false;
  if (info && !info.isFile()) await writeFile(target, content);
  else await writeFileAtomic(target, content);
  return true;
}
