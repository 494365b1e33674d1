// `circle check` on a long history: it says how far it is on a terminal once it has run a
// second, and, like `eslint --cache`, does not read again a meeting file that passed and
// is unchanged since (its key and the build).
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { circleTree, run, testdir } from '../harness.js';

/** Paths whose stat is held as it was (as if an edit kept size, times and inode). */
const held = vi.hoisted(() => new Map<string, unknown>());
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const statSync = ((path: string, options?: object) => held.get(String(path)) ?? fs.statSync(path, options as never)) as typeof fs.statSync;
  return { ...fs, default: { ...fs, statSync }, statSync };
});
afterEach(() => held.clear());

const HOUR_AGO = new Date(Date.now() - 3600_000);
const meeting = (date: string, n: number) => `date: ${date}\nnumber: ${n}\nattendance:\n  present: [Ana]\nlearning:\n  topic: Topic ${n}\n`;

/** A circle with `count` meetings, every file last changed an hour ago. */
function circleWith(count: number): { root: string; dir: string; dates: string[] } {
  const root = testdir(circleTree('long'));
  const dir = join(root, 'circles', 'long');
  mkdirSync(join(dir, 'meetings'), { recursive: true });
  const dates = Array.from({ length: count }, (_, i) => new Date(Date.UTC(2020, 0, 7 + 14 * i)).toISOString().slice(0, 10));
  dates.forEach((date, i) => writeFileSync(join(dir, 'meetings', `${date}.yaml`), meeting(date, i + 1)));
  for (const f of readdirSync(dir, { recursive: true })) utimesSync(join(dir, String(f)), HOUR_AGO, HOUR_AGO);
  return { root, dir, dates };
}

/** A clock that moves `step` ms each time it is read. */
function ticking(step: number): () => Date {
  let t = Date.parse('2026-11-17T18:00:00Z');
  return () => new Date((t += step));
}

describe('circle check on a long history', () => {
  it('shows "N of M files" on a terminal once it has run a second, and clears it', async () => {
    const { root } = circleWith(70);
    const r = await run(['check'], { cwd: root, tty: true, now: ticking(400) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('\r\x1b[K72 of 72 files');
    expect(r.stderr).toMatch(/\r\x1b\[K\d+ of 72 files\r\x1b\[K[^]*ok/);
    expect(r.stderr.match(/ of 72 files/g)!.length).toBeGreaterThan(1);
  });

  it('shows nothing off a terminal, nor within its first second', async () => {
    const { root } = circleWith(70);
    for (const options of [{ tty: false, now: ticking(400) }, { tty: true, now: () => new Date('2026-11-17T18:00:00Z') }]) {
      const r = await run(['check'], { cwd: root, ...options });
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain(' files\r');
      expect(r.stderr).not.toContain('of 72');
    }
  });

  it('groups thousands as "1 200 of 10 006 files"', async () => {
    const { root } = circleWith(1004);
    const r = await run(['check'], { cwd: root, tty: true, now: ticking(400) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 006 of 1 006 files');
  });

  it('does not read again a meeting file that passed and is unchanged since (its key), and reads every changed or bad one', async () => {
    const { root, dir, dates } = circleWith(3);
    const file = join(dir, 'meetings', `${dates[1]}.yaml`);
    expect((await run(['check'], { cwd: root })).code).toBe(0);
    // Broken, with its stat held as it was: the pass is remembered, the file not read.
    held.set(file, statSync(file) as Stats);
    writeFileSync(file, `${meeting(dates[1]!, 2)}colour: blue\n`);
    expect((await run(['check'], { cwd: root })).code).toBe(0);
    // Its real stat: read again, refused, and refused again on the next run.
    held.clear();
    for (let i = 0; i < 2; i++) {
      const r = await run(['check'], { cwd: root });
      expect(r.code).toBe(65);
      expect(r.stderr).toContain(`meetings/${dates[1]}.yaml:`);
    }
  });

  it('never remembers a file changed within 2 s of being read (it may change again in the same tick)', async () => {
    const { root, dir, dates } = circleWith(2);
    const file = join(dir, 'meetings', `${dates[0]}.yaml`);
    writeFileSync(file, meeting(dates[0]!, 1)); // changed just now
    expect((await run(['check'], { cwd: root })).code).toBe(0);
    held.set(file, statSync(file) as Stats);
    writeFileSync(file, `${meeting(dates[0]!, 1)}colour: blue\n`);
    expect((await run(['check'], { cwd: root })).code).toBe(65);
  });
});
