// The snapshot of checked files (.cache/files.json) must give exactly what the files say:
// used while a file is unchanged, never after an edit that keeps its size and puts its
// mtime back, never for a file changed just before it was read, never from another
// build or a damaged snapshot; and a file that does not check is never kept.
import { cpSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCircleFiles, listMeetingDates, loadCircle, loadMeeting } from '../../src/store/circle.js';
import { readCache, writeCache } from '../../src/store/cache.js';
import { cacheFileAt } from '../helpers.js';
import { readCircleFile } from '../../src/store/read-file.js';
import { DataError } from '../../src/errors.js';
import { cli, testdir, circleTree } from '../harness.js';

/** A time well before now: the snapshot keeps what was read from files last changed then. */
const HOUR_AGO = new Date(Date.now() - 3600_000);

/** Every file under `dir` last changed an hour ago. */
function age(dir: string): void {
  for (const f of readdirSync(dir, { recursive: true })) utimesSync(join(dir, String(f)), HOUR_AGO, HOUR_AGO);
}

function tiny(): string {
  const root = testdir(circleTree('tiny'));
  const dir = join(root, 'circles', 'tiny');
  age(dir);
  return dir;
}

const snapshotOf = (dir: string) => join(dir, '.cache', 'files.json');

/** Rewrite the snapshot with `change` made to its entries, through writeCache (this build, the checksum right); `header` then edits its header line. */
async function plant(dir: string, change: (entries: Record<string, unknown[]>) => void, header: (line: string) => string = (line) => line): Promise<void> {
  const file = cacheFileAt(dir, 'files.json');
  const entries = readCache(dir, file) as Record<string, unknown[]>;
  change(entries);
  await writeCache(dir, file, entries);
  const text = readFileSync(snapshotOf(dir), 'utf8');
  const cut = text.indexOf('\n');
  const edited = header(text.slice(0, cut));
  if (edited !== text.slice(0, cut)) writeFileSync(snapshotOf(dir), `${edited}${text.slice(cut)}`);
}

const renameCircle = (to: string) => (entries: Record<string, unknown[]>) => {
  (entries['circle.yaml']![4] as { name: string }).name = to;
};

/** Replace `from` with `to` (same length) in a file and put its mtime back, as `cp -p` or `rsync -t` may. */
function sameSizeEdit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(to.length).toBe(from.length);
  writeFileSync(file, text.replace(from, to));
  utimesSync(file, HOUR_AGO, HOUR_AGO);
}

