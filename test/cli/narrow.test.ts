// Output that fits a 40-column terminal (issue 21): text wraps at word boundaries with its
// indentation kept, and `list` drops a column before it cuts a date.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers.js';
import { cli } from '../harness.js';
import { displayWidth } from '../../src/render/width.js';

const env = { CIRCLE_TODAY: '2026-11-17' };

function workspace() {
  const { root, circleDir } = makeWorkspace({ example: true });
  rmSync(join(circleDir, '.cache'), { recursive: true, force: true });
  return root;
}

/** The words of the text, in order, whatever the line breaks. */
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('at 40 columns', () => {
  it.each([['rules'], ['schedule'], ['topics'], ['questions'], ['purpose'], ['practice']])('%s wraps at word boundaries, every word whole', async (command) => {
    const root = workspace();
    const wide = await cli([command], { cwd: root, env, tty: true, columns: 200 });
    const narrow = await cli([command], { cwd: root, env, tty: true, columns: 40 });
    expect(narrow.code, narrow.stderr).toBe(0);
    const lines = narrow.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => displayWidth(l) > 40)).toEqual([]);
    expect(words(narrow.stdout)).toEqual(words(wide.stdout)); // no word cut in two, none lost
    expect(lines.length).toBeGreaterThan(wide.stdout.trimEnd().split('\n').length);
  });

  it('keeps a list item\'s continuation lines under its text', async () => {
    const r = await cli(['rules'], { cwd: workspace(), env, tty: true, columns: 40 });
    const lines = r.stdout.split('\n');
    const first = lines.findIndex((l) => l.startsWith('  1. '));
    expect(lines[first + 1]).toMatch(/^ {5}\S/);
  });

  it('list drops a column before it cuts a date', async () => {
    const r = await cli(['list'], { cwd: workspace(), env, tty: true, columns: 40 });
    expect(r.code, r.stderr).toBe(0);
    const [head, row] = r.stdout.trimEnd().split('\n');
    expect(r.stdout.split('\n').every((l) => displayWidth(l) <= 40)).toBe(true);
    expect(head).toMatch(/Last +Next$/);
    expect(row).toMatch(/2026-10-20 +2026-11-17$/);
    const wide = await cli(['list'], { cwd: workspace(), env, tty: true, columns: 120 });
    expect(wide.stdout).toMatch(/^Circle +Slug +Members +Meetings +Last +Next +Day$/m);
  });

  it('history drops the next topic before it cuts the topic to a stub', async () => {
    const r = await cli(['history'], { cwd: workspace(), env, tty: true, columns: 40 });
    expect(r.code, r.stderr).toBe(0);
    const [head, first] = r.stdout.trimEnd().split('\n');
    expect(r.stdout.split('\n').every((l) => displayWidth(l) <= 40)).toBe(true);
    expect(head).toMatch(/^Date +# +Present +Learning topic$/);
    expect(first).toMatch(/^2026-06-02 +1 +7\/7 +Why we meet: o/);
  });
});
