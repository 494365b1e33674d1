// Name tags: one per active member and per guest, the first name big.
import { tagName } from './members.js';
import type { Member } from './schema.js';
import { t } from './words.js';

/** Active members by tag name (easy to find at the door), then the guests as typed, each with their organisation (a guest's: Guest). */
export function nameTags(members: readonly Member[], guests: readonly string[] = []) {
  const people = members
    .filter((m) => m.active)
    .map((m) => ({ tag: tagName(m), name: m.name, ...(m.organization && { organization: m.organization }), guest: false }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
  const visitors = guests
    .map(guestName)
    .filter((g) => g.name)
    .map(({ name, organization }) => ({ tag: tagName({ name }), name, organization: organization ? t('nametags.guest_of', { organization }) : t('nametags.guest'), guest: true }));
  return [...people, ...visitors];
}
export type NameTag = ReturnType<typeof nameTags>[number];

/** A guest as typed, e.g. "Dr Nadia Karim (Riverside Clinic)": the name, and the organisation in brackets at the end. */
export function guestName(typed: string): { name: string; organization?: string } {
  const m = /^(.*\S)\s*\(([^()]*\S[^()]*)\)\s*$/.exec(typed.trim());
  return m ? { name: m[1]!, organization: m[2]!.trim() } : { name: typed.trim() };
}
