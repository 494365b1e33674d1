// circle sync never loses work: not a member added while it runs, not an uncommitted
// edit when it is killed, not someone's own rebase, not a file written while it waits,
// and it never brings in a computer's own files (drafts, locks, caches) from the remote.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { binPath, git, oncePerFile, startCircle, testEnv } from '../helpers.js';
import { cli } from '../harness.js';
import { addBen, circleDir, edit, env, keepSide, read, rebasing, remoteGit, sharedWorkspace, SLUG, synced } from './sync-fixture.js';

function finish(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let [stdout, stderr] = ['', ''];
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
}

/** `circle sync` in `clone`, its whole process group killed (as a closing terminal does) by the merge driver as it starts. */
async function syncKilledInMerge(top: string, clone: string) {
  const killer = join(top, 'kill-group.cjs');
  writeFileSync(killer, "if (process.argv.includes('merge-file')) process.kill(0, 'SIGKILL');\n");
  const env2 = testEnv({ ...env, NODE_OPTIONS: `--require ${killer}` });
  const killed = await finish(spawn(process.execPath, [binPath, 'sync'], { cwd: clone, env: env2, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
  expect(killed.signal).toBe('SIGKILL');
}

const memberNames = (clone: string) => (parse(read(clone, 'members.yaml')) as { members: { name: string }[] }).members.map((m) => m.name);

/** A tracked file of the workspace that is not a circle's. */
function notes(clone: string, text?: string): string {
  const path = join(clone, 'notes.txt');
  if (text !== undefined) writeFileSync(path, text);
  return readFileSync(path, 'utf8');
}

/** The shared workspace with notes.txt committed and shared by both clones: made once per file, copied for each test. */
const notesTemplate = oncePerFile(async () => {
  const ws = await sharedWorkspace();
  notes(ws.a, 'Shared notes.\n');
  git(ws.a, 'add', 'notes.txt');
  git(ws.a, 'commit', '--quiet', '-m', 'notes');
  await synced(ws.a);
  await synced(ws.b);
  return ws.top;
});
const withNotes = () => sharedWorkspace(notesTemplate);

const minutes = 'meetings/2026-10-27.yaml';
/** Ana's wording of the first meeting's minutes shared, Ben's written over the same line in his clone (not committed): his next sync stops on it. */
/** The person's own rebase (`git rebase -i`, `git pull --rebase`), stopping at each commit to edit it. */
const ownRebase = (clone: string, args: readonly string[]) =>
  spawnSync('git', args, { cwd: clone, env: testEnv({ GIT_SEQUENCE_EDITOR: "sed -i 's/^pick/edit/'" }), encoding: 'utf8' });

async function clashOnMinutes(ws: Awaited<ReturnType<typeof sharedWorkspace>>): Promise<void> {
  edit(ws.a, minutes, 'Our first meeting.', 'Our first meeting, as Ana saw it.');
  await synced(ws.a);
  edit(ws.b, minutes, 'Our first meeting.', 'Our first meeting, as Ben saw it.');
}

describe('circle sync keeps everyone’s work', { timeout: 120_000 }, () => {
  it('ten `members add` while sync brings changes in: every member lands, committed, and every command says it did', async () => {
    const ws = await sharedWorkspace();
    edit(ws.a, 'circle.yaml', /^vision: .*$/m, 'vision: Each of us does better work.');
    await synced(ws.a);
    const names = Array.from({ length: 10 }, (_, i) => `Parallel Person${i + 1}`);
    const [sync, ...adds] = await Promise.all([
      finish(startCircle(['sync'], { cwd: ws.b, env })),
      ...names.map((name) => finish(startCircle(['members', 'add', name, '--yes'], { cwd: ws.b, env }))),
    ]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(adds.map((r) => [r.code, r.stderr.split('\n')[0]])).toEqual(names.map((n) => [0, `Added ${n} to ${SLUG}.`]));
    expect(memberNames(ws.b).sort()).toEqual(['Ana Souza', ...names].sort());
    expect(git(ws.b, 'stash', 'list')).toBe('');
    expect(git(ws.b, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    expect(read(ws.b, 'circle.yaml')).toContain('vision: Each of us does better work.');
  });

  it('killed with its process group in the middle of a merge, the next sync undoes it, says so, and loses nothing', async () => {
    const ws = await withNotes();
    edit(ws.a, 'members.yaml', 'organization: Eastside Library', 'organization: Eastside Public Library');
    await synced(ws.a);
    edit(ws.b, 'members.yaml', /^(\s+)organization: .*$/m, '$1organization: Eastside Library\n$1x-phone: 555 0100');
    notes(ws.b, 'Shared notes.\nMy own note, not committed.\n');
    await syncKilledInMerge(ws.top, ws.b);
    // Meanwhile other commands write nothing, and say what happened: no conflict waits for anyone.
    const add = await cli(['members', 'add', 'Cleo Diaz', '--yes'], { cwd: ws.b, env });
    expect(add.code).toBe(1);
    expect(add.stderr).toContain('circle sync was interrupted before it finished: run circle sync');

    const next = await cli(['sync'], { cwd: ws.b, env });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain('The last circle sync was interrupted before it finished.');
    expect(notes(ws.b)).toBe('Shared notes.\nMy own note, not committed.\n');
    expect(git(ws.b, 'stash', 'list')).toBe('');
    expect(readdirSync(ws.b).filter((n) => n.startsWith('.merge_file_'))).toEqual([]);
    await synced(ws.a);
    for (const clone of [ws.a, ws.b]) {
      expect(read(clone, 'members.yaml')).toContain('organization: Eastside Public Library');
      expect(read(clone, 'members.yaml')).toContain('x-phone: 555 0100');
    }
  });

  it('killed while carrying on after a conflict: undone, and the files settled before are kept as settled', async () => {
    const ws = await sharedWorkspace();
    edit(ws.a, 'members.yaml', 'organization: Eastside Library', 'organization: Eastside Public Library');
    await clashOnMinutes(ws);
    git(ws.b, 'commit', '--quiet', '-am', 'notes by Ben');
    edit(ws.b, 'members.yaml', /^(\s+)organization: .*$/m, '$1organization: Eastside Library\n$1x-phone: 555 0100');
    git(ws.b, 'commit', '--quiet', '-am', 'a phone number');
    expect((await cli(['sync'], { cwd: ws.b, env })).code).toBe(1);
    keepSide(ws.b, minutes, 'yours');
    const settled = read(ws.b, minutes);
    await syncKilledInMerge(ws.top, ws.b);

    const next = await cli(['sync'], { cwd: ws.b, env });
    expect(next.code).toBe(1); // the same choice again
    expect(next.stderr).toContain('The last circle sync was interrupted before it finished.');
    expect(next.stderr).toContain('The files you had settled are kept, as you settled them, in .git/circle-sync-settled');
    expect(readFileSync(join(ws.b, '.git', 'circle-sync-settled', `circles__${SLUG}__meetings__2026-10-27.yaml`), 'utf8')).toBe(settled);
    expect(git(ws.b, 'log', '--format=%s', 'ORIG_HEAD~2..ORIG_HEAD')).toBe('a phone number\nnotes by Ben\n');
  });

  it('an uncommitted edit to a file the shared copy also changed: nothing starts, the file is named, and the next sync says the same', async () => {
    const ws = await withNotes();
    notes(ws.a, 'Shared notes, changed.\n');
    git(ws.a, 'commit', '--quiet', '-am', 'notes changed');
    await synced(ws.a);
    notes(ws.b, 'Shared notes.\nMy own note, not committed.\n');
    const head = git(ws.b, 'rev-parse', 'HEAD');
    for (let i = 0; i < 2; i++) {
      const r = await cli(['sync'], { cwd: ws.b, env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('these files have changes here that are not committed, and origin/main changed them too:\n  notes.txt\n');
      expect(r.stderr).not.toContain('rebase --abort');
      expect(r.stdout).not.toContain('Nothing new');
    }
    expect(git(ws.b, 'rev-parse', 'HEAD')).toBe(head);
    expect(notes(ws.b)).toBe('Shared notes.\nMy own note, not committed.\n');
    expect(git(ws.b, 'stash', 'list')).toBe('');
    expect(git(ws.b, 'status', '--porcelain')).toBe(' M notes.txt\n');
  });

  it('leaves alone a rebase it did not start', async () => {
    const ws = await sharedWorkspace();
    edit(ws.b, 'members.yaml', 'organization: Eastside Library', 'organization: Eastside Library, room 2');
    git(ws.b, 'commit', '--quiet', '-am', 'a private detail, to amend out');
    const own = ownRebase(ws.b, ['rebase', '-i', 'HEAD~1']);
    expect(own.status, own.stderr).toBe(0);
    const [before, remote] = [git(ws.b, 'rev-parse', 'HEAD'), remoteGit(ws, 'rev-parse', 'main')];
    const r = await cli(['sync'], { cwd: ws.b, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a rebase is in progress in this repository, and circle sync did not start it, so it leaves it alone');
    expect(git(ws.b, 'rev-parse', 'HEAD')).toBe(before);
    expect(rebasing(ws.b)).toBe(true);
    expect(remoteGit(ws, 'rev-parse', 'main')).toBe(remote);
  });

  it('a stopped sync carried on after its branch lost its upstream (git branch --unset-upstream): follows origin/main again and sends its commit', async () => {
    const ws = await sharedWorkspace();
    await clashOnMinutes(ws);
    git(ws.b, 'commit', '--quiet', '-am', 'notes by Ben');
    expect((await cli(['sync'], { cwd: ws.b, env })).code).toBe(1);
    keepSide(ws.b, minutes, 'yours');
    git(ws.b, 'branch', '--unset-upstream', 'main');
    const r = await cli(['sync'], { cwd: ws.b, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Sent 1 commit to origin/main.');
    expect(remoteGit(ws, 'rev-parse', 'main')).toBe(git(ws.b, 'rev-parse', 'HEAD'));
  });

  it('a clone in a folder whose name holds a line break: refused with a clear error, nothing changed', async () => {
    const ws = await sharedWorkspace();
    edit(ws.a, 'members.yaml', 'organization: Eastside Library', 'organization: Eastside Public Library');
    await synced(ws.a);
    const clone = join(ws.top, 'b\nclone');
    renameSync(ws.b, clone);
    const head = git(clone, 'rev-parse', 'HEAD');
    const r = await cli(['sync'], { cwd: clone, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds a line break');
    expect(git(clone, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(clone, 'status', '--porcelain')).toBe('');
  });

  for (const [what, own] of [
    ['`git rebase -i` from the same commit', ['rebase', '-i', 'HEAD~1']],
    ['`git pull --rebase` after a new commit', ['pull', '--rebase', '--quiet']],
  ] as const) {
    it(`a sync stopped on a conflict and undone by hand (\`git rebase --abort\`): the person's own rebase after it (${what}) is left alone`, async () => {
      const ws = await sharedWorkspace();
      await clashOnMinutes(ws);
      git(ws.b, 'commit', '--quiet', '-am', 'notes by Ben');
      expect((await cli(['sync'], { cwd: ws.b, env })).code).toBe(1);
      git(ws.b, 'rebase', '--abort');
      if (own[0] === 'pull') {
        edit(ws.b, 'members.yaml', 'organization: Eastside Library', 'organization: Eastside Library, room 2');
        git(ws.b, 'commit', '--quiet', '-am', 'a room');
      }
      const started = ownRebase(ws.b, own);
      expect(rebasing(ws.b), started.stderr).toBe(true);
      const [before, remote, status] = [git(ws.b, 'rev-parse', 'HEAD'), remoteGit(ws, 'rev-parse', 'main'), git(ws.b, 'status', '--porcelain')];
      // Other commands name it as the person's rebase too, not as a sync waiting for them.
      const write = await cli(['members', 'add', 'Cleo Diaz', '--yes'], { cwd: ws.b, env });
      expect(write.code).toBe(1);
      expect(write.stderr).toContain('a rebase is in progress in this repository, so nothing was written: finish it with `git rebase --continue`');
      const r = await cli(['sync'], { cwd: ws.b, env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('a rebase is in progress in this repository, and circle sync did not start it, so it leaves it alone');
      expect(git(ws.b, 'rev-parse', 'HEAD')).toBe(before);
      expect(git(ws.b, 'status', '--porcelain')).toBe(status);
      expect(rebasing(ws.b)).toBe(true);
      expect(remoteGit(ws, 'rev-parse', 'main')).toBe(remote);
    });
  }

  it('nothing to bring in, after a stopped sync was undone and finished by hand: the stale record goes and the commits are sent', async () => {
    const ws = await withNotes();
    notes(ws.a, 'Shared notes, as Ana has them.\n');
    git(ws.a, 'commit', '--quiet', '-am', 'notes by Ana');
    await synced(ws.a);
    notes(ws.b, 'Shared notes, as Ben has them.\n');
    git(ws.b, 'commit', '--quiet', '-am', 'notes by Ben');
    expect((await cli(['sync'], { cwd: ws.b, env })).code).toBe(1);
    git(ws.b, 'rebase', '--abort');
    git(ws.b, 'pull', '--quiet', '--rebase', '-X', 'theirs'); // in a rebase, "theirs" is Ben's commit
    const record = join(ws.b, git(ws.b, 'rev-parse', '--git-path', 'circle-sync.json').trim());
    expect(existsSync(record)).toBe(true);
    const r = await synced(ws.b);
    expect(r.stdout).toContain('Nothing new from origin/main.');
    expect(r.stderr).toContain('Sent 1 commit to origin/main.');
    expect(existsSync(record)).toBe(false);
    expect(remoteGit(ws, 'rev-parse', 'main')).toBe(git(ws.b, 'rev-parse', 'HEAD'));
    expect(notes(ws.b)).toBe('Shared notes, as Ben has them.\n');
  });

  it('nothing to bring in, with uncommitted edits: no rebase, the edits stay as they are (no stash), the commits are sent', async () => {
    const ws = await withNotes();
    await addBen(ws.b);
    notes(ws.b, 'Shared notes.\nMy own note, not committed.\n');
    const status = git(ws.b, 'status', '--porcelain');
    const r = await synced(ws.b);
    expect(r.stdout).toContain('Nothing new from origin/main.');
    expect(r.stderr).toContain('Sent 1 commit to origin/main.');
    expect(git(ws.b, 'status', '--porcelain')).toBe(status);
    expect(notes(ws.b)).toBe('Shared notes.\nMy own note, not committed.\n');
    expect(git(ws.b, 'stash', 'list')).toBe('');
    expect(remoteGit(ws, 'rev-parse', 'main')).toBe(git(ws.b, 'rev-parse', 'HEAD'));
  });

  it('while a sync waits for a conflict, commands that change the circle are refused, and a file changed meanwhile is carried through', async () => {
    const ws = await withNotes();
    await clashOnMinutes(ws);
    const stopped = await cli(['sync'], { cwd: ws.b, env });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).not.toContain('rebase --abort');
    const members = read(ws.b, 'members.yaml');

    const add = await cli(['members', 'add', 'Dana Lee', '--yes'], { cwd: ws.b, env });
    expect(add.code, add.stderr).toBe(1);
    expect(add.stderr).toContain('circle sync stopped on files both sides changed, and waits for you');
    expect(add.stderr).toContain('then run circle sync to finish it');
    expect(read(ws.b, 'members.yaml')).toBe(members);
    const editCircle = await cli(['edit'], { cwd: ws.b, env: { ...env, EDITOR: 'true' } });
    expect(editCircle.code).toBe(1);
    expect(editCircle.stderr).toContain('circle sync stopped on files both sides changed');
    const init = await cli(['init', 'Second Circle', '--yes'], { cwd: ws.b, env });
    expect(init.code, init.stderr).toBe(1);
    expect(init.stderr).toContain('circle sync stopped on files both sides changed');
    expect(existsSync(join(ws.b, 'circles', 'second-circle'))).toBe(false);

    // Settled, with another tracked file changed meanwhile: set aside while git finishes, and put back.
    keepSide(ws.b, minutes, 'shared');
    notes(ws.b, 'Shared notes.\nChanged during the stop.\n');
    await synced(ws.b);
    expect(notes(ws.b)).toBe('Shared notes.\nChanged during the stop.\n');
    expect(git(ws.b, 'stash', 'list')).toBe('');
    expect((await cli(['members', 'add', 'Dana Lee', '--yes'], { cwd: ws.b, env })).code).toBe(0);
    await synced(ws.b);
    await synced(ws.a);
    expect(memberNames(ws.a)).toEqual(['Ana Souza', 'Dana Lee']);
  });

  it('refuses to bring in drafts, locks and caches (links included) from the remote, and says how to take them out there', async () => {
    const ws = await sharedWorkspace();
    const cache = join(circleDir(ws.a), '.cache');
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache);
    symlinkSync('../../../../.bashrc', join(cache, 'files.json'));
    symlinkSync('/tmp/nowhere/draft.yaml', join(circleDir(ws.a), '.draft.yaml'));
    git(ws.a, 'add', '-f', `circles/${SLUG}/.cache/files.json`, `circles/${SLUG}/.draft.yaml`);
    git(ws.a, 'commit', '--quiet', '-m', 'oops');
    git(ws.a, 'push', '--quiet');
    const head = git(ws.b, 'rev-parse', 'HEAD');
    const r = await cli(['sync'], { cwd: ws.b, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`circles/${SLUG}/.cache/files.json`);
    expect(r.stderr).toContain(`circles/${SLUG}/.draft.yaml`);
    expect(r.stderr).toContain(`git rm -r --cached -- circles/${SLUG}/.cache/files.json circles/${SLUG}/.draft.yaml`);
    expect(git(ws.b, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(join(circleDir(ws.b), '.draft.yaml'))).toBe(false);
    expect(lstatSync(circleDir(ws.b)).isDirectory()).toBe(true);

    // Whoever shared them follows the advice; then both sides sync, and the links stay on a's computer only.
    git(ws.a, 'rm', '-r', '--quiet', '--cached', '--', `circles/${SLUG}/.cache/files.json`, `circles/${SLUG}/.draft.yaml`);
    git(ws.a, 'commit', '--quiet', '-m', 'Stop sharing local files');
    await synced(ws.a);
    await synced(ws.b);
    expect(lstatSync(join(cache, 'files.json')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(circleDir(ws.b), '.cache', 'files.json'))).toBe(false);
    expect(existsSync(join(circleDir(ws.b), '.draft.yaml'))).toBe(false);
  });
});
