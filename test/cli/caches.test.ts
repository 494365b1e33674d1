// Issue 22's points on reading and the caches, through the command line: a link at a cache
// file is replaced, never written through (1); an older meeting edited in place is noticed
// (14); a damaged cache or a `.cache` that is a file costs speed, never a command (15);
// derived files are no more readable than the files they copy (16); every command reads a
// file as `check` does (18).
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checksum, readCache, writeCache } from '../../src/store/cache.js';
import { saveDraft } from '../../src/store/draft.js';
import { cacheFileAt, exampleDir } from '../helpers.js';
import { cli, testdir } from '../harness.js';
import { ANSWERS } from './meet-answers.js';

const env = { CIRCLE_TODAY: '2026-11-17' };

/** A copy of the example circle (without its caches), its files last changed an hour ago; returns the workspace and the circle's folder. */
function example(): { root: string; dir: string } {
  const root = testdir({});
  const dir = join(root, 'circles', 'riverside-leaders');
  cpSync(exampleDir, dir, { recursive: true, filter: (f) => !f.includes('.cache') });
  age(dir);
  return { root, dir };
}

const HOUR_AGO = new Date(Date.now() - 3600_000);
function age(dir: string): void {
  for (const f of readdirSync(dir, { recursive: true })) utimesSync(join(dir, String(f)), HOUR_AGO, HOUR_AGO);
}

const CACHES = ['files.json', 'memory.json', 'summaries.json'];

