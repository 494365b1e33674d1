// The meeting in progress: circles/<slug>/.draft.yaml, rewritten atomically after every answer.
// The YAML library and the draft's schema are loaded only when a draft is read or written,
// so that `circle meet` asks its first question without them.
import { lstat, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft } from '../core/meet/index.js';
import { unlessMissing } from '../errors.js';
import { newFileMode } from './circle.js';

export const draftFile = (dir: string) => join(dir, '.draft.yaml');

const HEADER = '# A meeting in progress, saved after every answer. `circle meet --resume` continues it.\n';

/** The saved draft, or undefined when no meeting is in progress. A damaged draft is a DataError. */
export async function loadDraft(dir: string): Promise<Draft | undefined> {
  // A link is never a draft of ours (it may have come through git): the next save replaces it.
  const info = await lstat(draftFile(dir)).catch(() => undefined);
  if (!info || info.isSymbolicLink()) return undefined;
  const [{ loadYaml }, { draftSchema }] = await Promise.all([import('./yaml-file.js'), import('../core/meet/draft-schema.js')]);
  return (await unlessMissing(loadYaml(draftFile(dir), draftSchema)))?.data;
}

export async function saveDraft(dir: string, draft: Draft): Promise<void> {
  const { writeCircleFile, yamlText } = await import('./yaml-write.js');
  await writeCircleFile(draftFile(dir), HEADER + yamlText(draft), { mode: await newFileMode(dir, 'copy') });
}

export async function removeDraft(dir: string): Promise<void> {
  await rm(draftFile(dir), { force: true });
}
