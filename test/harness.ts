// The CLI in-process: runCli with captured streams, a fake TTY flag and a fixed clock,
// and folders built inline. Most CLI tests run through here; spawned runs of the real
// bin (test/helpers.ts `circle`) are for exit codes, signals, pipes and terminals.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { stringify } from 'yaml';
import { clockFor, runCli } from '../src/cli.js';
import type { Prompter } from '../src/core/meet/index.js';
import { FORMAT } from './core/fixtures.js';
import { exampleWorkspace, tempDir, testEnv, type RunResult } from './helpers.js';

export interface InProcessOptions {
  cwd?: string;
  /** Added to (or, with undefined, removed from) the test environment of test/helpers.ts. */
  env?: Record<string, string | undefined>;
  input?: string;
  /** Pretend stdin, stdout and stderr are a terminal. */
  tty?: boolean;
  columns?: number;
  /** The clock (else the real one, moved to CIRCLE_TODAY's day). */
  now?: () => Date;
  /** `meet` asks this prompter instead of the terminal (a scripted meeting). */
  prompter?: Prompter;
  /** Called with each message as it is written to stderr (the result has them all at the end). */
  onStderr?: (text: string) => void;
}

class Capture {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns: number | undefined,
    readonly listen?: (text: string) => void,
  ) {}
  write(chunk: string | Uint8Array): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.text += text;
    this.listen?.(text);
    return true;
  }
}

/**
 * Run `circle argv…` in this process, by default in a copy of the example workspace. The
 * working folder is changed for the run (tests in a file run one at a time) so that paths
 * print as they would for a user there.
 */
export async function cli(argv: string[], options: InProcessOptions = {}): Promise<RunResult> {
  const env = testEnv(options.env);
  const tty = Boolean(options.tty);
  const stdin = Object.assign(Readable.from(options.input ? [options.input] : []), { isTTY: tty });
  const stdout = new Capture(tty, options.columns);
  const stderr = new Capture(tty, options.columns, options.onStderr);
  const cwd = options.cwd ?? exampleWorkspace();
  // Runs started together (Promise.all) share the folder; the last to end goes back to where the first began,
  // so no run leaves the process in a test's temp folder (removed after its file, while files share a worker).
  if (running++ === 0) outside = process.cwd();
  process.chdir(cwd);
  try {
    const code = await runCli(argv, { cwd, env, stdin, stdout, stderr, now: options.now ?? clockFor(env.CIRCLE_TODAY), ...(options.prompter && { prompter: options.prompter }) });
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    if (--running === 0) process.chdir(outside);
  }
}

/** How many in-process runs are under way, and the folder the first of them started from. */
let running = 0;
let outside = process.cwd();

/** A folder tree, path → content: strings as written, anything else as YAML. */
export type Tree = Record<string, unknown>;

/** Build `tree` in a fresh temp folder (removed after the test file); returns its path. */
export function testdir(tree: Tree): string {
  const root = tempDir('circle-dir-');
  for (const [path, content] of Object.entries(tree)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : stringify(content));
  }
  return root;
}

/** A small circle for tests that need one but not the example's history. */
export function circleTree(slug = 'tiny', extra: Tree = {}): Tree {
  return {
    [`circles/${slug}/circle.yaml`]: {
      name: 'Tiny Circle',
      created: '2026-01-06',
      purpose: 'To learn from one another.',
      ground_rules: ['Listen first.'],
      format: FORMAT,
      schedule: { cadence: 'every 2 weeks on Tuesday', start: '18:00', duration: 120, location: 'Room 1' },
      git: { commit: false },
    },
    [`circles/${slug}/members.yaml`]: {
      members: [
        { name: 'Ana Souza', tag: 'Ana', organization: 'Library', joined: '2026-01-06' },
        { name: 'Ben Okafor', tag: 'Ben', organization: 'Food Bank', joined: '2026-01-06' },
      ],
    },
    [`circles/${slug}/meetings/.gitkeep`]: '',
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`circles/${slug}/${k}`, v])),
  };
}