describe('a link at a cache file', () => {
  it('is replaced by the cache, never written through, and a dangling one creates nothing', async () => {
    const { root, dir } = example();
    const outside = testdir({ 'decoy.txt': 'keep me\n' });
    mkdirSync(join(dir, '.cache'));
    symlinkSync(join(outside, 'decoy.txt'), join(dir, '.cache', 'files.json'));
    symlinkSync(join(outside, 'made-by-memory'), join(dir, '.cache', 'memory.json'));
    symlinkSync(join(outside, 'made-by-summaries'), join(dir, '.cache', 'summaries.json'));
    for (const argv of [['agenda'], ['history'], ['agenda']]) expect((await cli(argv, { cwd: root, env })).code, argv.join(' ')).toBe(0);
    expect(readFileSync(join(outside, 'decoy.txt'), 'utf8')).toBe('keep me\n');
    expect(readdirSync(outside)).toEqual(['decoy.txt']);
    for (const name of CACHES) expect(lstatSync(join(dir, '.cache', name)).isFile(), name).toBe(true);
  });

  it('at .cache itself (a folder elsewhere) gets nothing written into it', async () => {
    const { root, dir } = example();
    const outside = testdir({});
    symlinkSync(outside, join(dir, '.cache'));
    for (const argv of [['agenda'], ['history']]) expect((await cli(argv, { cwd: root, env })).code, argv.join(' ')).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('the memory', () => {
  it('has a file of its own, apart from the rows it is folded from', async () => {
    const { root, dir } = example();
    for (const argv of [['agenda'], ['history'], ['practice'], ['agenda']]) expect((await cli(argv, { cwd: root, env })).code).toBe(0);
    expect(readdirSync(join(dir, '.cache')).sort()).toEqual(['files.json', 'memory-rows.json', 'memory.json', 'practice.json', 'summaries.json']);
  });

  it('notices an older meeting edited in place (same inode), in agenda and in the minutes meet writes', async () => {
    const { root, dir } = example();
    const older = join(dir, 'meetings', '2026-09-22.yaml');
    const first = await cli(['agenda', '--json'], { cwd: root, env });
    const open = JSON.parse(first.stdout).reflect.commitments.find((f: { from?: string }) => f.from === '2026-09-22');
    expect(open, 'a commitment made on 2026-09-22 is still open').toBeDefined();
    const inode = statSync(older).ino;
    writeFileSync(older, readFileSync(older, 'utf8').replace(open.commitment, 'Edited in place since'));
    expect(statSync(older).ino).toBe(inode);
    const check = await cli(['check'], { cwd: root, env });
    expect(check.code, check.stderr).toBe(0);
    const again = await cli(['agenda', '--json'], { cwd: root, env });
    expect(JSON.parse(again.stdout).reflect.commitments.find((f: { from?: string }) => f.from === '2026-09-22').commitment).toBe('Edited in place since');
  });
});

describe('a damaged cache', () => {
  const argvs = [['history'], ['practice'], ['agenda'], ['check']];
  /** The example circle with every cache filled, and what each command says then. */
  async function filled() {
    const { root, dir } = example();
    const good: Array<Awaited<ReturnType<typeof cli>>> = [];
    for (const argv of argvs) good.push(await cli(argv, { cwd: root, env }));
    expect(readdirSync(join(dir, '.cache')).sort()).toEqual(['checked.json', 'files.json', 'memory-rows.json', 'memory.json', 'practice.json', 'summaries.json']);
    const again = async () => {
      for (const [i, argv] of argvs.entries()) expect(await cli(argv, { cwd: root, env }), argv.join(' ')).toEqual(good[i]);
    };
    return { dir, again };
  }

  /** Replace what a cache file holds, through writeCache (this build, the checksum right), and read it back as planted. */
  async function plant(dir: string, name: string, change: (held: unknown) => unknown): Promise<void> {
    const file = cacheFileAt(dir, name);
    const planted = change(readCache(dir, file));
    await writeCache(dir, file, planted);
    expect(readCache(dir, file), name).toEqual(planted);
  }

  it('a cache file cut short, or holding garbage, is worked out again: every command says what it said', async () => {
    const { dir, again } = await filled();
    for (const damage of [(text: string) => text.slice(0, text.length / 2), () => '\u0000 not a cache\n{"sources": 1, "memory": [']) {
      for (const name of readdirSync(join(dir, '.cache'))) writeFileSync(join(dir, '.cache', name), damage(readFileSync(join(dir, '.cache', name), 'utf8')));
      await again();
    }
  });

  it('a memory.json of the wrong shape, or not JSON at all (its checksum right), is worked out again', async () => {
    const { dir, again } = await filled();
    await plant(dir, 'memory.json', (held) => ({ ...(held as object), memory: { commitments: 5, backlog: null } }));
    await again();
    await plant(dir, 'memory.json', (held) => ({ ...(held as object), memory: ['not', 'a', 'memory'] }));
    await again();
    const path = join(dir, '.cache', 'memory.json');
    const body = Buffer.from('{"sources": 1, "memory": [');
    const header = { ...(JSON.parse(readFileSync(path, 'utf8').split('\n')[0]!) as object), sum: checksum(body) };
    writeFileSync(path, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
    await again();
  });

  it('a row or entry whose key is null (checksum right) reads as a miss in every cache', async () => {
    const { dir, again } = await filled();
    for (const name of ['summaries.json', 'practice.json', 'memory-rows.json']) await plant(dir, name, (rows) => (rows as unknown[][]).map(([, data]) => [null, data]));
    for (const name of ['files.json', 'checked.json']) await plant(dir, name, (entries) => Object.fromEntries(Object.keys(entries as object).map((key) => [key, null])));
    rmSync(join(dir, '.cache', 'memory.json'));
    await again();
  });

  it('a .cache that is a regular file: every command works without it, and check stays right', async () => {
    const { root, dir } = example();
    const answers = join(root, 'answers.yaml');
    writeFileSync(answers, stringify(ANSWERS));
    const before = await Promise.all([['agenda'], ['history'], ['members', 'list'], ['topics'], ['stats'], ['practice']].map((argv) => cli(argv, { cwd: root, env })));
    rmSync(join(dir, '.cache'), { recursive: true, force: true });
    writeFileSync(join(dir, '.cache'), 'not a folder\n');
    for (const [i, argv] of [['agenda'], ['history'], ['members', 'list'], ['topics'], ['stats'], ['practice']].entries()) {
      const r = await cli(argv, { cwd: root, env });
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, argv.join(' ')).toBe(before[i]!.stdout);
    }
    const meet = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(meet.code, meet.stderr).toBe(0);
    const check = await cli(['check'], { cwd: root, env });
    expect(check.code, check.stderr).toBe(0);
    expect(readFileSync(join(dir, '.cache'), 'utf8')).toBe('not a folder\n');
  });
});

describe('what the tool writes is no more readable than what it copies', () => {
  it('with every circle file at 0600 (umask 022), the caches, the draft and new minutes are 0600 too', async () => {
    const { root, dir } = example();
    for (const f of readdirSync(dir, { recursive: true })) {
      const path = join(dir, String(f));
      if (statSync(path).isFile()) chmodSync(path, 0o600);
    }
    for (const argv of [['agenda'], ['history'], ['practice']]) expect((await cli(argv, { cwd: root, env })).code).toBe(0);
    const modes: Record<string, number> = {};
    for (const name of readdirSync(join(dir, '.cache'))) modes[`.cache/${name}`] = statSync(join(dir, '.cache', name)).mode & 0o777;
    expect(Object.keys(modes).length).toBeGreaterThanOrEqual(3);
    await saveDraft(dir, { date: '2026-11-17', started: '2026-11-17T18:00:00.000Z', answers: {}, at: {} });
    modes['.draft.yaml'] = statSync(join(dir, '.draft.yaml')).mode & 0o777;
    rmSync(join(dir, '.draft.yaml'));
    const answers = join(root, 'answers.yaml');
    writeFileSync(answers, stringify(ANSWERS));
    const meet = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(meet.code, meet.stderr).toBe(0);
    modes['minutes'] = statSync(join(dir, 'meetings', '2026-11-17.yaml')).mode & 0o777;
    expect(modes).toEqual(Object.fromEntries(Object.keys(modes).map((k) => [k, 0o600])));
  });

  it('new minutes take the mode the other meetings have (0640 here)', async () => {
    const { root, dir } = example();
    for (const f of readdirSync(join(dir, 'meetings'))) chmodSync(join(dir, 'meetings', f), 0o640);
    const answers = join(root, 'answers.yaml');
    writeFileSync(answers, stringify(ANSWERS));
    expect((await cli(['meet', '--answers', answers], { cwd: root, env })).code).toBe(0);
    expect(statSync(join(dir, 'meetings', '2026-11-17.yaml')).mode & 0o777).toBe(0o640);
    expect(existsSync(join(dir, '.draft.yaml'))).toBe(false);
  });
});

describe('every command reads a file as check does', () => {
  it('refuses `guests: []#note` (a comment must follow a space) in agenda, history, minutes and stats as check does', async () => {
    const { root, dir } = example();
    const newest = join(dir, 'meetings', '2026-10-20.yaml');
    const text = readFileSync(newest, 'utf8');
    expect(text).toMatch(/^ {2}guests: .*$/m);
    writeFileSync(newest, text.replace(/^ {2}guests: .*$/m, '  guests: []#note'));
    const check = await cli(['check'], { cwd: root, env });
    expect(check.code).toBe(65);
    for (const argv of [['agenda'], ['history'], ['minutes', '2026-10-20'], ['stats'], ['topics'], ['practice']]) {
      const r = await cli(argv, { cwd: root, env });
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(65);
      expect(r.stderr, argv.join(' ')).toContain('meetings/2026-10-20.yaml:');
    }
  });
});
