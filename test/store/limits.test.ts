// Written, then unreadable: limits at write time and on what is read; answers as written.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/store/answers.js';
import { checkMinutes } from '../../src/store/record.js';
import { saveDraft } from '../../src/store/draft.js';
import { MAX_FILE_BYTES } from '../../src/store/yaml-file.js';
import { tempDir } from '../helpers.js';
import type { DataError } from '../../src/errors.js';
import { decodeUtf8 } from '../../src/store/utf8.js';

describe('written, then unreadable: limits at write time', () => {
  it('a draft too large to read back is refused before it is written', async () => {
    const dir = tempDir();
    const big = 'x'.repeat(MAX_FILE_BYTES);
    await expect(saveDraft(dir, { date: '2026-11-17', started: '2026-11-17T18:00:00.000Z', answers: { notes: big }, at: {} })).rejects.toThrow(
      /\.draft\.yaml would be 2\.0 MiB, more than the 2 MiB a circle file may hold; nothing was written/,
    );
    expect(existsSync(join(dir, '.draft.yaml'))).toBe(false);
  });

  it('--answers reads with a size limit: /dev/zero is refused', async () => {
    await expect(loadAnswers('/dev/zero')).rejects.toThrow(/too large/);
  });

  it('numbers in an answers file keep the text as written', async () => {
    const file = join(tempDir(), 'a.yaml');
    writeFileSync(file, 'facilitator: 007\nnext:\n  topic: 3.10\n  speaker: .inf\nintro.others: true\nnotes:\n1e3: x\n');
    expect(await loadAnswers(file)).toEqual({ facilitator: '007', 'next.topic': '3.10', 'next.speaker': '.inf', 'intro.others': 'true', notes: null, '1e3': 'x' });
  });
});

describe('minutes are checked before they are written', () => {
  it('minutes that `check` would refuse are never written', async () => {
    const dir = tempDir();
    expect(() => checkMinutes(dir, '2026-11-17', { date: '2026-11-17', number: 1, facilitator: 'Ana\u001b[2J' })).toThrow(
      /the minutes of 2026-11-17 would not be valid \(facilitator: contains control characters.*\); nothing was written/,
    );
    expect(existsSync(join(dir, 'meetings', '2026-11-17.yaml'))).toBe(false);
  });
});

describe('decodeUtf8', () => {
  const at = (bytes: Buffer) => {
    try {
      decodeUtf8('/x/f.yaml', bytes);
    } catch (error) {
      const [p] = (error as DataError).problems;
      return `${p!.line}:${p!.col} ${/byte 0x\w\w/.exec(p!.message)![0]}`;
    }
    return 'valid';
  };
  it('points at the first byte of the first bad character, counting characters, not bytes', () => {
    expect(at(Buffer.from('a: ok\nb: łódź\n'))).toBe('valid');
    expect(at(Buffer.concat([Buffer.from('a: ok\nb: łó'), Buffer.from([0xe9]), Buffer.from('n\n')]))).toBe('2:6 byte 0xE9');
    expect(at(Buffer.concat([Buffer.from('a: é'), Buffer.from([0xc5])]))).toBe('1:5 byte 0xC5'); // cut short at the end
    expect(at(Buffer.concat([Buffer.from('a\n\nb: '), Buffer.from([0xff]), Buffer.from('\n')]))).toBe('3:4 byte 0xFF');
  });
});
