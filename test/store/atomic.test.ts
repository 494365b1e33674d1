import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTemp, TEMP_PREFIX, writeFileAtomic } from '../../src/store/atomic.js';
import { tempDir } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('replaces a file and leaves no temp file behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old\n');
    await writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('with exclusive, never replaces an existing file', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old\n');
    await expect(writeFileAtomic(file, 'new\n', { exclusive: true })).rejects.toThrow(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('sweeps temp files of writers that died, and keeps those of live ones', async () => {
    const dir = tempDir();
    const dead = join(dir, `${TEMP_PREFIX}999999999-abcd-a.yaml`);
    const live = join(dir, `${TEMP_PREFIX}${process.pid}-abcd-a.yaml`);
    writeFileSync(dead, 'half');
    writeFileSync(live, 'half');
    await sweepTemp(dir);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe('leftovers', () => {
  it('a write sweeps the temp files that dead writers left in its folder', async () => {
    const dir = tempDir();
    const dead = join(dir, `${TEMP_PREFIX}999999998-beef-b.yaml`);
    writeFileSync(dead, 'half');
    await writeFileAtomic(join(dir, 'b.yaml'), 'whole\n');
    expect(readdirSync(dir)).toEqual(['b.yaml']);
  });
});
