// Crash-safe writes: a temp file in the same folder, fsynced, renamed over the
// target, then the folder fsynced. A reader sees the old file or the new one, never half.
// Nothing lands outside the workspace: a file arriving through git may be a hostile link.
import { link, lstat, open, readdir, readlink, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CircleError, displayPath, FileError, unlessMissing } from '../errors.js';
import { TEMP_PREFIX } from './cache.js';

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

/** Files only the program writes: a meeting in progress, locks, caches, temp files. Never written through a link. */
const DERIVED_NAMES = new Set(['.draft.yaml', '.lock', '.write-lock']);
export const isDerived = (file: string) => DERIVED_NAMES.has(basename(file)) || basename(file).startsWith(TEMP_PREFIX) || file.split(/[\\/]/).includes('.cache');

/** The folder a write must stay in: the workspace (the folder above circles/), else the file's own folder. */
function boundOf(file: string): string {
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) if (basename(dir) === 'circles') return dirname(dir);
  return dirname(file);
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** The first link on the way from `bound` down to `file` (for the message), with where it points. */
async function linkOnTheWay(bound: string, file: string): Promise<string> {
  let at = bound;
  for (const part of relative(bound, file).split(sep)) {
    at = join(at, part);
    if ((await lstat(at).catch(() => undefined))?.isSymbolicLink()) return `${displayPath(at)} is a link to ${await readlink(at).catch(() => '?')}`;
  }
  return `${displayPath(file)} would land outside it`;
}

const outside = async (bound: string, file: string) =>
  Object.assign(new CircleError(`${await linkOnTheWay(bound, file)}, outside the workspace; nothing was written (a circle's files stay in ${displayPath(bound)}).`), { code: 'ELINK' });

/**
 * The file a write lands in. A derived file that is a link is replaced (the temp file is renamed
 * over the link itself); a circle file that is a link is written through only to a file inside
 * the workspace. Either way the folder the file lands in must be inside the workspace.
 */
async function landing(file: string, follow: 'never' | 'inside' | 'anywhere'): Promise<string> {
  file = resolve(file);
  const info = await unlessMissing(lstat(file));
  if (follow === 'anywhere') return info?.isSymbolicLink() ? realpath(file) : file;
  const bound = await realpath(boundOf(file));
  let target: string;
  if (info?.isSymbolicLink() && follow === 'inside' && !isDerived(file)) {
    target = await realpath(file).catch(async () => {
      throw Object.assign(new CircleError(`${displayPath(file)} is a link to ${await readlink(file)}, which does not exist; nothing was written.`), { code: 'ELINK' });
    });
    if (!inside(target, bound)) {
      throw Object.assign(new CircleError(`${displayPath(file)} is a link to ${target}, outside the workspace; nothing was written (a link is written through only to a file inside ${displayPath(bound)}).`), { code: 'ELINK' });
    }
  } else {
    target = join(await realpath(dirname(file)), basename(file));
  }
  if (!inside(dirname(target), bound)) throw await outside(bound, file);
  return target;
}

/**
 * Replace (or with `exclusive`, create) `file` atomically. A rewrite keeps the file's
 * mode and owner; a read-only file is refused; links are handled as `landing` says (a file
 * named with --out: `follow: 'anywhere'`). A
 * failure leaves the old file and no temp file, and names `file`, never the temp file.
 * `durable: false` skips the fsyncs, for files a power cut may lose (locks, caches). A new
 * file takes `mode` (0644 unless said), less the umask; a rewrite is never more readable than `mode`.
 */
export async function writeFileAtomic(
  file: string,
  text: string | Uint8Array,
  options: { exclusive?: boolean; durable?: boolean; follow?: 'anywhere'; mode?: number } = {},
): Promise<void> {
  const durable = options.durable ?? true;
  const shown = displayPath(file);
  let temp: string | undefined;
  try {
    const target = await landing(file, options.follow ?? (options.exclusive ? 'never' : 'inside'));
    const dir = dirname(target);
    // The file replaced (never a link's target unless the link is followed): its mode and owner are kept.
    const found = options.exclusive ? undefined : await unlessMissing(lstat(target));
    const before = found?.isSymbolicLink() ? undefined : found;
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
        await handle.chmod(before.mode & (options.mode ?? 0o777) & 0o7777);
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

/** Write a file named with --out: a file replaced atomically, a link followed, a device or pipe written into; false for a folder. */
export async function writeOutputFile(file: string, content: string | Uint8Array): Promise<boolean> {
  const info = await unlessMissing(stat(file));
  if (info?.isDirectory()) return false;
  if (info && !info.isFile()) await writeFile(file, content);
  else await writeFileAtomic(file, content, { follow: 'anywhere' });
  return true;
}
