// Crash-safe writes: a temp file in the same folder, fsynced, renamed over the
// target, then the folder fsynced. A reader sees the old file or the new one, never half.
import { link, lstat, open, readdir, readlink, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CircleError, displayPath, FileError } from '../errors.js';

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

async function fsyncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Some systems cannot open or fsync a folder; the rename is still atomic.
  }
}

/** Create `file` with the temp file's content, failing if it exists. */
async function linkExclusive(temp: string, file: string, text: string | Uint8Array, mode: number): Promise<void> {
  try {
    await link(temp, file);
  } catch (error) {
    // File systems without hard links (exFAT, some network mounts): create exclusively instead.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    const handle = await open(file, 'wx', mode);
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
/** Temp names: the process id and a count are unique among live writers (`wx` refuses a clash anyway). */
let temps = 0;

/** The file a write lands in: a symbolic link is written through, not replaced. */
async function landing(file: string): Promise<string> {
  try {
    return (await lstat(file)).isSymbolicLink() ? await realpath(file) : file;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // A link to a file not made yet: create that file.
      const to = await readlink(file).catch(() => undefined);
      return to === undefined ? file : resolve(dirname(file), to);
    }
    throw error;
  }
}

/**
 * Replace (or with `exclusive`, create) `file` atomically. A rewrite keeps the file's
 * mode and owner and writes through a symbolic link; a read-only file is refused. A
 * failure leaves the old file and no temp file, and names `file`, never the temp file.
 * `durable: false` skips the fsyncs, for files a power cut may lose (locks, caches). A new
 * file takes `mode` (0644 unless said), less the umask.
 */
export async function writeFileAtomic(file: string, text: string | Uint8Array, options: { exclusive?: boolean; durable?: boolean; mode?: number } = {}): Promise<void> {
  const durable = options.durable ?? true;
  const shown = displayPath(file);
  let temp: string | undefined;
  try {
    const target = options.exclusive ? file : await landing(file);
    const dir = dirname(target);
    const before = options.exclusive ? undefined : await stat(target).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
    if (before && (before.mode & 0o200) === 0) {
      throw Object.assign(new CircleError(`${shown} is read-only; nothing was written (if the change is meant, make it writable: chmod u+w ${shown}).`), { code: 'EACCES' });
    }
    if (!swept.has(dir)) {
      swept.add(dir); // once per folder and process: leftovers of writers that died
      await sweepTemp(dir);
    }
    temp = join(dir, `${TEMP_PREFIX}${process.pid}-${(++temps).toString(36)}${Math.random().toString(36).slice(2, 6)}-${basename(target).slice(0, 100)}`);
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
    try {
      if (before) {
        await handle.chmod(before.mode & 0o7777);
        if (before.uid !== process.getuid?.() || before.gid !== process.getgid?.()) await handle.chown(before.uid, before.gid).catch(() => {});
      }
      await handle.writeFile(text);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      // Never replace an existing file: link fails if the target exists.
      await linkExclusive(temp, target, text, options.mode ?? 0o644);
      await unlink(temp);
    } else {
      await rename(temp, target);
    }
    temp = undefined;
    if (durable) await fsyncDir(dir);
  } catch (error) {
    if (temp !== undefined) await unlink(temp).catch(() => {});
    if (error instanceof CircleError || (error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    throw new FileError(options.exclusive ? 'create' : 'write', shown, error, '; nothing was changed.');
  }
}

/**
 * Replace a derived file (a cache): a temp file made with O_EXCL beside it, with `mode`,
 * renamed over it. The rename replaces a symbolic link at `file` (a dangling one too)
 * rather than writing through it, so nothing is ever written outside through a link.
 * No fsync: a power cut may lose it, never a circle file.
 */
export async function writeDerivedFile(file: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const temp = join(dirname(file), `${TEMP_PREFIX}${process.pid}-${(++temps).toString(36)}${Math.random().toString(36).slice(2, 6)}-${basename(file).slice(0, 100)}`);
  try {
    const handle = await open(temp, 'wx', mode);
    await handle.writeFile(data).finally(() => handle.close());
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/**
 * Write a file the user named with --out: a regular file (or a new one) is replaced
 * atomically, a link is followed to its file, and a device or pipe is written into.
 * Returns false for a folder, which is not written.
 */
export async function writeOutputFile(file: string, content: string | Uint8Array): Promise<boolean> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (info?.isDirectory()) return false;
  if (info && !info.isFile()) await writeFile(file, content);
  else await writeFileAtomic(file, content);
  return true;
}
