// Files the user asked for with --out / --ics (minutes, charts, calendars).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CircleError } from '../errors.js';
import { displayPath } from './yaml-file.js';

/** Write `content` to `path` (relative to `cwd`); returns the path as shown to the user. */
export async function writeOutputFile(cwd: string, path: string, content: string | Uint8Array): Promise<string> {
  const full = resolve(cwd, path);
  try {
    await writeFile(full, content);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new CircleError(`cannot write ${path}: ${e.code === 'ENOENT' ? 'no such folder' : e.code === 'EACCES' ? 'permission denied' : e.message}`);
  }
  return displayPath(full, cwd);
}
