// bin/code-cache.js: V8's code cache for dist/ modules, kept per build in
// $XDG_CACHE_HOME/circle. The cache must only ever cost or save time, never change
// what a command does.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'circle-code-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// The example circle, copied: other test files run commands in the repository's own.
const workspace = join(tmp, 'ws');
cpSync(join(root, 'circles'), join(workspace, 'circles'), { recursive: true, filter: (f) => !f.includes('.cache') });
const hourAgo = new Date(Date.now() - 3600_000);
/** Node 22.1 and later keep the cache themselves (module.enableCompileCache); CI runs this file on Node 22 too. */
const nodeKeepsIt = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
for (const f of readdirSync(join(workspace, 'circles'), { recursive: true })) utimesSync(join(workspace, 'circles', String(f)), hourAgo, hourAgo);

function circle(args: string[], cacheHome: string, extra: Record<string, string> = {}, install = root) {
  const r = spawnSync(process.execPath, [join(install, 'bin', 'circle.js'), ...args], {
    cwd: workspace,
    env: { PATH: process.env.PATH, HOME: tmp, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1', CIRCLE_TODAY: '2026-11-17', ...extra },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The cache folder of this build: its files, by name. */
function cached(cacheHome: string): Map<string, Buffer> {
  const base = join(cacheHome, 'circle');
  if (!existsSync(base)) return new Map();
  const build = readFileSync(join(root, 'dist', 'build-id'), 'utf8').trim();
  const [folder, ...others] = readdirSync(base);
  expect(others).toEqual([]);
  expect(folder!.startsWith(`${build}-`)).toBe(true);
  const files = readdirSync(join(base, folder!), { recursive: true }).map(String).filter((f) => statSync(join(base, folder!, f)).isFile());
  return new Map(files.map((f) => [f, readFileSync(join(base, folder!, f))]));
}

/** A copy of the built program in its own folder, as a second install of the same build. */
function install(name: string): string {
  const dir = join(tmp, name);
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
  return dir;
}

describe('the code cache', () => {
  it('is written on the first run and read on the next, with the same result', () => {
    const home = join(tmp, 'a');
    const first = circle(['agenda'], home);
    expect(first.code, first.stderr).toBe(0);
    const files = cached(home);
    expect(files.size).toBeGreaterThan(0);
    const second = circle(['agenda'], home);
    expect(second).toEqual(first);
    expect(cached(home)).toEqual(files); // nothing to write when every module had its cache
  });

  it('survives a damaged cache: V8 refuses it, the command runs as usual and the cache is made again', () => {
    const home = join(tmp, 'b');
    circle(['history'], home); // the circle's own caches filled: the next runs load the same modules
    rmSync(join(home, 'circle'), { recursive: true });
    const expected = circle(['history'], home);
    const folder = join(home, 'circle', readdirSync(join(home, 'circle'))[0]!);
    for (const f of cached(home).keys()) writeFileSync(join(folder, f), 'not a code cache');
    expect(circle(['history'], home)).toEqual(expected);
    for (const [, data] of cached(home)) expect(data.toString()).not.toBe('not a code cache');
  });

  it("removes the other folders not written to for a week when it makes its own", () => {
    const home = join(tmp, 'd');
    const [old, recent] = [join(home, 'circle', 'old-build'), join(home, 'circle', 'recent-build')];
    for (const dir of [old, recent]) mkdirSync(dir, { recursive: true });
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    expect(circle(['agenda'], home).code).toBe(0);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it('is kept per install: two installs of one build never share it (a stack trace names its own files)', () => {
    const home = join(tmp, 'e');
    const [first, second] = [install('install-1'), install('install-2')];
    const file = join(workspace, 'circles', 'riverside-leaders', 'circle.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/^name: .*$/m, 'name: [unclosed'));
    try {
      for (const dir of [first, second, second]) {
        const r = circle(['agenda'], home, { CIRCLE_DEBUG: '1' }, dir);
        expect(r.code).toBe(65);
        expect(r.stderr).toContain('DataError: ');
        expect(r.stderr).toContain(join(dir, 'dist'));
        expect(r.stderr).not.toContain(join(dir === first ? second : first, 'dist'));
      }
    } finally {
      writeFileSync(file, good);
      utimesSync(file, hourAgo, hourAgo);
    }
    expect(readdirSync(join(home, 'circle'))).toHaveLength(2);
  });

  it.runIf(nodeKeepsIt)(`is Node's own compile cache on Node ${process.versions.node}, in the build's folder: the next run takes each module from it`, () => {
    const home = join(tmp, 'f');
    // Node says what its compile cache does with NODE_DEBUG_NATIVE=COMPILE_CACHE (on stderr).
    const debug = { NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };
    const main = join(root, 'dist', 'main.js');
    const first = circle(['agenda'], home, debug);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`cache for ${main} was not initialized`);
    expect(cached(home).size).toBeGreaterThan(0);
    const second = circle(['agenda'], home, debug);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain(`cache for ${main} was accepted`);
    expect(second.stderr).not.toContain('was not initialized');
  });

  it('is not written with CIRCLE_CODE_CACHE=0', () => {
    const home = join(tmp, 'c');
    expect(circle(['agenda'], home, { CIRCLE_CODE_CACHE: '0' }).code).toBe(0);
    expect(cached(home).size).toBe(0);
  });
});
