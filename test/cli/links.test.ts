// Nothing the tool writes follows a link out of the workspace (issue 22, points 1 and 2):
// a derived file (.draft.yaml, .lock, .write-lock, .cache/*) that is a link is replaced, never
// written through, and a circle file or folder that is a link is followed only inside the workspace.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, tempDir } from '../helpers.js';
import { run as cli } from '../harness.js';
import { ANSWERS } from './meet-answers.js';

const env = { CIRCLE_TODAY: '2026-11-17' };

/** The example circle, an answers file, and a folder outside the workspace holding one file. */
function setup() {
  const { root, circleDir } = makeWorkspace({ example: true });
  rmSync(join(circleDir, '.cache'), { recursive: true, force: true }); // the repository's own, if a run left one
  const answers = join(root, 'answers.yaml');
  writeFileSync(answers, stringify(ANSWERS));
  const outside = tempDir('circle-outside-');
  writeFileSync(join(outside, 'precious'), 'keep me\n');
  return { root, circleDir, answers, outside };
}

const listing = (dir: string) => readdirSync(dir).sort();

describe('derived files that are links are replaced, never written through', () => {
  it('a dangling .draft.yaml link does not carry the answers outside the circle', async () => {
    const { root, circleDir, answers, outside } = setup();
    symlinkSync(join(outside, 'answers-stolen.yaml'), join(circleDir, '.draft.yaml'));
    const r = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(listing(outside)).toEqual(['precious']);
  });

  it('a .draft.yaml linked to a file outside leaves that file as it was', async () => {
    const { root, circleDir, answers, outside } = setup();
    symlinkSync(join(outside, 'precious'), join(circleDir, '.draft.yaml'));
    const r = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(outside, 'precious'), 'utf8')).toBe('keep me\n');
    expect(listing(outside)).toEqual(['precious']);
  });

  it('lock files that are links (dangling or not) are neither followed nor created through', async () => {
    const { root, circleDir, answers, outside } = setup();
    symlinkSync(join(outside, 'precious'), join(circleDir, '.lock'));
    symlinkSync(join(outside, 'made-by-lock'), join(circleDir, '.write-lock'));
    symlinkSync(join(outside, 'made-by-meetings-lock'), join(circleDir, 'meetings', '.write-lock'));
    expect((await cli(['members', 'add', 'Pat Newcomer', '--yes'], { cwd: root, env })).code).toBe(0);
    const r = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(outside, 'precious'), 'utf8')).toBe('keep me\n');
    expect(listing(outside)).toEqual(['precious']);
  });

  it('a .cache folder linked outside receives nothing; the commands still work', async () => {
    const { root, circleDir, outside } = setup();
    symlinkSync(outside, join(circleDir, '.cache'));
    for (const args of [['agenda'], ['history'], ['members', 'list'], ['practice']]) {
      const r = await cli(args, { cwd: root, env });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(listing(outside)).toEqual(['precious']);
  });

  it('cache files that are links are replaced by files, their targets untouched', async () => {
    const { root, circleDir, outside } = setup();
    mkdirSync(join(circleDir, '.cache'));
    for (const name of ['files.json', 'memory.json']) symlinkSync(join(outside, 'precious'), join(circleDir, '.cache', name));
    symlinkSync(join(outside, 'dangling'), join(circleDir, '.cache', 'history.json'));
    for (const args of [['agenda'], ['history']]) expect((await cli(args, { cwd: root, env })).code).toBe(0);
    expect(readFileSync(join(outside, 'precious'), 'utf8')).toBe('keep me\n');
    expect(listing(outside)).toEqual(['precious']);
  });
});

describe('circle files that are links are followed only inside the workspace', () => {
  it('refuses to write members.yaml through a link that leaves the workspace, naming link and target', async () => {
    const { root, circleDir, outside } = setup();
    const target = join(outside, 'roster.yaml');
    writeFileSync(target, readFileSync(join(circleDir, 'members.yaml')));
    rmSync(join(circleDir, 'members.yaml'));
    symlinkSync(target, join(circleDir, 'members.yaml'));
    const before = readFileSync(target, 'utf8');
    const r = await cli(['members', 'add', 'Pat Newcomer', '--yes'], { cwd: root, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('circles/riverside-leaders/members.yaml is a link to');
    expect(r.stderr).toContain(target);
    expect(r.stderr).toMatch(/outside the workspace; nothing was written/);
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(listing(outside)).toEqual(['precious', 'roster.yaml']);
  });

  it('refuses a dangling members.yaml link, creating nothing', async () => {
    const { root, circleDir, outside } = setup();
    rmSync(join(circleDir, 'members.yaml'));
    symlinkSync(join(root, 'missing.yaml'), join(circleDir, 'members.yaml'));
    const r = await cli(['members', 'add', 'Pat Newcomer', '--yes'], { cwd: root, env });
    expect(r.code).not.toBe(0);
    expect(existsSync(join(root, 'missing.yaml'))).toBe(false);
    expect(listing(outside)).toEqual(['precious']);
  });

  it('a meetings folder linked outside the workspace gets no minutes', async () => {
    const { root, circleDir, answers, outside } = setup();
    const moved = join(outside, 'meetings');
    mkdirSync(moved);
    for (const name of readdirSync(join(circleDir, 'meetings'))) writeFileSync(join(moved, name), readFileSync(join(circleDir, 'meetings', name)));
    rmSync(join(circleDir, 'meetings'), { recursive: true });
    symlinkSync(moved, join(circleDir, 'meetings'));
    const before = listing(moved);
    const r = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/circles\/riverside-leaders\/meetings is a link to .*outside the workspace; nothing was written/);
    expect(listing(moved)).toEqual(before);
    expect(lstatSync(join(circleDir, 'meetings')).isSymbolicLink()).toBe(true);
  });
});
