// Circle folder names: lower-case letters, digits and '-'. Making one from a name is
// core/slugify.ts (a large transliteration table: only init and send load it).
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return value.length <= 80 && SLUG.test(value);
}
