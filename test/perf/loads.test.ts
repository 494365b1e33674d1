// What each path of the built program loads: `circle --help` none of the parsing,
// validation, date, prompt or PDF code, `circle agenda` no prompt or PDF code, and once
// its files are in the snapshot (store/snapshot.ts) no YAML parser or schema either. Loaded
// files are recorded by a loader hook (record-loads.mjs); the bundle's chunks are mapped
// back to the sources they hold with esbuild's metafile (dist/meta.json).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnv } from '../helpers.js';

const root = resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'circle-loads-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Meta = { outputs: Record<string, { inputs: Record<string, unknown> }> };
function meta(): Meta {
  const file = join(root, 'dist', 'meta.json');
  if (!existsSync(file)) throw new Error('dist/meta.json is missing: run `npm run build` first');
  return JSON.parse(readFileSync(file, 'utf8')) as Meta;
}

/** A copy of the example circle, its files last changed an hour ago (the snapshot keeps no file changed just now). */
function exampleWorkspace(): string {
  const ws = mkdtempSync(join(tmp, 'ws-'));
  cpSync(join(root, 'circles'), join(ws, 'circles'), { recursive: true, filter: (f) => !f.includes('.cache') });
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const f of readdirSync(join(ws, 'circles'), { recursive: true })) utimesSync(join(ws, 'circles', String(f)), hourAgo, hourAgo);
  return ws;
}

let runs = 0;
/** The source files (relative to the repo) that `circle ...args` loaded, bundled or not, and what it printed. */
function run(args: string[], cwd = exampleWorkspace()): { files: string[]; stdout: string } {
  const file = join(tmp, `loads-${++runs}.txt`);
  const r = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'record-loads.mjs'), join(root, 'bin', 'circle.js'), ...args], {
    cwd,
    env: testEnv({ CIRCLE_TODAY: '2026-11-17', CIRCLE_LOADS_FILE: file }),
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const outputs = meta().outputs;
  const files = readFileSync(file, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => relative(root, fileURLToPath(u)));
  return { files: [...new Set(files.flatMap((f) => (outputs[f] ? Object.keys(outputs[f].inputs) : [f])))], stdout: r.stdout };
}
const sourcesLoaded = (args: string[]) => run(args).files;

const matching = (files: string[], pattern: RegExp) => files.filter((f) => pattern.test(f));

const YAML = /node_modules\/(yaml|js-yaml)\//;
const ZOD = /node_modules\/zod\//;
const DATES = /node_modules\/date-fns\//;
const PROMPTS = /node_modules\/@inquirer\/|^src\/ui\/ask\.ts$/;
const PDF = /node_modules\/(pdfkit|fontkit)\/|^src\/render\/pdf\.ts$/;
/** `circle send`'s code: nodemailer, the transport, the mail settings, the sent log, the mails' content. */
/** The transliteration table that makes a slug from a name (~30 ms to load): only init and send need it. */
const SLUGS = /node_modules\/@sindresorhus\/(slugify|transliterate)\//;
/** The room view (`--room`): its server, page and view model. */
const ROOM = /^src\/room\/|^src\/(core|render)\/room\.ts$/;
/** Committing the minutes (git): imported once they are written. */
const GIT = /^src\/store\/git\.ts$|^src\/commands\/commit\.ts$/;
/** Writing files (the crash-safe writer): a run that only reads leaves it unloaded. */
const WRITES = /^src\/store\/atomic\.ts$/;
const MAIL = /node_modules\/nodemailer\/|^src\/mail\/|^src\/commands\/send\/run\.ts$|^src\/store\/(mail-config|sent)\.ts$|^src\/(core\/mail|render\/recap)\.ts$/;