describe('the snapshot of checked files', () => {
  it('is used while the files are unchanged: a planted value is what comes back', async () => {
    const dir = tiny();
    expect((await loadCircle(dir, 'tiny')).circle.data.name).toBe('Tiny Circle');
    await plant(dir, renameCircle('Planted'));
    expect((await loadCircle(dir, 'tiny')).circle.data.name).toBe('Planted');
  });

  it('reads a file again after a same-size edit whose mtime was put back', async () => {
    const dir = tiny();
    await loadCircle(dir, 'tiny');
    const before = JSON.parse(readFileSync(snapshotOf(dir), 'utf8').split('\n')[1]!)['circle.yaml'];
    sameSizeEdit(join(dir, 'circle.yaml'), 'Tiny Circle', 'Tidy Circle');
    expect((await loadCircle(dir, 'tiny')).circle.data.name).toBe('Tidy Circle');
    // The size and mtime are as they were: the ctime told.
    const after = JSON.parse(readFileSync(snapshotOf(dir), 'utf8').split('\n')[1]!)['circle.yaml'];
    expect([after[0], after[1]]).toEqual([before[0], before[1]]);
  });

  it('keeps nothing of a file changed just before it was read (it may change again in the same tick)', async () => {
    const root = testdir(circleTree('tiny'));
    const dir = join(root, 'circles', 'tiny');
    utimesSync(join(dir, 'members.yaml'), HOUR_AGO, HOUR_AGO); // circle.yaml is brand new
    await loadCircle(dir, 'tiny');
    const entries = JSON.parse(readFileSync(snapshotOf(dir), 'utf8').split('\n')[1]!);
    expect(Object.keys(entries)).toEqual(['members.yaml']);
  });

  it('is ignored when written by another build, cut short, or not what its header says', async () => {
    for (const damage of [
      (dir: string) => plant(dir, renameCircle('Planted'), (h) => h.replace(/"build":"[^"]*"/, '"build":"another"')),
      async (dir: string) => writeFileSync(snapshotOf(dir), readFileSync(snapshotOf(dir), 'utf8').slice(0, -20)),
      (dir: string) => plant(dir, renameCircle('Planted'), (h) => h.replace(/"sum":"[^"]*"/, '"sum":"x"')),
    ]) {
      const dir = tiny();
      await loadCircle(dir, 'tiny');
      await damage(dir);
      expect((await loadCircle(dir, 'tiny')).circle.data.name).toBe('Tiny Circle');
    }
  });

  it('never keeps a file that does not check: the problem is reported on every run', async () => {
    const dir = tiny();
    writeFileSync(join(dir, 'circle.yaml'), `${readFileSync(join(dir, 'circle.yaml'), 'utf8')}organisation: Library\n`);
    utimesSync(join(dir, 'circle.yaml'), HOUR_AGO, HOUR_AGO);
    for (let i = 0; i < 2; i++) await expect(loadCircle(dir, 'tiny')).rejects.toThrow(DataError);
    const entries = JSON.parse(readFileSync(snapshotOf(dir), 'utf8').split('\n')[1]!);
    expect(Object.keys(entries)).toEqual(['members.yaml']);
  });

  it('is not used by circle check, which reads every file itself', async () => {
    const dir = tiny();
    await loadCircle(dir, 'tiny');
    await plant(dir, renameCircle('Planted'));
    const checked = await checkCircleFiles(dir, 'tiny');
    expect('files' in checked && checked.files.circle.data.name).toBe('Tiny Circle');
  });

  it('keeps the newest few meetings read, not every one', async () => {
    const root = testdir(circleTree('tiny'));
    const dir = join(root, 'circles', 'tiny');
    cpSync(join(import.meta.dirname, '..', '..', 'circles', 'riverside-leaders', 'meetings'), join(dir, 'meetings'), { recursive: true });
    age(dir);
    const dates = await listMeetingDates(dir);
    expect(dates.length).toBeGreaterThan(4);
    for (const date of dates) await loadMeeting(dir, date);
    const entries = JSON.parse(readFileSync(snapshotOf(dir), 'utf8').split('\n')[1]!);
    expect(Object.keys(entries).sort()).toEqual(dates.slice(-4).map((d) => `meetings/${d}.yaml`));
  });

  it('gives the data the files give, for every file of the example circle', async () => {
    const root = testdir({});
    cpSync(join(import.meta.dirname, '..', '..', 'circles'), join(root, 'circles'), { recursive: true, filter: (f) => !f.includes('.cache') });
    const dir = join(root, 'circles', 'riverside-leaders');
    age(dir);
    const names = ['circle.yaml', 'members.yaml', ...(await listMeetingDates(dir)).map((d) => `meetings/${d}.yaml`)];
    for (const name of names) {
      const read = () => (name.startsWith('meetings/') ? loadMeeting(dir, name.slice(9, -5)).then((m) => [m.data]) : loadCircle(dir, 'riverside-leaders').then((c) => [c.circle.data, c.members.data]));
      const [fresh, kept] = [await read(), await read()];
      // JSON keeps no undefined values: the data is otherwise the same, value for value.
      expect(kept, name).toStrictEqual(JSON.parse(JSON.stringify(fresh)));
      expect(kept, name).toEqual(fresh);
      expect(fresh[name === 'members.yaml' ? 1 : 0], name).toEqual(await readCircleFile(dir, name, true));
    }
  });

  it('gives the same output as reading the files, for the commands that read through it', async () => {
    const root = testdir({});
    cpSync(join(import.meta.dirname, '..', '..', 'circles'), join(root, 'circles'), { recursive: true, filter: (f) => !f.includes('.cache') });
    age(join(root, 'circles'));
    const env = { CIRCLE_TODAY: '2026-11-17' };
    for (const argv of [['agenda'], ['agenda', '--json'], ['minutes', '--json'], ['schedule', '--json'], ['topics', '--json'], ['list'], ['members', 'list', '--json'], ['nametags', '--format', 'html']]) {
      rmSync(join(root, 'circles', 'riverside-leaders', '.cache'), { recursive: true, force: true });
      const [cold, warm] = [await cli(argv, { cwd: root, env }), await cli(argv, { cwd: root, env })];
      expect(cold.code, `${argv.join(' ')}: ${cold.stderr}`).toBe(0);
      expect(warm.stdout, argv.join(' ')).toBe(cold.stdout);
    }
  });
});
