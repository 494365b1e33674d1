// Shared by the tests: temp workspaces and the built CLI run as a real process.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { CacheFile } from '../src/store/cache.js';

export const repoRoot = resolve(import.meta.dirname, '..');
export const binPath = join(repoRoot, 'bin', 'circle.js');
export const exampleSlug = 'riverside-leaders';
export const exampleDir = join(repoRoot, 'circles', exampleSlug);

const made: string[] = [];
let file = 0;

/**
 * After each test file (test/setup-file.ts): back to the repository (the next file in this
 * process starts where a fresh one would, not in a folder removed here), remove its temp
 * folders, and start afresh what `oncePerFile` made.
 */
export function endOfFile(): void {
  process.chdir(repoRoot);
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  file += 1;
}

/** `make()` at most once per test file (files may share a process: the next one gets its own). */
export function oncePerFile<T>(make: () => T): () => T {
  let last: { file: number; value: T } | undefined;
  return () => {
    if (last?.file !== file) last = { file, value: make() };
    return last.value;
  };
}

/** A fresh temp folder, removed after the test file. */
export function tempDir(prefix = 'circle-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A temp workspace; with `example`, a copy of the example circle in it (without its caches). */
export function makeWorkspace(options: { example?: boolean } = {}): { root: string; circleDir: string } {
  const root = tempDir('circle-ws-');
  if (options.example) cpSync(join(repoRoot, 'circles'), join(root, 'circles'), { recursive: true, filter: (f) => !f.endsWith(`${sep}.cache`) });
  return { root, circleDir: join(root, 'circles', exampleSlug) };
}

/** A copy of the example workspace, one per test file: where a run without a cwd of its own happens, never in the repository's own circles/. */
export const exampleWorkspace = oncePerFile(() => makeWorkspace({ example: true }).root);

/** How many cases a slow property test tries: `quick` by default, `thorough` with CIRCLE_THOROUGH=1 (to hunt a bug, or before a release). */
export function propertyRuns(quick: number, thorough: number): number {
  return process.env.CIRCLE_THOROUGH === '1' ? thorough : quick;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

/**
 * The environment a test run sees: no colour, no workspace from the outside, a git identity,
 * and the caches of this test run (test/global-setup.ts), never the user's.
 */
export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    XDG_CACHE_HOME: process.env.XDG_CACHE_HOME,
    LANG: 'C.UTF-8',
    TZ: process.env.TZ ?? 'UTC',
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'Test Facilitator',
    GIT_AUTHOR_EMAIL: 'facilitator@example.org',
    GIT_COMMITTER_NAME: 'Test Facilitator',
    GIT_COMMITTER_EMAIL: 'facilitator@example.org',
    GIT_CONFIG_NOSYSTEM: '1',
    // No housekeeping after each commit, fetch and push (git maintenance, gc): a process or two each, for repositories that live seconds.
    GIT_CONFIG_COUNT: '3',
    GIT_CONFIG_KEY_0: 'maintenance.auto',
    GIT_CONFIG_VALUE_0: 'false',
    GIT_CONFIG_KEY_1: 'gc.auto',
    GIT_CONFIG_VALUE_1: '0',
    GIT_CONFIG_KEY_2: 'receive.autogc',
    GIT_CONFIG_VALUE_2: 'false',
  };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Run the built CLI and wait for it. */
export function circle(args: string[], options: RunOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? exampleWorkspace(),
    env: testEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Start the built CLI without waiting (for crash and lock tests). */
export function startCircle(args: string[], options: RunOptions = {}) {
  return spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? exampleWorkspace(),
    env: testEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: testEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A circle's cache file as cache.ts names it: its name in .cache/, in the format its header line gives. */
export function cacheFileAt(dir: string, name: string): CacheFile {
  return { name, format: (JSON.parse(readFileSync(join(dir, '.cache', name), 'utf8').split('\n')[0]!) as CacheFile).format };
}