describe('what the built program loads', () => {
  it('circle --help, --version and agenda --help: no command run, YAML, zod, date-fns, prompt, PDF or mail code', () => {
    for (const args of [['--help'], ['--version'], ['agenda', '--help']]) {
      const { files, stdout } = run(args);
      expect(stdout, args.join(' ')).toMatch(/^Usage: circle|^\d+\.\d+\.\d+\n$/);
      expect(files).toContain('src/cli.ts');
      expect(matching(files, /^src\/commands\/[^/]+\/run\.ts$/), args.join(' ')).toEqual([]);
      for (const heavy of [YAML, ZOD, DATES, PROMPTS, PDF, MAIL, ROOM]) expect(matching(files, heavy), args.join(' ')).toEqual([]);
    }
  });

  it('circle --help, --version, agenda, history and list leave stdin and stderr alone (making them costs Node a stream each)', () => {
    const closed = 'data:text/javascript,for(const s of ["stdin","stderr"])Object.defineProperty(process,s,{get(){throw new Error(s+" opened")}})';
    for (const args of [['--help'], ['--version'], ['agenda'], ['history'], ['list']]) {
      const r = spawnSync(process.execPath, ['--import', closed, join(root, 'bin', 'circle.js'), ...args], { cwd: exampleWorkspace(), env: testEnv({ CIRCLE_TODAY: '2026-11-17' }), encoding: 'utf8' });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.status, args.join(' ')).toBe(0);
    }
  });

  it('circle agenda: no prompt or PDF code; run again, no YAML parser or schema, and the same agenda', () => {
    const ws = exampleWorkspace();
    const first = run(['agenda'], ws);
    // The first run parses and checks the files (so the recording does see them)…
    expect(matching(first.files, YAML).length).toBeGreaterThan(0);
    expect(matching(first.files, ZOD).length).toBeGreaterThan(0);
    for (const heavy of [PROMPTS, PDF, MAIL, SLUGS, ROOM]) expect(matching(first.files, heavy)).toEqual([]);
    // …the next takes them from the snapshot.
    const again = run(['agenda'], ws);
    for (const heavy of [YAML, ZOD, /^src\/core\/schema\.ts$/, PROMPTS, PDF, WRITES]) expect(matching(again.files, heavy)).toEqual([]);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stdout).toContain('## Time to Reflect');
  });

  it('circle agenda, once its files are in the snapshot, leaves Node\'s fs/promises (and the readline it brings) unloaded', () => {
    const ws = exampleWorkspace();
    const internals = (args: string[]) => {
      const hook = join(tmp, 'internals.cjs');
      writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(tmp, 'internals.txt'))}, process.moduleLoadList.join('\\n')));`);
      const r = spawnSync(process.execPath, ['--require', hook, join(root, 'bin', 'circle.js'), ...args], { cwd: ws, env: testEnv({ CIRCLE_TODAY: '2026-11-17' }), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(tmp, 'internals.txt'), 'utf8').split('\n');
    };
    expect(internals(['agenda'])).toContain('NativeModule internal/fs/promises'); // the first run writes the caches
    expect(internals(['agenda']).filter((m) => /fs\/promises|readline/.test(m))).toEqual([]);
  });

  it('circle history, stats and practice: no YAML parser or schema once the caches are filled', () => {
    for (const command of ['history', 'stats', 'practice']) {
      const ws = exampleWorkspace();
      const first = run([command], ws);
      const again = run([command], ws);
      expect(matching(first.files, YAML).length, command).toBeGreaterThan(0);
      for (const heavy of [YAML, ZOD, /^src\/core\/schema\.ts$/, PROMPTS, PDF]) expect(matching(again.files, heavy), command).toEqual([]);
      expect(again.stdout, command).toBe(first.stdout);
    }
  });

  it('circle meet: no YAML parser, schema or git in what it loads before the first question, and no room view without --room', () => {
    // Its static imports (what loads with it, from the metafile); the draft's reader and
    // writer, the --answers reader and the recording are imported when needed.
    type Output = { inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string }> };
    const outputs = meta().outputs as Record<string, Output>;
    const entry = Object.keys(outputs).find((f) => f.endsWith('.js') && 'src/commands/meet/run.ts' in outputs[f]!.inputs)!;
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f) || !outputs[f]) return;
      seen.add(f);
      for (const i of outputs[f].imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(entry);
    const files = [...seen].flatMap((f) => Object.keys(outputs[f]!.inputs));
    expect(files).toContain('src/commands/meet/run.ts');
    for (const heavy of [YAML, ZOD, /^src\/core\/schema\.ts$/, PDF, MAIL, SLUGS, ROOM, GIT]) expect(matching(files, heavy)).toEqual([]);
    // The room is there, imported when asked for (so the check above can fail).
    const lazy = Object.keys(outputs).filter((f) => 'src/room/server.ts' in outputs[f]!.inputs);
    expect(lazy).toHaveLength(1);
    expect(seen.has(lazy[0]!)).toBe(false);
  });

  it('circle send agenda --dry-run does load the mail code (the checks above can fail)', () => {
    const files = sourcesLoaded(['send', 'agenda', '--dry-run', '--out', join(tmp, 'eml')]);
    for (const code of ['node_modules/nodemailer/', 'src/mail/transport.ts', 'src/commands/send/run.ts']) expect(files.some((f) => f.startsWith(code))).toBe(true);
  });

  it('circle agenda --format pdf does load the PDF code (the check above can fail)', () => {
    const files = sourcesLoaded(['agenda', '--format', 'pdf', '--out', join(tmp, 'agenda.pdf')]);
    expect(matching(files, PDF).length).toBeGreaterThan(0);
  });
});
