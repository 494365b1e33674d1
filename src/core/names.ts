// How the program tells whether two written names are the same person.

// The same few names come up in every meeting of a long history: remember their keys.
const keys = new Map<string, string>();

/** How two spellings of a member's name are compared: trimmed, NFC, case-insensitive. */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name.trim().normalize('NFC').toLowerCase();
    if (keys.size < 10_000) keys.set(name, key);
  }
  return key;
}
