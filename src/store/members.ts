// Edits to members.yaml, made on the YAML document so comments and unknown keys survive.
import { isSeq, type Document } from 'yaml';
import type { Member, MembersFile } from '../core/schema.js';
import { saveYaml, type YamlFile } from './yaml-file.js';

export type NewMember = Pick<Member, 'name'> & Partial<Omit<Member, 'name'>>;

function membersSeq(doc: Document) {
  let seq = doc.get('members', true);
  if (!isSeq(seq)) {
    doc.set('members', doc.createNode([]));
    seq = doc.get('members', true);
  }
  if (!isSeq(seq)) throw new Error('members: not a list');
  seq.flow = false; // `members: []` becomes a block list once it has someone in it
  return seq;
}

export interface RosterChange {
  /** New members, appended at the end. */
  add?: NewMember[];
  /** Places in the list of members to mark active (returning) or inactive (leaving). */
  activate?: readonly number[];
  deactivate?: readonly number[];
  /** Fields to set on members, by their place in the list. */
  update?: ReadonlyArray<{ index: number; set: Partial<Member> }>;
}

/** Make all the changes to members.yaml and save once (saveYaml checks the new file first). */
export async function changeMembers(file: YamlFile<MembersFile>, change: RosterChange): Promise<void> {
  for (const i of change.activate ?? []) file.doc.setIn(['members', i, 'active'], true);
  for (const i of change.deactivate ?? []) file.doc.setIn(['members', i, 'active'], false);
  for (const { index, set } of change.update ?? []) for (const [key, value] of Object.entries(set)) file.doc.setIn(['members', index, key], value);
  if (change.add?.length) {
    const seq = membersSeq(file.doc);
    for (const person of change.add) {
      const entry = Object.fromEntries(Object.entries(person).filter(([, v]) => v !== undefined && v !== ''));
      seq.add(file.doc.createNode(entry));
    }
  }
  await saveYaml(file);
}
