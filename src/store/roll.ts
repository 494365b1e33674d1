// members.yaml after a meeting: former members who came back are active again and
// newcomers are added, in a single save (a second save of the same file would find
// it changed underneath and refuse).
import type { MembersFile } from '../core/schema.js';
import { appendMembers, type NewMember } from './members.js';
import { saveYaml, type YamlFile } from './yaml-file.js';

/** Set `active: true` on the members at these places in the list (an edit of the document, not yet saved). */
export function markActive(file: YamlFile<MembersFile>, indices: readonly number[]): void {
  for (const i of indices) file.doc.setIn(['members', i, 'active'], true);
}

/** Mark returning members active, append newcomers, and save once. */
export async function updateRoll(file: YamlFile<MembersFile>, returning: readonly number[], joining: NewMember[]): Promise<void> {
  markActive(file, returning);
  // appendMembers saves the whole document, the edits above included (saveYaml checks it first).
  if (joining.length) await appendMembers(file, joining);
  else await saveYaml(file);
}
