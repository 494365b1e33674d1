// The meeting in progress: circles/<slug>/.draft.yaml, rewritten atomically after every answer.
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { draftSchema, type Draft } from '../core/meet/index.js';
import { loadYaml, writeCircleFile } from './yaml-file.js';

export const draftFile = (dir: string) => join(dir, '.draft.yaml');

const HEADER = '# A meeting in progress, saved after every answer. `circle meet --resume` continues it.\n';

/** The saved draft, or undefined when no meeting is in progress. A damaged draft is a DataError. */
export async function loadDraft(dir: string): Promise<Draft | undefined> {
  try {
    return (await loadYaml(draftFile(dir), draftSchema)).data;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function saveDraft(dir: string, draft: Draft): Promise<void> {
  await writeCircleFile(draftFile(dir), HEADER + stringify(draft, { lineWidth: 0 }));
}

export async function removeDraft(dir: string): Promise<void> {
  await unlink(draftFile(dir)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
