import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircleError, UsageError } from '../../src/errors.js';
import { findWorkspace, resolveCircle } from '../../src/store/workspace.js';
import { tempDir } from '../helpers.js';

function workspaceWith(...slugs: string[]) {
  const root = tempDir();
  for (const slug of slugs) {
    mkdirSync(join(root, 'circles', slug), { recursive: true });
    writeFileSync(join(root, 'circles', slug, 'circle.yaml'), 'name: x\n');
  }
  mkdirSync(join(root, 'circles'), { recursive: true });
  return { root, circlesDir: join(root, 'circles') };
}

describe('findWorkspace', () => {
  it('prefers --home, then $CIRCLE_HOME, then the nearest folder upward with circles/', () => {
    const a = workspaceWith('one');
    const b = workspaceWith('two');
    const deep = join(a.root, 'circles', 'one', 'meetings');
    mkdirSync(deep, { recursive: true });
    expect(findWorkspace({ home: b.root, env: { CIRCLE_HOME: a.root }, cwd: deep })?.root).toBe(b.root);
    expect(findWorkspace({ env: { CIRCLE_HOME: b.root }, cwd: deep })?.root).toBe(b.root);
    expect(findWorkspace({ env: {}, cwd: deep })?.root).toBe(a.root);
    expect(findWorkspace({ env: {}, cwd: tempDir() })).toBeUndefined();
  });

  it('says which setting points nowhere', () => {
    expect(() => findWorkspace({ home: '/no/such/dir', env: {}, cwd: '/' })).toThrow(/--home \/no\/such\/dir: no such folder/);
    expect(() => findWorkspace({ env: { CIRCLE_HOME: '/nope' }, cwd: '/' })).toThrow(/\$CIRCLE_HOME/);
  });
});

describe('resolveCircle', () => {
  it('takes --circle, then the folder you stand in, then the only one', async () => {
    const ws = workspaceWith('alpha', 'beta');
    expect(await resolveCircle(ws, { circle: 'beta', cwd: ws.root })).toBe('beta');
    expect(await resolveCircle(ws, { cwd: join(ws.circlesDir, 'alpha') })).toBe('alpha');
    const single = workspaceWith('solo');
    expect(await resolveCircle(single, { cwd: single.root })).toBe('solo');
  });

  it('lists the circles when it cannot choose', async () => {
    const ws = workspaceWith('alpha', 'beta');
    await expect(resolveCircle(ws, { cwd: ws.root })).rejects.toThrow(/choose one with --circle:\n  alpha\n  beta/);
  });

  it.each(['../x', '..', '/etc', '', 'a/b', 'Alpha'])('refuses --circle %j before touching the disk', async (bad) => {
    const ws = workspaceWith('alpha');
    await expect(resolveCircle(ws, { circle: bad, cwd: ws.root })).rejects.toBeInstanceOf(UsageError);
  });

  it('names the circles that exist when --circle is unknown', async () => {
    const ws = workspaceWith('alpha');
    await expect(resolveCircle(ws, { circle: 'gamma', cwd: ws.root })).rejects.toThrow(CircleError);
    await expect(resolveCircle(ws, { circle: 'gamma', cwd: ws.root })).rejects.toThrow(/Circles here: alpha/);
  });
});
