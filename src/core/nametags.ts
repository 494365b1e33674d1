// Name tags: one per active member and per guest, the first name big.
import { tagName } from './members.js';
import type { Member } from './schema.js';
import { t } from './words.js';

export interface NameTag {
  /** The big first name. */
  tag: string;
  name: string;
  /** Small, under the name; guests show "Guest" in the language. */
  organization?: string;
  guest: boolean;
}

/** Active members sorted by their tag name (easy to find at the door), then the guests in the order given. */
export function nameTags(members: readonly Member[], guests: readonly string[] = []): NameTag[] {
  const byTag = (a: NameTag, b: NameTag) => a.tag.localeCompare(b.tag);
  const people: NameTag[] = members
    .filter((m) => m.active)
    .map((m) => ({ tag: tagName(m), name: m.name, ...(m.organization && { organization: m.organization }), guest: false }))
    .sort(byTag);
  const visitors: NameTag[] = guests
    .map(guestName)
    .filter((g) => g.name)
    .map(({ name, organization }) => ({ tag: tagName({ name }), name, organization: organization ? t('nametags.guest_of', { organization }) : t('nametags.guest'), guest: true }));
  return [...people, ...visitors];
}

/** A guest as typed, e.g. "Dr Nadia Karim (Riverside Clinic)": the name, and the organisation in brackets at the end. */
export function guestName(typed: string): { name: string; organization?: string } {
  const m = /^(.*\S)\s*\(([^()]*\S[^()]*)\)\s*$/.exec(typed.trim());
  return m ? { name: m[1]!, organization: m[2]!.trim() } : { name: typed.trim() };
}
