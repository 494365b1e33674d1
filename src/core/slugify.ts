// A slug from a name, through a transliterating library.
import transliterated from '@sindresorhus/slugify';

/** German umlauts lose their dots, as every other accent does ("Führung" → "fuhrung", not "fuehrung"). */
const UMLAUTS: Array<[string, string]> = [...'äöüÄÖÜ'].map((c) => [c, c.normalize('NFD')[0]!]);

/** "Eastside Youth Workers" → "eastside-youth-workers", "Київ" → "kyiv"-like; "" when nothing usable is left. */
export function slugify(name: string): string {
  return transliterated(name, { decamelize: false, customReplacements: UMLAUTS }).slice(0, 80).replace(/-+$/, '');
}
