// A long history: a cold cache is filled once, with a notice; the result must be the same
// as from the cache, and a bad file anywhere is reported.
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { circle, tempDir } from '../helpers.js';

const COUNT = 1200;

function longCircle(): { root: string; dir: string; dates: string[] } {
  const root = tempDir();
  const dir = join(root, 'circles', 'long');
  mkdirSync(join(dir, 'meetings'), { recursive: true });
  writeFileSync(
    join(dir, 'circle.yaml'),
    'name: Long\ncreated: 2000-01-04\nformat:\n  sections:\n    - { id: reflect, title: R, minutes: 120 }\nschedule:\n  cadence: weekly on Tuesday\n  start: "18:00"\n  duration: 120\n',
  );
  writeFileSync(join(dir, 'members.yaml'), 'members:\n  - name: Ana\n    joined: 2000-01-04\n  - name: Ben\n    joined: 2000-01-04\n');
  const dates: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const date = new Date(Date.UTC(2000, 0, 4 + 7 * i)).toISOString().slice(0, 10);
    dates.push(date);
    const present = i % 3 ? '[Ana, Ben]' : '[Ana]';
    writeFileSync(
      join(dir, 'meetings', `${date}.yaml`),
      `date: ${date}\nnumber: ${i + 1}\nattendance:\n  present: ${present}\nlearning:\n  topic: Topic ${i + 1}\nnext:\n  members:\n    - member: Ana\n      will_practice: Step ${i + 1}\n  topic: Topic ${i + 2}\n`,
    );
  }
  // Written a minute ago: files changed in the last 2 s are read again on every run (the racy-clean rule).
  const past = new Date(Date.now() - 60_000);
  for (const date of dates) utimesSync(join(dir, 'meetings', `${date}.yaml`), past, past);
  return { root, dir, dates };
}

describe('history on a long circle', () => {
  it('gives the same answer cold and warm (cache), and reports bad files early and late', () => {
    const { root, dir, dates } = longCircle();
    const cold = circle(['history', '--json'], { cwd: root });
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stderr).toContain(`Reading ${COUNT} meeting files once`);
    const rows = JSON.parse(cold.stdout);
    expect(rows).toHaveLength(COUNT);
    expect(rows.at(-1)).toMatchObject({ date: dates.at(-1), number: COUNT, topic: `Topic ${COUNT}` });
    const warm = circle(['history', '--json'], { cwd: root });
    expect(warm.stderr).not.toContain('Reading');
    expect(warm.stdout).toBe(cold.stdout);

    // One bad file early and one late, with the cache gone.
    rmSync(join(dir, '.cache'), { recursive: true });
    writeFileSync(join(dir, 'meetings', `${dates[5]}.yaml`), `date: ${dates[5]}\nnumber: six\n`);
    writeFileSync(join(dir, 'meetings', `${dates[COUNT - 5]}.yaml`), `date: ${dates[COUNT - 5]}\nnumber: [1\n`);
    const bad = circle(['history'], { cwd: root });
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain(`Reading ${COUNT} meeting files once`);
    expect(bad.stderr).toContain(`meetings/${dates[5]}.yaml:2:9: number: expected a meeting number, found "six"`);
    expect(bad.stderr).toMatch(new RegExp(`meetings/${dates[COUNT - 5]}\\.yaml:\\d+:\\d+: `));
  });
});
