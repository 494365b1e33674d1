// How the program tells whether two written names are the same person, and what a name may be.
import { hasControlChars } from './text.js';

// The same few names come up in every meeting of a long history: remember their keys.
const keys = new Map<string, string>();

/** Characters that print as nothing: zero-width spaces and joiners, soft hyphens, byte-order marks… */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** How two spellings of a name are compared: names that look the same are the same (NFKC: a no-break or thin space is a space). */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (keys.size < 10_000) keys.set(name, key);
  }
  return key;
}

/** A name in quotes for a message, with what does not print (a no-break space…) spelt out. */
export function showName(name: string): string {
  return JSON.stringify(name).replace(/[\p{Default_Ignorable_Code_Point}\p{Zs}]/gu, (c) => {
    const code = c.codePointAt(0)!;
    if (c === ' ') return c;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Why `value` cannot be a name (of `what`: "a member"), or undefined when it can: one line, no control characters. */
export function nameProblem(value: string, what: string): string | undefined {
  if (hasControlChars(value)) return CONTROL_PROBLEM;
  if (!value) return `${what} needs a name`;
  if (/[\n\t]/.test(value)) return 'a name must be one line, without control characters';
  return undefined;
}

/** Why text with control characters is refused. */
export const CONTROL_PROBLEM = 'contains control characters (such as terminal escape codes)';
