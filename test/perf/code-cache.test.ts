// bin/code-cache.js: V8's code cache for dist/ modules, kept per build in
// $XDG_CACHE_HOME/circle. The cache must only ever cost or save time, never change
// what a command does.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
for (const f of readdirSync(join(workspace, 'circles'), { recursive: true })) utimesSync(join(workspace, 'circles', String(f)), hourAgo, hourAgo);

function circle(args: string[], cacheHome: string, extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'circle.js'), ...args], {
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
  expect(folder!.startsWith(`${build}-${process.versions.v8}-`)).toBe(true);
  return new Map(readdirSync(join(base, folder!)).map((f) => [f, readFileSync(join(base, folder!, f))]));
}

describe('the code cache', () => {
  it('is written on the first run, for the modules that ran, and read on the next with the same result', () => {
    const home = join(tmp, 'a');
    const first = circle(['agenda'], home);
    expect(first.code, first.stderr).toBe(0);
    const files = cached(home);
    expect([...files.keys()].some((f) => /^main\.js\.bin$/.test(f))).toBe(true);
    expect([...files.keys()].some((f) => /^agenda\.js\.bin$/.test(f))).toBe(true);
    expect([...files.keys()].some((f) => /^ask-/.test(f))).toBe(false);
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
    for (const f of readdirSync(folder)) writeFileSync(join(folder, f), 'not a code cache');
    expect(circle(['history'], home)).toEqual(expected);
    for (const [, data] of cached(home)) expect(data.toString()).not.toBe('not a code cache');
  });

  it("removes other builds' folders not written to for a week when it writes", () => {
    const home = join(tmp, 'd');
    const [old, recent] = [join(home, 'circle', 'old-build'), join(home, 'circle', 'recent-build')];
    for (const dir of [old, recent]) mkdirSync(dir, { recursive: true });
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    expect(circle(['agenda'], home).code).toBe(0);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it('is not written with CIRCLE_CODE_CACHE=0', () => {
    const home = join(tmp, 'c');
    expect(circle(['agenda'], home, { CIRCLE_CODE_CACHE: '0' }).code).toBe(0);
    expect(cached(home).size).toBe(0);
  });
});
