// The people of a circle: names on tags, who is active, finding someone by name.
import { nameKey } from './names.js';
import { editDistance } from './text.js';
import type { Meeting, Member } from './schema.js';

/** Honorifics a name may start with; the tag shows the first name after them. */
const HONORIFICS = /^(dr|prof|mr|mrs|ms|mx|rev|sr|fr)\.?\s+(?=\S)/i;

/** The name for the name tag: `tag`, else the first name (after any honorific such as "Dr"). */
export function tagName(member: { name: string; tag?: string | undefined }): string {
  const name = member.name.trim();
  return member.tag?.trim() || name.replace(HONORIFICS, '').split(/\s+/)[0] || name;
}

/** How a name is looked up: as nameKey, and without accents (Zoe finds Zoë, Lucja finds Łucja). */
export function searchKey(name: string): string {
  return nameKey(name).normalize('NFD').replace(/\p{Mn}/gu, '').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/đ/g, 'd').replace(/ß/g, 'ss');
}

/** How a member was found: by their whole name (accents and case aside), their tag, or a first name or start of the name. */
type FoundBy = 'name' | 'tag' | 'start';
type Lookup<M> = { found: M; index: number; by: FoundBy } | { found?: undefined; matches: M[]; suggestions: M[] };

/**
 * Find a member the way people name each other: the full name, the name tag, the first
 * name, or the start of the name, in any case and with or without accents. One match is
 * found; several are `matches`; none gives `suggestions` of names spelt nearly so.
 */
export function findMember<M extends { name: string; tag?: string | undefined }>(members: readonly M[], query: string): Lookup<M> {
  const q = searchKey(query);
  const exact = members.findIndex((m) => nameKey(m.name) === nameKey(query));
  if (exact >= 0) return { found: members[exact]!, index: exact, by: 'name' };
  const keys = new Map(members.map((m) => [m, { name: searchKey(m.name), tag: searchKey(tagName(m)) }]));
  const key = (m: M) => keys.get(m)!;
  const tiers: Array<[FoundBy, (m: M) => boolean]> = [
    ['name', (m) => key(m).name === q],
    ['tag', (m) => key(m).tag === q],
    ['start', (m) => key(m).name.startsWith(q) || key(m).name.split(' ').includes(q)],
  ];
  for (const [by, matches] of tiers) {
    const hits = members.filter(matches);
    if (hits.length === 1) return { found: hits[0]!, index: members.indexOf(hits[0]!), by };
    if (hits.length > 1) return { matches: hits, suggestions: [] };
  }
  const near = (m: M) => Math.min(editDistance(key(m).name, q), editDistance(key(m).tag, q), ...key(m).name.split(' ').map((w) => editDistance(w, q)));
  // Worked out when asked for: an answers file's keys that name nobody, and the expected speaker's check, never ask.
  return {
    matches: [],
    get suggestions() {
      return members.filter((m) => near(m) <= Math.max(1, Math.floor(q.length / 4)));
    },
  };
}

/** What to say when a lookup found nobody, or more than one: "did you mean …?" or where to look. */
export function lookupHint<M extends { name: string }>(miss: { matches: M[]; suggestions: M[] }, fallback: string): string {
  const names = (miss.matches.length ? miss.matches : miss.suggestions).map((m) => m.name);
  if (!names.length) return fallback;
  return `${miss.matches.length ? 'it could be' : 'did you mean'} ${names.length === 1 ? names[0] : `one of: ${names.join(', ')}`}?`;
}

/**
 * Newcomers are active members who joined after the last meeting (with no meeting yet,
 * everyone), or on its day without being expected there or present (added in another
 * clone while it ran). Only the last meeting is read, so "never attended" is judged by
 * the `joined` date, which `members add` and `meet` set when someone first comes.
 */
export function newcomersSince(members: readonly Member[], last: Meeting | undefined): Member[] {
  const known = new Set([...(last?.attendance.expected ?? []), ...(last?.attendance.present ?? [])].map(nameKey));
  const unknownThen = (m: Member) => m.joined === last!.date && last!.attendance.expected !== undefined && !known.has(nameKey(m.name));
  return members.filter((m) => m.active && (!last || (m.joined !== undefined && (m.joined > last.date || unknownThen(m)))));
}
