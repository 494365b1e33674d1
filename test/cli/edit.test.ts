// circle edit: the editor works on a copy, and the file is replaced only by a version that checks.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, makeWorkspace, tempDir } from '../helpers.js';
import { cli } from '../harness.js';

// TMPDIR: the copies circle edit keeps go into a folder the test removes.
const env = { CIRCLE_TODAY: '2026-11-10', TMPDIR: tempDir('circle-edit-tmp-') };

/** An editor that runs `script` (sh, the file in "$1"). */
function editor(script: string): string {
  const path = join(tempDir('circle-editor-'), 'editor.sh');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** The example workspace as a git repository with everything committed. */
function repo() {
  const { root, circleDir } = makeWorkspace({ example: true });
  git(root, 'init', '--quiet');
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'start');
  return { root, members: join(circleDir, 'members.yaml') };
}

describe('circle edit', () => {
  it('never replaces the file with a version that does not check, and keeps that version', async () => {
    const { root, members } = repo();
    const before = readFileSync(members, 'utf8');
    const mistake = editor(`sed -i 's/joined: 2026-07-28/joined: 28 July/' "$1"`);
    const r = await cli(['edit', 'members'], { cwd: root, env: { ...env, EDITOR: mistake } });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^circles\/riverside-leaders\/members\.yaml:\d+:\d+: .*joined/m);
    expect(readFileSync(members, 'utf8')).toBe(before);
    const kept = /your edit is kept in (\S+)/.exec(r.stderr)![1]!;
    expect(readFileSync(kept, 'utf8')).toContain('joined: 28 July');
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('points at a line of your own indented too deep, once, instead of talking about quotes', async () => {
    const { root } = repo();
    const deep = editor(`sed -i '0,/    joined: 2026-06-02/s//    joined: 2026-06-02\\n      x-phone: 555 0100/' "$1"`);
    const r = await cli(['edit', 'members'], { cwd: root, env: { ...env, EDITOR: deep } });
    expect(r.code).toBe(65);
    const kept = readFileSync(/your edit is kept in (\S+)/.exec(r.stderr)![1]!, 'utf8');
    const line = kept.split('\n').findIndex((l) => l.includes('x-phone')) + 1;
    const problems = r.stderr.split('\n').filter((l) => l.startsWith('circles/'));
    expect(problems).toEqual([`circles/riverside-leaders/members.yaml:${line}:7: this line is indented deeper than the key above it: keys of one entry start in the same column`]);
    expect(r.stderr).not.toContain('quotes');
  });

  it('saves a version that checks, atomically, and commits that file alone', async () => {
    const { root, members } = repo();
    writeFileSync(join(root, 'notes.txt'), 'not mine to commit\n');
    git(root, 'add', 'notes.txt');
    const fix = editor(`printf '  - name: Ana Souza\\n    organization: Eastside Library\\n' >> "$1"`);
    const r = await cli(['edit', 'members'], { cwd: root, env: { ...env, VISUAL: fix, EDITOR: 'false' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Saved circles/riverside-leaders/members.yaml.');
    expect(r.stderr).toContain('Committed: edit: Riverside Community Leaders Circle members.yaml');
    expect(readFileSync(members, 'utf8')).toMatch(/  - name: Ana Souza\n    organization: Eastside Library\n$/);
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('circles/riverside-leaders/members.yaml');
    expect(git(root, 'status', '--porcelain')).toBe('A  notes.txt\n');
  });

  it('never overwrites a change made to the file while the editor was open', async () => {
    const { root, members } = repo();
    // While "editing", someone else adds a member to the real file.
    const meanwhile = editor(`printf '  - name: Ben Okoro\\n' >> '${members}'; printf '  - name: Ana Souza\\n' >> "$1"`);
    const r = await cli(['edit', 'members'], { cwd: root, env: { ...env, EDITOR: meanwhile } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('circles/riverside-leaders/members.yaml changed while you were editing (another command, or a sync), so circles/riverside-leaders/members.yaml was not changed; your edit is kept in');
    expect(readFileSync(members, 'utf8')).toMatch(/  - name: Ben Okoro\n$/);
  });

  it('leaves everything alone when nothing changed or the editor fails', async () => {
    const { root, members } = repo();
    const same = await cli(['edit', 'members'], { cwd: root, env: { ...env, EDITOR: 'true' } });
    expect(same.code).toBe(0);
    expect(same.stderr).toBe('No changes to circles/riverside-leaders/members.yaml.\n');
    const broken = await cli(['edit', 'members'], { cwd: root, env: { ...env, EDITOR: editor(`echo oops >> "$1"; exit 3`) } });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('The editor stopped with status 3.');
    expect(git(root, 'log', '--oneline').trim().split('\n')).toHaveLength(1);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(readFileSync(members, 'utf8')).not.toContain('oops');
  });

  it('edits circle.yaml by default and a meeting by date; refuses what it cannot edit', async () => {
    const { root } = makeWorkspace({ example: true });
    const seen = join(tempDir(), 'seen');
    const record = editor(`basename "$1" >> ${seen}`);
    expect((await cli(['edit'], { cwd: root, env: { ...env, EDITOR: record } })).code).toBe(0);
    expect((await cli(['edit', 'minutes'], { cwd: root, env: { ...env, EDITOR: record } })).code).toBe(0);
    expect((await cli(['edit', 'minutes', '2026-09-22'], { cwd: root, env: { ...env, EDITOR: record } })).code).toBe(0);
    expect(readFileSync(seen, 'utf8')).toBe('circle.yaml\n2026-10-20.yaml\n2026-09-22.yaml\n');
    expect((await cli(['edit', 'minutes', '2026-09-23'], { cwd: root, env })).stderr).toContain('no meeting on 2026-09-23');
    expect((await cli(['edit', 'members', '2026-09-22'], { cwd: root, env })).code).toBe(2);
    expect((await cli(['edit', 'agenda'], { cwd: root, env })).code).toBe(2);
  });
});
