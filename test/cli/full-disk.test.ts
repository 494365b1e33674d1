// A real small disk: `members add`, `init` and --out on a full tmpfs, then read-only.
// Runs where this process may mount a tmpfs (root, as on CI); test/store/faults.test.ts
// injects the same failures everywhere.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { circle, exampleDir, exampleSlug } from '../helpers.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'circle-tmpfs-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mountPoint]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

const env = { CIRCLE_TODAY: '2026-11-10' };
const temps = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((n) => n.includes('.circle-tmp-') || n.endsWith('.write-lock'));

/** Fill the disk to the last byte. */
function fill(file: string): void {
  try {
    writeFileSync(file, Buffer.alloc(4 * 1024 * 1024));
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
}

/** A workspace on the tmpfs holding a copy of the example circle, and its members.yaml as it was. */
function workspaceOnDisk(name: string): { root: string; dir: string; before: string } {
  const root = join(mountPoint, name);
  const dir = join(root, 'circles', exampleSlug);
  mkdirSync(join(root, 'circles'), { recursive: true });
  cpSync(exampleDir, dir, { recursive: true });
  return { root, dir, before: readFileSync(join(dir, 'members.yaml'), 'utf8') };
}

describe.runIf(mounted)('on a small tmpfs', () => {
  it('a full disk: clear messages, nothing truncated or left half-made, and all works once there is room', () => {
    const { root, dir, before } = workspaceOnDisk('ws');
    fill(join(mountPoint, 'filler'));

    const add = circle(['members', 'add', 'Ana Souza', '--yes'], { cwd: root, env });
    expect(add.code).toBe(1);
    expect(add.stderr).toBe(`cannot write circles/${exampleSlug}/members.yaml: the disk is full; nothing was changed.\n`);
    expect(readFileSync(join(dir, 'members.yaml'), 'utf8')).toBe(before);

    const init = circle(['init', 'Second Circle', '--yes'], { cwd: root, env });
    expect(init.code).toBe(1);
    expect(init.stderr).toMatch(/^cannot (create|write) circles\/second-circle.*: the disk is full; nothing was made, and `circle init` can be run again\.\n$/);
    expect(existsSync(join(root, 'circles', 'second-circle'))).toBe(false);

    const out = circle(['agenda', '--out', 'agenda.md'], { cwd: root, env });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('cannot write agenda.md: the disk is full\n');
    expect(temps(mountPoint)).toEqual([]);

    rmSync(join(mountPoint, 'filler'));
    expect(circle(['init', 'Second Circle', '--yes'], { cwd: root, env }).code).toBe(0);
    expect(circle(['--circle', exampleSlug, 'members', 'add', 'Ana Souza', '--yes'], { cwd: root, env }).code).toBe(0);
    expect(readFileSync(join(dir, 'members.yaml'), 'utf8')).toContain('Ana Souza');
  });

  it('a read-only disk: said plainly, nothing changed', () => {
    const { root, dir, before } = workspaceOnDisk('ro');
    expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0);
    try {
      const add = circle(['members', 'add', 'Ana Souza', '--yes'], { cwd: root, env });
      expect(add.stderr).toBe(`cannot write circles/${exampleSlug}/members.yaml: the disk is read-only; nothing was changed.\n`);
      expect(add.code).toBe(1);
      const out = circle(['schedule', '--ics', 'meetings.ics'], { cwd: root, env });
      expect(out.stderr).toBe('cannot write meetings.ics: the disk is read-only\n');
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
    expect(readFileSync(join(dir, 'members.yaml'), 'utf8')).toBe(before);
    expect(temps(mountPoint)).toEqual([]);
  });
});
