// Two co-facilitators' clones of one workspace, shared through a bare remote: real git,
// the built bin as the merge driver (test/cli/sync*.test.ts).
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { git, oncePerFile, tempDir } from '../helpers.js';
import { cli } from '../harness.js';

export const SLUG = 'eastside-youth-workers';
export const env = { CIRCLE_TODAY: '2026-11-10' };

/**
 * The template, made once per test run: kept in the run's cache folder (test/global-setup.ts)
 * by the first file to make it, and used by the files after it (a file that finds none makes its own).
 */
const template = oncePerFile(async () => {
  const kept = join(process.env.XDG_CACHE_HOME!, 'circle-sync-template');
  if (existsSync(kept)) return kept;
  const made = await makeSharedWorkspace();
  try {
    renameSync(made, kept); // whole or not at all: another file may be making one too
    return kept;
  } catch {
    return made;
  }
});

/**
 * A workspace made in clone `a`, shared through `remote.git`, and cloned as `b`: made once
 * per test run, and each test gets a fresh copy of it (or of `made`, a template made from one).
 */
export async function sharedWorkspace(made: () => Promise<string> = template) {
  const from = await made();
  const top = tempDir('circle-sync-');
  cpSync(from, top, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  const b = join(top, 'b');
  git(b, 'remote', 'set-url', 'origin', join(top, 'remote.git')); // `git clone` wrote the template's path
  return { top, a: join(top, 'a'), b };
}

async function makeSharedWorkspace(): Promise<string> {
  const top = tempDir('circle-sync-');
  git(top, 'init', '--quiet', '--bare', '--initial-branch=main', 'remote.git');
  // No `git gc --auto` after each push (testEnv's settings do not reach the remote's side).
  appendFileSync(join(top, 'remote.git', 'config'), '[receive]\n\tautogc = false\n');
  const a = join(top, 'a');
  mkdirSync(a);
  git(a, 'init', '--quiet', '--initial-branch=main');
  expect((await cli(['init', 'Eastside Youth Workers', '--yes'], { cwd: a, env })).code).toBe(0);
  // Comments written by hand, to be kept through every merge.
  const members = join(a, 'circles', SLUG, 'members.yaml');
  writeFileSync(members, readFileSync(members, 'utf8').replace('members: []', '# Ana started the circle.\nmembers: []'));
  expect((await cli(['members', 'add', 'Ana Souza', '--org', 'Eastside Library', '--yes'], { cwd: a, env })).code).toBe(0);
  // The first meeting (which agrees purpose, rules and format in circle.yaml) before the clone.
  await meet(a, '2026-10-27', 'Ana Souza', 'Our first meeting.');
  git(a, 'remote', 'add', 'origin', '../remote.git');
  const first = await cli(['sync'], { cwd: a, env });
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr).toContain('Shared this workspace for the first time: origin/main now has it.');
  git(top, 'clone', '--quiet', 'remote.git', 'b');
  return top;
}

export async function meet(cwd: string, date: string, facilitator: string, notes: string) {
  const answers = join(cwd, '..', `answers-${date}-${facilitator.split(' ')[0]}.yaml`);
  writeFileSync(answers, `facilitator: ${facilitator}\nnotes: ${notes}\n`);
  const r = await cli(['meet', '--date', date, '--answers', answers], { cwd, env });
  expect(r.code, r.stderr).toBe(0);
}

export const circleDir = (clone: string) => join(clone, 'circles', SLUG);
export const read = (clone: string, file: string) => readFileSync(join(circleDir(clone), file), 'utf8');
export const write = (clone: string, file: string, text: string) => writeFileSync(join(circleDir(clone), file), text);
/** Change a circle file of `clone` by a text replacement (which must match). */
export function edit(clone: string, file: string, from: RegExp | string, to: string) {
  const text = read(clone, file);
  const next = text.replace(from, to);
  expect(next, `${file} has ${String(from)}`).not.toBe(text);
  write(clone, file, next);
}
export const meetings = (clone: string) => readdirSync(join(circleDir(clone), 'meetings')).filter((n) => n.endsWith('.yaml'));
/** A git command run in the shared (bare) repository. */
export const remoteGit = (ws: { top: string }, ...args: string[]) => git(ws.top, '--git-dir=remote.git', ...args);
/** Ben Okoro added in `clone`: one commit to send. */
export async function addBen(clone: string) {
  expect((await cli(['members', 'add', 'Ben Okoro', '--yes'], { cwd: clone, env })).code).toBe(0);
}
/** Whether a rebase is in progress in `clone` (git's rebase folder is there). */
/** Settle each conflict block of `file` by keeping one side: the text shared already, or the clone's own. */
export const keepSide = (clone: string, file: string, side: 'shared' | 'yours') =>
  edit(clone, file, /<<<<<<< already shared\n([^]*?)=======\n([^]*?)>>>>>>> yours\n/g, side === 'shared' ? '$1' : '$2');

export const rebasing = (clone: string) => existsSync(join(clone, git(clone, 'rev-parse', '--git-path', 'rebase-merge').trim()));
/** Sync and expect it to succeed. */
export async function synced(clone: string) {
  const r = await cli(['sync'], { cwd: clone, env });
  expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
  return r;
}
