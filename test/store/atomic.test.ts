import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTemp, writeFileAtomic } from '../../src/store/atomic.js';
import { TEMP_PREFIX } from '../../src/store/cache.js';
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

describe('links', () => {
  /** A workspace with one circle folder, and a folder outside it holding one file. */
  function setup() {
    const root = tempDir();
    const circle = join(root, 'circles', 'c');
    mkdirSync(join(circle, '.cache'), { recursive: true });
    const outside = tempDir();
    writeFileSync(join(outside, 'precious'), 'keep\n');
    return { root, circle, outside };
  }

  it('replaces a derived file that is a link (the link itself), dangling or not', async () => {
    const { circle, outside } = setup();
    for (const name of ['.draft.yaml', '.cache/files.json']) {
      symlinkSync(join(outside, 'precious'), join(circle, name));
      await writeFileAtomic(join(circle, name), 'mine\n');
      expect(lstatSync(join(circle, name)).isSymbolicLink()).toBe(false);
      expect(readFileSync(join(circle, name), 'utf8')).toBe('mine\n');
    }
    symlinkSync(join(outside, 'new'), join(circle, '.cache', 'memory.json'));
    await writeFileAtomic(join(circle, '.cache', 'memory.json'), 'mine\n');
    symlinkSync(join(outside, 'lock'), join(circle, '.lock'));
    await expect(writeFileAtomic(join(circle, '.lock'), 'mine\n', { exclusive: true })).rejects.toThrow(/EEXIST/);
    expect(readdirSync(outside)).toEqual(['precious']);
    expect(readFileSync(join(outside, 'precious'), 'utf8')).toBe('keep\n');
  });

  it('writes a circle file through a link that stays inside the workspace, and refuses one that leaves it', async () => {
    const { root, circle, outside } = setup();
    writeFileSync(join(root, 'shared.yaml'), 'old\n');
    symlinkSync('../../shared.yaml', join(circle, 'circle.yaml'));
    await writeFileAtomic(join(circle, 'circle.yaml'), 'new\n');
    expect(readFileSync(join(root, 'shared.yaml'), 'utf8')).toBe('new\n');
    expect(lstatSync(join(circle, 'circle.yaml')).isSymbolicLink()).toBe(true);

    symlinkSync(join(outside, 'precious'), join(circle, 'members.yaml'));
    await expect(writeFileAtomic(join(circle, 'members.yaml'), 'new\n')).rejects.toThrow(`members.yaml is a link to ${join(outside, 'precious')}, outside the workspace`);
    expect(readFileSync(join(outside, 'precious'), 'utf8')).toBe('keep\n');
  });

  it('never lands in a folder that is a link out of the workspace', async () => {
    const { circle, outside } = setup();
    symlinkSync(outside, join(circle, 'meetings'));
    await expect(writeFileAtomic(join(circle, 'meetings', '2026-01-06.yaml'), 'x\n', { exclusive: true })).rejects.toThrow(/meetings is a link to .*outside the workspace/);
    rmSync(join(circle, '.cache'), { recursive: true });
    symlinkSync(outside, join(circle, '.cache'));
    await expect(writeFileAtomic(join(circle, '.cache', 'files.json'), 'x\n')).rejects.toThrow(/\.cache is a link to/);
    expect(readdirSync(outside)).toEqual(['precious']);
  });
});
