// The meeting in progress: circles/<slug>/.draft.yaml, rewritten atomically after every answer.
// The YAML library and the draft's schema are loaded only when a draft is read or written,
// so that `circle meet` asks its first question without them.
import { lstat, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft } from '../core/meet/index.js';
import { newFileMode } from './circle.js';

export const draftFile = (dir: string) => join(dir, '.draft.yaml');

const HEADER = '# A meeting in progress, saved after every answer. `circle meet --resume` continues it.\n';

/** The saved draft, or undefined when no meeting is in progress. A damaged draft is a DataError. */
export async function loadDraft(dir: string): Promise<Draft | undefined> {
  // A link is never a draft of ours (it may have come through git): the next save replaces it.
  const info = await lstat(draftFile(dir)).catch(() => undefined);
  if (!info || info.isSymbolicLink()) return undefined;
  const [{ loadYaml }, { draftSchema }] = await Promise.all([import('./yaml-file.js'), import('../core/meet/draft-schema.js')]);
  try {
    return (await loadYaml(draftFile(dir), draftSchema)).data;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function saveDraft(dir: string, draft: Draft): Promise<void> {
  const { writeCircleFile, yamlText } = await import('./yaml-write.js');
  await writeCircleFile(draftFile(dir), HEADER + draftText(draft, yamlText), { mode: await newFileMode(dir, 'copy') });
}

/** The text of each text, yes-or-no or number in the draft's maps as last rendered, by map and key. */
const rendered = new Map<string, { value: unknown; text: string }>();

/**
 * The draft as `yamlText` writes it, one entry of each map at a time: the draft is saved
 * after every answer and grows by one, so an answer (or its time) rendered before is not
 * rendered again. Lists and maps inside it are rendered every time.
 */
function draftText(draft: Draft, yamlText: (data: unknown) => string): string {
  const entry = (key: string, value: unknown) => yamlText({ [key]: value });
  let text = '';
  for (const [key, map] of Object.entries(draft)) {
    if (map === undefined) continue;
    const entries = typeof map === 'object' && map !== null && !Array.isArray(map) ? Object.entries(map).filter(([, v]) => v !== undefined) : [];
    if (!entries.length) {
      text += entry(key, map);
      continue;
    }
    text += `${key}:\n`;
    for (const [id, value] of entries) {
      const at = `${key}\0${id}`;
      const last = typeof value === 'object' ? undefined : rendered.get(at);
      if (last && last.value === value) {
        text += last.text;
        continue;
      }
      // Indented under the map's key, line by line: YAML breaks lines at \n only (a `^` with /m would also match after U+2028 and U+2029).
      const piece = entry(id, value).replace(/(^|\n)(?=[^\n])/g, '$1  ');
      if (typeof value !== 'object') {
        if (rendered.size >= 10_000) rendered.clear();
        rendered.set(at, { value, text: piece });
      }
      text += piece;
    }
  }
  return text;
}

export async function removeDraft(dir: string): Promise<void> {
  await rm(draftFile(dir), { force: true });
}
