import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/core/names.js';

/** nameKey as it reads with Unicode's own property class. */
const reference = (name: string) =>
  name.normalize('NFKC').replace(/\p{Default_Ignorable_Code_Point}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

describe('nameKey', () => {
  it('drops exactly the characters Unicode calls default-ignorable, over every code point', () => {
    for (let start = 0; start < 0x110000; start += 0x1000) {
      let chunk = '';
      for (let cp = start; cp < start + 0x1000; cp++) if (cp < 0xd800 || cp > 0xdfff) chunk += String.fromCodePoint(cp);
      expect(nameKey(`x${chunk}x`) === reference(`x${chunk}x`), `code points from U+${start.toString(16)}`).toBe(true);
    }
  });

  it('reads names that look the same as the same name', () => {
    expect(nameKey('Ana\u200b Souza\u00ad')).toBe('ana souza');
    expect(nameKey('ANA\u00a0SOUZA')).toBe(nameKey('Ana Souza'));
    expect(nameKey('Ana Souza')).not.toBe(nameKey('Ana Sousa'));
  });
});
