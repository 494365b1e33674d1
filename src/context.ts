// What every command receives: the outside world (injected, so tests can replace it),
// helpers to find its circle and its meeting summaries, and where its printable result goes.
import { join, resolve } from 'node:path';
import { toIso } from './core/dates.js';
import type { Prompter } from './core/meet/index.js';
import { CircleError, displayPath, formatProblem, fsReason, UsageError, type Problem } from './errors.js';
import type { CircleFiles } from './store/circle.js';
import type { SummaryView } from './store/summaries.js';
import { checkSlug, circleDir, requireWorkspace, resolveCircle, type Workspace } from './store/workspace.js';
import type { Ask } from './ui/ask.js';
import { createOutput, type Output, type Stream } from './ui/output.js';

export interface Deps {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Stream;
  stderr: Stream;
  now: () => Date;
  /** `meet` asks through this instead of the terminal (the tests' scripted meetings). */
  prompter?: Prompter;
}

export interface GlobalOptions {
  home?: string;
  circle?: string;
  color?: boolean;
}

export interface Context {
  deps: Deps;
  out: Output;
  global: GlobalOptions;
  today(): string;
  /** True when the user can be asked questions. */
  interactive(): boolean;
  /** Questions on the terminal (ui/ask.ts, loaded when first asked). */
  ask(): Promise<Ask>;
  workspace(): Workspace;
  circle(): Promise<{ ws: Workspace; slug: string; dir: string }>;
  /** The circle's files and a summary of every meeting, in the shape `view` gives (history, stats, practice). */
  summaries<T extends { date: string }>(view: SummaryView<T>): Promise<{ files: CircleFiles; meetings: T[] }>;
  /** A printable result to stdout, or to a file (--out FILE; binary formats to `defaultFile` unless --out -). */
  deliver(content: string | Buffer, to: Destination): Promise<void>;
}

interface Destination {
  /** --out: a file, or "-" for stdout. */
  out?: string | undefined;
  /** The file to write, in the circle's print/ folder, when there is no --out (binary formats); stdout when absent. */
  defaultFile?: string | undefined;
}


/** Above this many files to parse, say why the wait (it happens once; the cache keeps the rest). */
const NOTICE_FROM = 500;

export function createContext(deps: Deps, global: GlobalOptions): Context {
  if (global.circle !== undefined) checkSlug(global.circle); // refused up front, whatever the command
  const out = createOutput(deps, deps.env, { color: global.color });
  const workspace = () => requireWorkspace({ home: global.home, env: deps.env, cwd: deps.cwd });
  const ctx: Context = {
    deps,
    out,
    global,
    today: () => toIso(deps.now()),
    interactive: () => Boolean(deps.stdin.isTTY) && Boolean(deps.stderr.isTTY),
    ask: async () => (await import('./ui/ask.js')).createAsk(deps),
    workspace,
    async circle() {
      const ws = workspace();
      const slug = await resolveCircle(ws, { circle: global.circle, cwd: deps.cwd });
      return { ws, slug, dir: circleDir(ws, slug) };
    },
    async summaries(view) {
      const { dir, slug } = await ctx.circle();
      const [{ collectProblems, loadCircle }, { readSummaries }] = await Promise.all([import('./store/circle.js'), import('./store/summaries.js')]);
      const notice = (n: number) => {
        if (n >= NOTICE_FROM) out.info(`Reading ${n} meeting files once to fill the cache in circles/${slug}/.cache/ …`);
      };
      const [files, meetings] = await collectProblems([loadCircle(dir, slug), readSummaries(dir, view, notice)]);
      // Meetings are numbered by their place in time (a back-dated one moves the later ones up).
      return { files, meetings: meetings.map((m, i) => ('number' in m ? { ...m, number: i + 1 } : m)) };
    },
    async deliver(content, to) {
      const target = to.out ?? (to.defaultFile && displayPath(join(await printFolder((await ctx.circle()).dir, deps.cwd), to.defaultFile), deps.cwd));
      if (target === undefined || target === '-') {
        if (typeof content === 'string') return out.data(content);
        if (out.stdout.isTTY) throw new UsageError('this is a binary file, not for the terminal: pipe it (| lp) or write it with --out FILE');
        out.stdout.write(content);
        return;
      }
      if (!target.trim()) throw new UsageError('--out needs a file name, or - for stdout');
      const file = resolve(deps.cwd, target);
      const [{ writeOutputFile }, { refuseCircleData }] = await Promise.all([import('./store/atomic.js'), import('./store/circle.js')]);
      await refuseCircleData(file, target);
      let written: boolean;
      try {
        written = await writeOutputFile(file, content);
      } catch (error) {
        // The file itself may not exist yet: what is missing is its folder.
        const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (fsReason(error) ?? (error as Error).message);
        throw new CircleError(`cannot write ${target}: ${why}`);
      }
      if (!written) throw new UsageError(`${target} is a folder: give a file name, e.g. --out ${target.replace(/\/+$/, '')}/${to.defaultFile ?? 'out.md'}`);
      out.info(`Wrote ${displayPath(file, deps.cwd)}`);
    },
  };
  return ctx;
}

