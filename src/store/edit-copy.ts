// The copy of a circle file that `circle edit` hands to the editor, and putting it back.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { withWriteLock } from './lock.js';
import { readText } from './yaml-file.js';
import { writeCircleFile } from './yaml-write.js';

interface EditCopy {
  /** The copy's path, under a fresh temporary folder, named as the file is. */
  path: string;
  /** Remove the copy (once it is saved, or was left unchanged). */
  discard(): Promise<void>;
}

export async function makeEditCopy(file: string, text: string): Promise<EditCopy> {
  const folder = await mkdtemp(join(tmpdir(), 'circle-edit-'));
  const path = join(folder, basename(file));
  await writeFile(path, text);
  return { path, discard: () => rm(folder, { recursive: true, force: true }) };
}

/** Replace `file` with `text` under the folder's write lock, only if it still holds `original`; false if it changed meanwhile. */
export function replaceIfUnchanged(file: string, original: string, text: string): Promise<boolean> {
  return withWriteLock(dirname(file), file, async () => {
    if ((await readText(file)) !== original) return false;
    await writeCircleFile(file, text);
    return true;
  });
}
