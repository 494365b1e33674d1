// The summary cache must never serve what a meeting file no longer says: an edit that
// keeps the size and puts the mtime back (cp -p, touch -r, rsync -t, unzip), an edit in
// the same tick of a coarse clock, and a cache written by another build.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCache, writeCache } from '../../src/store/cache.js';
import { listMeetingDates, loadMeeting } from '../../src/store/circle.js';
import { cacheFileAt, makeWorkspace } from '../helpers.js';
import { MEMORY_VIEW, type SummaryView, PRACTICE_VIEW, readSummaries, SUMMARY_VIEW } from '../../src/store/summaries.js';

/**
 * A file system with a coarse clock (2 s on FAT, 1 s on ext3 and HFS+): while `tick` is
 * set, every stat shows that time as mtime and ctime, as for edits in the same tick.
 */
const coarse = vi.hoisted(() => ({ tick: undefined as number | undefined }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const statSync = ((path: string, options?: object) => {
    const s = fs.statSync(path, options as never);
    if (coarse.tick === undefined || !s) return s;
    return Object.assign(Object.create(Object.getPrototypeOf(s)), s, { mtimeMs: coarse.tick, ctimeMs: coarse.tick });
  }) as typeof fs.statSync;
  return { ...fs, default: { ...fs, statSync }, statSync };
});

const made: string[] = [];
afterEach(() => {
  coarse.tick = undefined;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const meeting = (date: string, topic: string) => `date: ${date}\nnumber: 1\nattendance:\n  present: [Ana, Ben]\nlearning:\n  topic: ${topic}\nnext:\n  members:\n    - member: Ana\n      will_practice: Call Ben\n`;

function circleWith(topic: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'circle-cache-'));
  made.push(dir);
  mkdirSync(join(dir, 'meetings'));
  const file = join(dir, 'meetings', '2026-01-06.yaml');
  writeFileSync(file, meeting('2026-01-06', topic));
  return { dir, file };
}

/** The topic history shows, and how many files were parsed to get it. */
async function topic(dir: string): Promise<{ topic: string | undefined; parsed: number }> {
  let parsed = 0;
  const [m] = await readSummaries(dir, SUMMARY_VIEW, (n) => (parsed = n));
  return { topic: m?.topic, parsed };
}

const minuteAgo = () => new Date(Date.now() - 60_000);

describe('the cached rows', () => {
  it('give back what each view picks, for every meeting of the example circle', async () => {
    const dir = makeWorkspace({ example: true }).circleDir; // a copy: reading keeps a snapshot in .cache/
    const dates = await listMeetingDates(dir);
    expect(dates.length).toBeGreaterThan(3);
    for (const date of dates) utimesSync(join(dir, 'meetings', `${date}.yaml`), minuteAgo(), minuteAgo());
    for (const view of [SUMMARY_VIEW, PRACTICE_VIEW, MEMORY_VIEW] as Array<SummaryView<{ date: string }>>) {
      const picked = await Promise.all(dates.map(async (date) => view.pick((await loadMeeting(dir, date)).data)));
      let parsed = 0;
      expect(await readSummaries(dir, view, (n) => (parsed = n)), `${view.id}, cold`).toStrictEqual(picked);
      expect(parsed).toBe(dates.length);
      parsed = 0;
      expect(await readSummaries(dir, view, (n) => (parsed = n)), `${view.id}, from the cache (undefined fields left out)`).toEqual(picked);
      expect(parsed).toBe(0);
    }
  });
});

describe('the summary cache', () => {
  it('is used when nothing changed, for history and for practice', async () => {
    const { dir, file } = circleWith('Alpha');
    utimesSync(file, minuteAgo(), minuteAgo());
    expect(await topic(dir)).toEqual({ topic: 'Alpha', parsed: 1 });
    expect(await topic(dir)).toEqual({ topic: 'Alpha', parsed: 0 });
    const [first] = await readSummaries(dir, PRACTICE_VIEW);
    let parsed = 0;
    const [again] = await readSummaries(dir, PRACTICE_VIEW, (n) => (parsed = n));
    expect(parsed).toBe(0);
    expect(again).toEqual(first);
    expect(again!.commitments).toEqual([{ member: 'Ana', text: 'Call Ben', private: false }]);
  });

  it('gives back any text as it was', async () => {
    const { dir, file } = circleWith('Ł');
    const words = 'Юлия’s plan 👩‍👩‍👧 café ÿ\u00a0 "quoted" \\ back';
    writeFileSync(file, `date: 2026-01-06\nnumber: 1\nattendance:\n  present: [Łucja, Αλέξης]\nlearning:\n  topic: 日本語\nnext:\n  members:\n    - member: Łucja\n      will_practice: ${JSON.stringify(words)}\n`);
    utimesSync(file, minuteAgo(), minuteAgo());
    const [first] = await readSummaries(dir, PRACTICE_VIEW);
    expect(first!.commitments).toEqual([{ member: 'Łucja', text: words, private: false }]);
    let parsed = 0;
    const [again] = await readSummaries(dir, PRACTICE_VIEW, (n) => (parsed = n));
    expect(parsed).toBe(0);
    expect(again).toStrictEqual(first);
  });

  it('sees a same-size edit whose mtime was put back (cp -p, touch -r)', async () => {
    const { dir, file } = circleWith('Alpha');
    const old = minuteAgo();
    utimesSync(file, old, old);
    expect((await topic(dir)).topic).toBe('Alpha');
    const before = statSync(file);
    writeFileSync(file, meeting('2026-01-06', 'Gamma'));
    utimesSync(file, old, old);
    const after = statSync(file);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    expect(await topic(dir)).toEqual({ topic: 'Gamma', parsed: 1 });
  });

  it('reads again a file modified within 2 s of when the cache looked at it (a coarse clock)', async () => {
    const { dir, file } = circleWith('Alpha');
    coarse.tick = Date.now();
    expect((await topic(dir)).topic).toBe('Alpha');
    // The same size, in the same tick of the clock: size, times and inode all as they were.
    const before = statSync(file);
    writeFileSync(file, meeting('2026-01-06', 'Gamma'));
    const after = statSync(file);
    expect([after.size, after.mtimeMs, after.ctimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ctimeMs, before.ino]);
    expect((await topic(dir)).topic).toBe('Gamma');
  });

  it('ignores a cache written by another build, even one that checks out', async () => {
    const { dir, file } = circleWith('Alpha');
    utimesSync(file, minuteAgo(), minuteAgo());
    await topic(dir);
    const path = join(dir, '.cache', 'summaries.json');
    const cache = cacheFileAt(dir, 'summaries.json');
    // Planted through writeCache (this build, the checksum right): the control.
    await writeCache(dir, cache, JSON.parse(JSON.stringify(readCache(dir, cache)).replace('"Alpha"', '"Forged"')));
    expect((await topic(dir)).topic).toBe('Forged');
    // The same body from another build.
    const planted = readFileSync(path, 'utf8');
    writeFileSync(path, planted.replace(/"build":"[^"]*"/, '"build":"another-build"'));
    expect(readFileSync(path, 'utf8')).not.toBe(planted);
    expect((await topic(dir)).topic).toBe('Alpha');
  });
});
