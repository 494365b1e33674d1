// --out: where a printable result may and may not go.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers.js';
import { cli } from '../harness.js';

const env = { CIRCLE_TODAY: '2026-11-10' };

describe('--out', () => {
  it('refuses a folder or an empty name with exit 2, and names the problem', async () => {
    const { root } = makeWorkspace({ example: true });
    mkdirSync(join(root, 'prints'));
    const folder = await cli(['agenda', '--out', 'prints'], { cwd: root, env });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/prints is a folder: give a file name/);
    expect((await cli(['agenda', '--out', ''], { cwd: root, env })).code).toBe(2);
    const nowhere = await cli(['agenda', '--out', 'no/such/dir/a.md'], { cwd: root, env });
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toBe('cannot write no/such/dir/a.md: no such folder\n');
  });

  it('writes through a link to its file, and into a pipe without replacing it', async () => {
    const { root } = makeWorkspace({ example: true });
    writeFileSync(join(root, 'real.md'), 'old\n');
    symlinkSync('real.md', join(root, 'link.md'));
    expect((await cli(['agenda', '--out', 'link.md'], { cwd: root, env })).code).toBe(0);
    expect(lstatSync(join(root, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'real.md'), 'utf8')).toMatch(/^# Riverside Community Leaders Circle/);

    const fifo = join(root, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawnSync('sh', ['-c', `cat "${fifo}" > "${fifo}.out" & node "${join(import.meta.dirname, '../../bin/circle.js')}" agenda --out "${fifo}"; wait`], {
      cwd: root,
      env: { ...process.env, CIRCLE_TODAY: '2026-11-10', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(reader.status, reader.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(`${fifo}.out`, 'utf8')).toMatch(/^# Riverside Community Leaders Circle/);
  });
});
