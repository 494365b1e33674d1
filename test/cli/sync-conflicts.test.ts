// circle sync when the two sides disagree: every disagreement stops the sync, names the
// file and says what to choose; nothing of either side is dropped.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../helpers.js';
import { run as cli } from '../harness.js';
import { circleDir, edit, env, read, sharedWorkspace, SLUG, synced, write } from './sync-fixture.js';

const CIRCLE = `circles/${SLUG}/circle.yaml`;
const MEMBERS = `circles/${SLUG}/members.yaml`;

describe('circle sync: disagreements', { timeout: 120_000 }, () => {
  it('stops with the file named when the merge driver cannot merge it, and keeps both sides until it is settled', async () => {
    const ws = await sharedWorkspace();
    // An anchor in purpose; then a shares a new purpose (the anchor gone) while b points vision at it.
    edit(ws.a, 'circle.yaml', /^purpose: .*$/m, 'purpose: &p We learn together.');
    await synced(ws.a);
    await synced(ws.b);
    edit(ws.a, 'circle.yaml', /^purpose: .*$/m, 'purpose: A new purpose.');
    await synced(ws.a);
    edit(ws.b, 'circle.yaml', /^vision: .*$/m, 'vision: *p');

    const stopped = await cli(['sync'], { cwd: ws.b, env });
    expect(stopped.code, stopped.stderr).toBe(1);
    expect(stopped.stderr).toContain(`${CIRCLE}:`);
    const marked = read(ws.b, 'circle.yaml');
    expect(marked).toMatch(/^<<<<<<< already shared$/m);
    expect(marked).toContain('A new purpose.');
    expect(marked).toContain('vision: *p');
    // Asked again before it is settled, it stops again and changes nothing.
    const again = await cli(['sync'], { cwd: ws.b, env });
    expect(again.code).toBe(1);
    expect(again.stdout).not.toContain('Nothing new');
    expect(read(ws.b, 'circle.yaml')).toBe(marked);

    // Settled by hand: both changes kept.
    const settled = marked
      .replace(/<<<<<<< already shared\n([^]*?)=======\n[^]*?>>>>>>> yours\n/g, '$1')
      .replace(/^vision: .*$/m, 'vision: We learn together.');
    write(ws.b, 'circle.yaml', settled);
    await synced(ws.b);
    await synced(ws.a);
    for (const clone of [ws.a, ws.b]) {
      expect(read(clone, 'circle.yaml')).toContain('purpose: A new purpose.');
      expect(read(clone, 'circle.yaml')).toContain('vision: We learn together.');
    }
  });

  it('a rule reworded on one side and dropped on the other is a choice to make, not a silent return', async () => {
    const ws = await sharedWorkspace();
    edit(ws.a, 'circle.yaml', '  - We talk about how we can, not why we can\'t.', '  - We talk about what we can do.');
    await synced(ws.a);
    edit(ws.b, 'circle.yaml', '  - We talk about how we can, not why we can\'t.\n', '');
    const stopped = await cli(['sync'], { cwd: ws.b, env });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(`${CIRCLE}:`);
    expect(read(ws.b, 'circle.yaml')).toMatch(/^<<<<<<< already shared\n {2}- We talk about what we can do\.\n=======\n>>>>>>> yours$/m);
  });

  it('a meeting deleted on one side and changed on the other: says which, and what to choose, until chosen', async () => {
    const ws = await sharedWorkspace();
    rmSync(join(circleDir(ws.a), 'meetings', '2026-10-27.yaml'));
    await synced(ws.a);
    edit(ws.b, 'meetings/2026-10-27.yaml', 'Our first meeting.', 'Our first meeting, with notes.');
    const path = `circles/${SLUG}/meetings/2026-10-27.yaml`;
    for (let i = 0; i < 2; i++) {
      const stopped = await cli(['sync'], { cwd: ws.b, env });
      expect(stopped.code).toBe(1);
      expect(stopped.stdout).not.toContain('Nothing new');
      expect(stopped.stderr).toContain(`${path}: the meeting of 2026-10-27 was taken out in the shared copy and changed here`);
      expect(stopped.stderr).toContain(`to keep it: git add ${path}`);
      expect(stopped.stderr).toContain(`to take it out: git rm ${path}`);
      expect(stopped.stderr).not.toContain('marker');
    }
    git(ws.b, 'add', path);
    await synced(ws.b);
    await synced(ws.a);
    expect(read(ws.a, 'meetings/2026-10-27.yaml')).toContain('Our first meeting, with notes.');
  });

  it('while a sync is stopped, a file with marker lines is said to hold an unfinished sync conflict', async () => {
    const ws = await sharedWorkspace();
    edit(ws.a, 'members.yaml', 'organization: Eastside Library', 'organization: Eastside Public Library');
    await synced(ws.a);
    edit(ws.b, 'members.yaml', 'organization: Eastside Library', 'organization: Eastside Central Library');
    expect((await cli(['sync'], { cwd: ws.b, env })).code).toBe(1);
    for (const argv of [['members', 'list'], ['agenda'], ['check'], ['history'], ['nametags', '--out', 'tags.pdf']]) {
      const r = await cli(argv, { cwd: ws.b, env });
      expect(r.code, argv.join(' ')).toBe(65);
      expect(r.stderr, argv.join(' ')).toMatch(new RegExp(`${MEMBERS}:\\d+:1: this file holds a sync conflict that is not settled yet`));
      expect(r.stderr, argv.join(' ')).toContain('circle edit members');
      expect(r.stderr, argv.join(' ')).not.toMatch(/quotes|indentation/);
    }
  });

  it('a members.yaml that arrives unreadable is named with where and how to settle it, not as everyone leaving', async () => {
    const ws = await sharedWorkspace();
    edit(ws.a, 'members.yaml', 'organization: Eastside Library', 'organization: Eastside: Library');
    git(ws.a, 'commit', '--quiet', '-am', 'by hand');
    git(ws.a, 'push', '--quiet');
    const r = await cli(['sync'], { cwd: ws.b, env });
    expect(r.code).toBe(65);
    expect(r.stdout).not.toContain('taken off');
    expect(r.stdout).toContain(`${SLUG}: members.yaml came in but does not read`);
    expect(r.stderr).toMatch(new RegExp(`${MEMBERS}:\\d+:\\d+: `));
    expect(r.stderr).toContain('circle edit members');
    expect(existsSync(join(circleDir(ws.b), 'members.yaml'))).toBe(true);
  });
});