/** `folder`, made unless it is there; one that is not a real folder (a link, a file) is refused. */
export async function ownFolder(folder: string, cwd: string, why: string): Promise<string> {
  const { lstat, mkdir } = await import('node:fs/promises');
  await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw new CircleError(`cannot make ${displayPath(folder, cwd)}: ${fsReason(error) ?? error.message}`);
  });
  if (!(await lstat(folder)).isDirectory()) throw new CircleError(`${displayPath(folder, cwd)} is not a folder: ${why}`);
  return folder;
}

/** The circle's print/ folder, with a .gitignore of its own, so printouts never clutter `git status`. */
export async function printFolder(dir: string, cwd: string): Promise<string> {
  const folder = await ownFolder(join(dir, 'print'), cwd, 'printouts go there; move it away, or give --out');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(join(folder, '.gitignore'), '# Printouts (agendas, minutes, name tags, mail of a dry run): made again whenever needed.\n*\n', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return folder;
}

/** What a file name's extension asks for when no --format is given. */
const BY_EXTENSION: Record<string, string> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  json: 'json',
};

/** --json, else --format, else what the --out file's extension asks for (if allowed), else `fallback`; --json with another --format is refused. */
export function chooseFormat<F extends string>(
  opts: { format?: string | undefined; json?: boolean | undefined; out?: string | undefined },
  allowed: readonly F[],
  fallback: F,
): F | 'json' {
  if (opts.json && opts.format !== undefined && opts.format !== 'json') {
    throw new UsageError(`--json and --format ${opts.format} ask for two different formats: use one of them`);
  }
  if (opts.json) return 'json';
  if (opts.format !== undefined) return opts.format as F | 'json';
  const ext = opts.out && opts.out !== '-' ? /\.([^./\\]+)$/.exec(opts.out)?.[1]?.toLowerCase() : undefined;
  const wanted = ext ? BY_EXTENSION[ext] : undefined;
  return wanted === 'json' || (wanted && (allowed as readonly string[]).includes(wanted)) ? (wanted as F | 'json') : fallback;
}

/** Older meeting files that could not be read for the circle's memory: said, not fatal. */
export function warnUnreadable(ctx: Context, problems: readonly Problem[]): void {
  if (!problems.length) return;
  const files = [...new Set(problems.map((p) => p.file))];
  ctx.out.warn(
    `${files.length === 1 ? 'a meeting file' : `${files.length} meeting files`} cannot be read, so the commitments and topics in ${files.length === 1 ? 'it are' : 'them are'} left out:\n` +
      problems.slice(0, 3).map((p) => `  ${formatProblem(p)}`).join('\n') +
      '\nRun `circle check` to see every problem.',
  );
}
