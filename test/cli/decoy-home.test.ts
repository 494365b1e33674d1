// Issue 22's "Done when": a remote whose history carries symbolic links where the derived
// files go (.cache/*, .draft.yaml, locks), some into the user's home, some dangling. After
// `sync` and a round of commands run with HOME set to that home, nothing in it has changed
// and nothing was created outside the workspace. Spawned: real git, the built bin.
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { circle, exampleSlug, git, repoRoot, tempDir } from '../helpers.js';
import { ANSWERS } from './meet-answers.js';

/** Every path under `dir` with its kind, mode and content (or link target), hashed. */
function checksum(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const info = lstatSync(path);
      hash.update(`${relative(dir, path)}\0${info.mode}\0`);
      if (info.isSymbolicLink()) hash.update(readlinkSync(path));
      else if (info.isDirectory()) walk(path);
      else hash.update(readFileSync(path));
      hash.update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('a hostile remote with links into the home folder', () => {
  it('sync, agenda, meet, members add and history change nothing outside the workspace', { timeout: 120_000 }, () => {
    const top = tempDir('circle-decoy-');
    const home = join(top, 'home');
    mkdirSync(join(home, '.ssh'), { recursive: true });
    writeFileSync(join(home, '.bashrc'), 'export PS1="$ "\n');
    writeFileSync(join(home, '.profile'), '# profile\n');
    writeFileSync(join(home, '.ssh', 'id_ed25519'), 'secret key\n');
    writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Decoy\n\temail = decoy@example.org\n');

    // The co-facilitator's clone: the example circle, shared, then the links committed with add -f.
    git(top, 'init', '--quiet', '--bare', '--initial-branch=main', 'remote.git');
    const theirs = join(top, 'theirs');
    mkdirSync(theirs);
    cpSync(join(repoRoot, 'circles'), join(theirs, 'circles'), { recursive: true });
    rmSync(join(theirs, 'circles', exampleSlug, '.cache'), { recursive: true, force: true });
    git(theirs, 'init', '--quiet', '--initial-branch=main');
    git(theirs, 'add', '.');
    git(theirs, 'commit', '--quiet', '-m', 'the circle');
    git(theirs, 'remote', 'add', 'origin', '../remote.git');
    git(theirs, 'push', '--quiet', 'origin', 'main');
    const mine = join(top, 'mine');
    git(top, 'clone', '--quiet', 'remote.git', 'mine');

    const dir = join(theirs, 'circles', exampleSlug);
    mkdirSync(join(dir, '.cache'));
    const links: Record<string, string> = {
      '.cache/files.json': join(home, '.bashrc'),
      '.cache/history.json': join(home, '.profile'),
      '.cache/memory.json': join(home, 'made-by-memory'), // dangling
      '.cache/practice.json': join(home, '.ssh', 'id_ed25519'),
      '.draft.yaml': join(home, 'answers-taken'), // dangling
      '.lock': join(home, '.ssh', 'id_ed25519'),
      '.write-lock': join(home, 'made-by-lock'), // dangling
      'meetings/.write-lock': join(home, 'made-by-meetings-lock'), // dangling
    };
    for (const [name, target] of Object.entries(links)) symlinkSync(target, join(dir, name));
    git(theirs, 'add', '-f', ...Object.keys(links).map((name) => `circles/${exampleSlug}/${name}`));
    git(theirs, 'commit', '--quiet', '-m', 'links');
    git(theirs, 'push', '--quiet', 'origin', 'main');

    const answers = join(top, 'answers.yaml');
    writeFileSync(answers, stringify(ANSWERS));
    const around = () => readdirSync(top).sort();
    const before = { home: checksum(home), theirs: checksum(theirs), around: around() };

    const env = { HOME: home, XDG_CACHE_HOME: join(mine, '.xdg-cache'), CIRCLE_TODAY: '2026-11-17' };
    const runs = [
      ['sync'],
      ['agenda'],
      ['meet', '--answers', answers],
      ['members', 'add', 'Pat Newcomer', '--org', 'Westside Library', '--yes'],
      ['history'],
      ['agenda'],
    ].map((args) => ({ args, ...circle(args, { cwd: mine, env }) }));
    const said = runs.map((r) => `$ circle ${r.args.join(' ')} -> ${r.code}\n${r.stderr}`).join('\n');

    expect(checksum(home), said).toBe(before.home);
    expect(checksum(theirs)).toBe(before.theirs);
    expect(around()).toEqual(before.around);
    // The commands after sync did their work.
    expect(runs.slice(1).map((r) => r.code), said).toEqual([0, 0, 0, 0, 0]);
    expect(readFileSync(join(mine, 'circles', exampleSlug, 'members.yaml'), 'utf8')).toContain('Pat Newcomer');
  });
});
