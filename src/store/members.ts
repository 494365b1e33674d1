// Edits to members.yaml, made on the YAML document so comments and keys of one's own survive.
import type { Document } from 'yaml';
import { membersSchema, type Member } from '../core/schema.js';
import { membersFile } from './circle.js';
import { blockSeq, updateYamlFile } from './yaml-write.js';

interface RosterChange {
  /** New members, appended at the end. */
  add?: Array<Pick<Member, 'name'> & Partial<Omit<Member, 'name'>>>;
  /** Places in the list of members to mark active (returning) or inactive (leaving). */
  activate?: readonly number[];
  deactivate?: readonly number[];
  /** Fields to set on members, by their place in the list. */
  update?: ReadonlyArray<{ index: number; set: Partial<Member> }>;
}

function applyChange(doc: Document, change: RosterChange): void {
  for (const i of change.activate ?? []) doc.setIn(['members', i, 'active'], true);
  for (const i of change.deactivate ?? []) doc.setIn(['members', i, 'active'], false);
  for (const { index, set } of change.update ?? []) for (const [key, value] of Object.entries(set)) doc.setIn(['members', index, key], value);
  if (change.add?.length) {
    const seq = blockSeq(doc, ['members']);
    for (const person of change.add) {
      const entry = Object.fromEntries(Object.entries(person).filter(([, v]) => v !== undefined && v !== ''));
      seq.add(doc.createNode(entry));
    }
  }
}

/**
 * Change the roster of the circle in `dir`: `decide` sees the members as they are now
 * (read under the write lock) and returns the change, or throws to change nothing.
 * Concurrent changes all land. Returns the change made.
 */
export async function updateMembers(dir: string, decide: (members: readonly Member[]) => RosterChange): Promise<RosterChange> {
  const { value } = await updateYamlFile(membersFile(dir), membersSchema, (file) => {
    const change = decide(file.data.members);
    applyChange(file.doc, change);
    return change;
  });
  return value;
}
