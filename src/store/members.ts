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

/** Append members and save (saveYaml checks the new file before it replaces the old one). */
export async function appendMembers(file: YamlFile<MembersFile>, people: NewMember[]): Promise<void> {
  const seq = membersSeq(file.doc);
  for (const person of people) {
    const entry = Object.fromEntries(Object.entries(person).filter(([, v]) => v !== undefined && v !== ''));
    seq.add(file.doc.createNode(entry));
  }
  await saveYaml(file);
}

export async function markInactive(file: YamlFile<MembersFile>, index: number): Promise<void> {
  file.doc.setIn(['members', index, 'active'], false);
  await saveYaml(file);
}
