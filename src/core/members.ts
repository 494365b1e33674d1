// The people of a circle: names on tags, who is active, finding someone by name.
import { nameKey } from './names.js';
import type { Member } from './schema.js';

/** Honorifics a name may start with; the tag shows the first name after them. */
const HONORIFICS = /^(dr|prof|mr|mrs|ms|mx|rev|sr|fr)\.?\s+(?=\S)/i;

/** The name for the name tag: `tag`, else the first name (after any honorific such as "Dr"). */
export function tagName(member: { name: string; tag?: string | undefined }): string {
  const name = member.name.trim();
  return member.tag?.trim() || name.replace(HONORIFICS, '').split(/\s+/)[0] || name;
}

export function activeMembers<M extends Pick<Member, 'active'>>(members: readonly M[]): M[] {
  return members.filter((m) => m.active);
}

/** Find a member by full name, or by the start of a name when only one matches. */
export function findMember<M extends Pick<Member, 'name'>>(
  members: readonly M[],
  query: string,
): { found: M; index: number } | { found?: undefined; matches: M[] } {
  const q = nameKey(query);
  const exact = members.findIndex((m) => nameKey(m.name) === q);
  if (exact >= 0) return { found: members[exact]!, index: exact };
  const matches = members.filter((m) => nameKey(m.name).startsWith(q) || nameKey(m.name).split(/\s+/).includes(q));
  if (matches.length === 1) return { found: matches[0]!, index: members.indexOf(matches[0]!) };
  return { matches };
}
