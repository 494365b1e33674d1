// circle sync between two co-facilitators' clones of one workspace, through a bare
// remote: real git, the built bin as the merge driver.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, tempDir } from '../helpers.js';
import { cli } from '../harness.js';
import { readSent, recordSent } from '../../src/store/sent.js';
import { addBen, circleDir, edit, env, meet, meetings, read, remoteGit, sharedWorkspace, SLUG, synced } from './sync-fixture.js';

describe('circle sync', { timeout: 120_000 }, () => {
  // A reader waits while another command holds a circle's write lock (a file may be missing for a moment), never for its own.
  it('a meeting file renamed with `git mv` (a wrong date put right) is shared as a rename: the old name neither stays nor comes back', async () => {
    const ws = await sharedWorkspace();
    const meetingsDir = `circles/${SLUG}/meetings`;
    git(ws.a, 'mv', `${meetingsDir}/2026-10-27.yaml`, `${meetingsDir}/2026-10-28.yaml`);
    edit(ws.a, 'meetings/2026-10-28.yaml', 'date: 2026-10-27', 'date: 2026-10-28');
    await synced(ws.a);
    const tracked = (clone: string) => git(clone, 'ls-tree', '-r', '--name-only', 'HEAD', '--', meetingsDir).split('\n').filter((f) => f.endsWith('.yaml'));
    expect(tracked(ws.a)).toEqual([`${meetingsDir}/2026-10-28.yaml`]);
    expect(git(ws.a, 'status', '--porcelain')).toBe('');
    await synced(ws.b);
    expect(tracked(ws.b)).toEqual([`${meetingsDir}/2026-10-28.yaml`]);
    expect(existsSync(join(circleDir(ws.b), 'meetings', '2026-10-27.yaml'))).toBe(false);
  });

  it('members.yaml deleted before a sync: it says so at once, without waiting for the lock it holds itself', async () => {
    const ws = await sharedWorkspace();
    rmSync(join(circleDir(ws.b), 'members.yaml'));
    const r = await cli(['sync'], { cwd: ws.b, env });
    expect([r.code, r.stderr]).toEqual([65, expect.stringContaining('members.yaml is missing')]);
  }, 20_000);

  for (const order of [
    ['a', 'b', 'a', 'b'],
    ['b', 'a', 'b', 'a'],
  ] as const) {
    it(`brings each side's new member and meeting to the other, syncing ${order.join(', ')}`, async () => {
      const ws = await sharedWorkspace();
      expect((await cli(['members', 'add', 'Ben Okoro', '--org', 'Northside Youth Centre', '--yes'], { cwd: ws.a, env })).code).toBe(0);
      await meet(ws.a, '2026-11-10', 'Ana Souza', 'Recorded by Ana.');
      expect((await cli(['members', 'add', 'Cleo Park', '--org', 'Westside Arts', '--yes'], { cwd: ws.b, env })).code).toBe(0);
      await meet(ws.b, '2026-11-24', 'Ana Souza', 'Recorded by Cleo.');
      // Local state: a draft, a lock and a cache that must never travel.
      writeFileSync(join(circleDir(ws.a), '.draft.yaml'), 'date: 2026-12-08\n');
      writeFileSync(join(circleDir(ws.a), '.lock'), '123\n');
      mkdirSync(join(circleDir(ws.a), '.cache'), { recursive: true });
      writeFileSync(join(circleDir(ws.a), '.cache', 'summaries.json'), '{}');

      const outputs: string[] = [];
      for (const side of order) {
        const r = await cli(['sync'], { cwd: ws[side], env });
        expect(r.code, `${side}: ${r.stdout}${r.stderr}`).toBe(0);
        expect(r.stderr).not.toMatch(/conflict|stopped/i);
        outputs.push(r.stdout);
      }
      // The side that synced second heard about the other's additions.
      expect(outputs.join('\n')).toMatch(/new meeting 2026-11-(10|24); new member (Ben Okoro|Cleo Park)/);

      for (const clone of [ws.a, ws.b]) {
        const members = read(clone, 'members.yaml');
        expect(members).toContain('# Ana started the circle.');
        expect([...members.matchAll(/- name: (.+)/g)].map((m) => m[1])).toEqual(
          order[0] === 'a' ? ['Ana Souza', 'Ben Okoro', 'Cleo Park'] : ['Ana Souza', 'Cleo Park', 'Ben Okoro'],
        );
        expect(meetings(clone)).toEqual(['2026-10-27.yaml', '2026-11-10.yaml', '2026-11-24.yaml']);
        expect(read(clone, 'circle.yaml')).toContain('# A learning circle');
        const check = await cli(['check'], { cwd: clone, env });
        expect(check.code, check.stderr).toBe(0);
        expect(git(clone, 'status', '--porcelain', '--untracked-files=no')).toBe('');
        expect(git(clone, 'ls-files')).not.toMatch(/\.draft\.yaml|\.lock|\.cache/);
      }
      expect(git(ws.a, 'rev-parse', 'HEAD')).toBe(git(ws.b, 'rev-parse', 'HEAD'));
      expect(read(ws.a, '.draft.yaml')).toBe('date: 2026-12-08\n'); // still here, still local
    });
  }

  it('shares the log of a send cut short before its commit, keeping both sides\' lines', async () => {
    const ws = await sharedWorkspace();
    // What a send stopped after its first message leaves behind: the log, not committed.
    await recordSent(circleDir(ws.a), '2026-11-10', { at: '2026-11-03T09:00:00Z', kind: 'agenda', name: 'Ana Souza', email: 'ana@example.org' });
    // Meanwhile the co-facilitator's own send, cut short too, for the same meeting.
    await recordSent(circleDir(ws.b), '2026-11-10', { at: '2026-11-03T09:05:00Z', kind: 'agenda', name: 'Ben Okoro', email: 'ben@example.org' });
    for (const side of ['a', 'b', 'a'] as const) {
      const r = await cli(['sync'], { cwd: ws[side], env });
      expect(r.code, `${side}: ${r.stdout}${r.stderr}`).toBe(0);
    }
    for (const clone of [ws.a, ws.b]) {
      expect((await readSent(circleDir(clone), '2026-11-10')).map((s) => s.name).sort()).toEqual(['Ana Souza', 'Ben Okoro']);
      expect(git(clone, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    }
  });

  it('stops on a meeting recorded on both sides, keeps both records, and carries on once one is chosen', async () => {
    const ws = await sharedWorkspace();
    await meet(ws.a, '2026-11-24', 'Ana Souza', 'Recorded by Ana.');
    await meet(ws.b, '2026-11-24', 'Ana Souza', 'Recorded by Ben.');
    expect((await cli(['sync'], { cwd: ws.a, env })).code).toBe(0);

    const stopped = await cli(['sync'], { cwd: ws.b, env });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(
      `circles/${SLUG}/meetings/2026-11-24.yaml:1: the meeting of 2026-11-24 was recorded here and also in the shared copy; the file holds both records, keep one (or combine them)`,
    );
    const both = read(ws.b, 'meetings/2026-11-24.yaml');
    expect(both).toMatch(/^<<<<<<< already shared\n[^]*Recorded by Ana\.[^]*\n=======\n[^]*Recorded by Ben\.[^]*\n>>>>>>> yours\n$/);
    // Until the file is settled, sync says so again and changes nothing.
    expect((await cli(['sync'], { cwd: ws.b, env })).code).toBe(1);
    expect(read(ws.b, 'meetings/2026-11-24.yaml')).toBe(both);

    // Keep the shared record, with circle edit (which checks it).
    const editor = join(ws.top, 'keep-first.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i '/^=======$/,/^>>>>>>> /d; /^<<<<<<< /d' "$1"\n`);
    chmodSync(editor, 0o755);
    const edit = await cli(['edit', 'minutes', '2026-11-24'], { cwd: ws.b, env: { ...env, EDITOR: editor } });
    expect(edit.code, edit.stderr).toBe(0);
    expect(edit.stderr).toContain('Not committed: a sync is waiting for this file. Run circle sync to carry on.');

    const carried = await cli(['sync'], { cwd: ws.b, env });
    expect(carried.code, carried.stderr).toBe(0);
    expect(read(ws.b, 'meetings/2026-11-24.yaml')).toContain('Recorded by Ana.');
    expect((await cli(['sync'], { cwd: ws.a, env })).code).toBe(0);
    expect(git(ws.a, 'rev-parse', 'HEAD')).toBe(git(ws.b, 'rev-parse', 'HEAD'));
    expect((await cli(['check'], { cwd: ws.b, env })).code).toBe(0);
  });

  it('never shares a file that does not check', async () => {
    const ws = await sharedWorkspace();
    const members = join(circleDir(ws.a), 'members.yaml');
    writeFileSync(members, `${readFileSync(members, 'utf8')}  - name: Ben Okoro\n    joined: next Tuesday\n`);
    const before = remoteGit(ws, 'rev-parse', 'main');
    const r = await cli(['sync'], { cwd: ws.a, env });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('Nothing was shared: these files do not check.');
    expect(r.stderr).toMatch(new RegExp(`circles/${SLUG}/members\\.yaml:\\d+:\\d+: `));
    expect(git(ws.a, 'status', '--porcelain')).toBe(` M circles/${SLUG}/members.yaml\n`);
    expect(remoteGit(ws, 'rev-parse', 'main')).toBe(before);
  });

  it('a branch that follows a local branch (remote "."): says it is not shared and how to share it, and sends nothing', async () => {
    const ws = await sharedWorkspace();
    git(ws.b, 'checkout', '--quiet', '-b', 'feat', '--track', 'main');
    await addBen(ws.b);
    const [head, remote] = [git(ws.b, 'rev-parse', 'HEAD'), remoteGit(ws, 'for-each-ref')];
    const r = await cli(['sync'], { cwd: ws.b, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('this branch follows the local branch main, not a shared one');
    expect(r.stderr).toContain('git branch --set-upstream-to origin/');
    expect(r.stderr).not.toContain('Sent');
    expect(git(ws.b, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(ws.b, 'branch', '--format=%(refname:short)')).toBe('feat\nmain\n');
    expect(remoteGit(ws, 'for-each-ref')).toBe(remote);
  });

  it('a branch whose upstream was deleted on the remote and pruned: says so and how to fix it, follows nothing else, sends nothing', async () => {
    const ws = await sharedWorkspace();
    git(ws.b, 'push', '--quiet', 'origin', 'HEAD:dev');
    git(ws.b, 'branch', '--quiet', '--set-upstream-to', 'origin/dev');
    await addBen(ws.b);
    git(ws.a, 'push', '--quiet', 'origin', '--delete', 'dev');
    git(ws.b, 'fetch', '--quiet', '--prune');
    const [head, remote] = [git(ws.b, 'rev-parse', 'HEAD'), remoteGit(ws, 'for-each-ref')];
    const r = await cli(['sync'], { cwd: ws.b, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('origin/dev, which is gone from origin');
    expect(r.stderr).toContain('git push -u origin HEAD:dev');
    expect(r.stderr).toContain('git branch --set-upstream-to origin/<branch>');
    expect(git(ws.b, 'config', 'branch.main.merge')).toBe('refs/heads/dev\n');
    expect(git(ws.b, 'rev-parse', 'HEAD')).toBe(head);
    expect(remoteGit(ws, 'for-each-ref')).toBe(remote);
  });

  it('an upstream set but unreadable (branch.main.merge without its remote): stops with how to fix it, re-points nothing', async () => {
    const ws = await sharedWorkspace();
    git(ws.b, 'config', '--unset', 'branch.main.remote');
    const remote = remoteGit(ws, 'for-each-ref');
    const r = await cli(['sync'], { cwd: ws.b, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('circle sync could not find the branch main follows');
    expect(r.stderr).toContain('git branch --set-upstream-to <remote>/<branch>');
    expect(git(ws.b, 'config', '--get-regexp', '^branch[.]main[.]')).toBe('branch.main.merge refs/heads/main\n');
    expect(remoteGit(ws, 'for-each-ref')).toBe(remote);
  });

  it('a tag named like the shared branch (origin/main) does not mislead it: the commits are sent to origin/main', async () => {
    const ws = await sharedWorkspace();
    git(ws.b, 'tag', 'origin/main', 'HEAD~1'); // not where origin/main is, so that taking the tag for the branch would show
    git(ws.b, 'tag', 'main', 'HEAD~1');
    await addBen(ws.b);
    const r = await cli(['sync'], { cwd: ws.b, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Sent 1 commit to origin/main.');
    expect(remoteGit(ws, 'rev-parse', 'refs/heads/main')).toBe(git(ws.b, 'rev-parse', 'HEAD'));
    expect(remoteGit(ws, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main\n');
  });

  it('a branch that follows nothing (git branch --unset-upstream) while the remote has it: follows origin/main again, brings in and sends', async () => {
    const ws = await sharedWorkspace();
    edit(ws.a, 'circle.yaml', /^vision: .*$/m, 'vision: Each of us does better work.');
    await synced(ws.a);
    git(ws.b, 'branch', '--unset-upstream');
    await addBen(ws.b);
    const r = await synced(ws.b);
    expect(r.stderr).toContain('Sent 1 commit to origin/main.');
    expect(git(ws.b, 'rev-parse', '--abbrev-ref', '@{u}')).toBe('origin/main\n');
    expect(remoteGit(ws, 'rev-parse', 'refs/heads/main')).toBe(git(ws.b, 'rev-parse', 'HEAD'));
    expect(read(ws.b, 'circle.yaml')).toContain('vision: Each of us does better work.');
    await synced(ws.a);
    expect(read(ws.a, 'members.yaml')).toContain('name: Ben Okoro');
  });

  it('a detached HEAD: refused with how to get back on a branch; HEAD, the edits and the remote unchanged', async () => {
    const ws = await sharedWorkspace();
    git(ws.b, 'checkout', '--quiet', '--detach');
    edit(ws.b, 'circle.yaml', /^vision: .*$/m, 'vision: Each of us does better work.');
    const [head, status, remote] = [git(ws.b, 'rev-parse', 'HEAD'), git(ws.b, 'status', '--porcelain'), remoteGit(ws, 'for-each-ref')];
    expect(status).toBe(` M circles/${SLUG}/circle.yaml\n`);
    const r = await cli(['sync'], { cwd: ws.b, env });
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('this workspace is not on a branch (a detached HEAD): `git switch main` (or your branch), then circle sync again.')]);
    expect(git(ws.b, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(ws.b, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('HEAD\n'); // still detached
    expect(git(ws.b, 'status', '--porcelain')).toBe(status);
    expect(git(ws.b, 'stash', 'list')).toBe('');
    expect(remoteGit(ws, 'for-each-ref')).toBe(remote);
  });

  it('a workspace in a linked worktree (git worktree add): commits, brings in, sends, and leaves no record behind', async () => {
    const ws = await sharedWorkspace();
    edit(ws.a, 'circle.yaml', /^vision: .*$/m, 'vision: Each of us does better work.');
    await synced(ws.a);
    // b's main checked out in a linked worktree: git keeps its rebase files and the sync's record under b/.git/worktrees/linked.
    git(ws.b, 'checkout', '--quiet', '--detach');
    const linked = join(ws.top, 'linked');
    git(ws.b, 'worktree', 'add', '--quiet', linked, 'main');
    expect(git(linked, 'rev-parse', '--git-path', 'rebase-merge')).toBe(`${join(ws.b, '.git', 'worktrees', 'linked', 'rebase-merge')}\n`);
    expect((await cli(['members', 'add', 'Ben Okoro', '--yes'], { cwd: linked, env })).code).toBe(0);
    edit(linked, 'members.yaml', 'organization: Eastside Library', 'organization: Eastside Public Library');

    const r = await synced(linked);
    expect(r.stderr).toContain(`Committed: circle sync: ${SLUG} (members.yaml)\nSent 2 commits to origin/main.`);
    expect(read(linked, 'circle.yaml')).toContain('vision: Each of us does better work.');
    expect(git(linked, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    expect(git(linked, 'stash', 'list')).toBe('');
    expect(remoteGit(ws, 'rev-parse', 'refs/heads/main')).toBe(git(linked, 'rev-parse', 'HEAD'));
    expect(readdirSync(join(ws.b, '.git', 'worktrees', 'linked')).filter((n) => /circle-sync|rebase/.test(n))).toEqual([]);
    expect(existsSync(join(ws.b, '.git', 'circle-sync.json'))).toBe(false);
    await synced(ws.a);
    expect(read(ws.a, 'members.yaml')).toMatch(/name: Ben Okoro[^]*Eastside Public Library|Eastside Public Library[^]*name: Ben Okoro/);
  });

  it('a workspace in a subfolder of its repository: commits, brings in, sends, and leaves no record behind', async () => {
    const top = tempDir('circle-sync-');
    git(top, 'init', '--quiet', '--bare', '--initial-branch=main', 'remote.git');
    const [a, b] = [join(top, 'a'), join(top, 'b')];
    mkdirSync(join(a, 'team'), { recursive: true });
    git(a, 'init', '--quiet', '--initial-branch=main');
    git(a, 'remote', 'add', 'origin', '../remote.git');
    const at = (clone: string) => ({ cwd: join(clone, 'team'), env });
    expect((await cli(['init', 'Team Circle', '--yes'], at(a))).code).toBe(0);
    await synced(join(a, 'team'));
    git(top, 'clone', '--quiet', 'remote.git', 'b');
    const circle = (clone: string) => join(clone, 'team', 'circles', 'team-circle', 'circle.yaml');
    writeFileSync(circle(a), readFileSync(circle(a), 'utf8').replace(/^vision: .*$/m, 'vision: Each of us does better work.'));
    await synced(join(a, 'team'));
    expect((await cli(['members', 'add', 'Ben Okoro', '--yes'], at(b))).code).toBe(0);

    const r = await synced(join(b, 'team'));
    expect(r.stderr).toContain('Sent 1 commit to origin/main.');
    expect(readFileSync(circle(b), 'utf8')).toContain('vision: Each of us does better work.');
    expect(git(b, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(git(top, '--git-dir=remote.git', 'rev-parse', 'refs/heads/main')).toBe(git(b, 'rev-parse', 'HEAD'));
    expect(readdirSync(join(b, '.git')).filter((n) => /circle-sync|rebase/.test(n))).toEqual([]);
  });

  it('the first push of a branch with a tag of the same name: the remote gets refs/heads/<branch>, not heads/<branch>', async () => {
    const ws = await sharedWorkspace();
    git(ws.b, 'checkout', '--quiet', '-b', 'spring');
    git(ws.b, 'tag', 'spring', 'HEAD');
    await addBen(ws.b);
    const r = await synced(ws.b);
    expect(r.stderr).toContain('Shared this workspace for the first time: origin/spring now has it.');
    expect(remoteGit(ws, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main\nrefs/heads/spring\n');
    expect(remoteGit(ws, 'rev-parse', 'refs/heads/spring')).toBe(git(ws.b, 'rev-parse', 'HEAD'));
    expect(git(ws.b, 'rev-parse', '--symbolic-full-name', '@{u}')).toBe('refs/remotes/origin/spring\n');
  });

  it('says what to do without a remote, and outside git', async () => {
    const root = tempDir();
    expect((await cli(['init', 'Quiet Circle', '--yes'], { cwd: root, env })).code).toBe(0);
    const outside = await cli(['sync'], { cwd: root, env });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('is not in a git repository');
    git(root, 'init', '--quiet');
    const alone = await cli(['sync'], { cwd: root, env });
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('this workspace has no git remote to share through');
    expect(alone.stderr).toContain('git remote add origin <url>');
  });
});
