// What each path of the built program loads: `circle --help` none of the parsing,
// validation, date, prompt or PDF code, `circle agenda` no prompt or PDF code. Loaded
// files are recorded by a loader hook (record-loads.mjs); the bundle's chunks are mapped
// back to the sources they hold with esbuild's metafile (dist/meta.json).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'circle-loads-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Meta = { outputs: Record<string, { inputs: Record<string, unknown> }> };
function meta(): Meta {
  const file = join(root, 'dist', 'meta.json');
  if (!existsSync(file)) throw new Error('dist/meta.json is missing: run `npm run build` first');
  return JSON.parse(readFileSync(file, 'utf8')) as Meta;
}

let runs = 0;
/** The source files (relative to the repo) that `circle ...args` loaded, bundled or not. */
function sourcesLoaded(args: string[]): string[] {
  const file = join(tmp, `loads-${++runs}.txt`);
  const r = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'record-loads.mjs'), join(root, 'bin', 'circle.js'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', CIRCLE_TODAY: '2026-11-17', CIRCLE_LOADS_FILE: file },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const outputs = meta().outputs;
  const files = readFileSync(file, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => relative(root, fileURLToPath(u)));
  return [...new Set(files.flatMap((f) => (outputs[f] ? Object.keys(outputs[f].inputs) : [f])))];
}

const matching = (files: string[], pattern: RegExp) => files.filter((f) => pattern.test(f));

const YAML = /node_modules\/(yaml|js-yaml)\//;
const ZOD = /node_modules\/zod\//;
const DATES = /node_modules\/date-fns\//;
const PROMPTS = /node_modules\/@inquirer\/|^src\/ui\/ask\.ts$/;
const PDF = /node_modules\/(pdfkit|fontkit|dejavu-fonts-ttf)\/|^src\/render\/pdf\.ts$/;

describe('what the built program loads', () => {
  it('circle --help and --version: the help text and nothing of the program', () => {
    for (const args of [['--help'], ['--version']]) {
      const files = sourcesLoaded(args);
      expect(files).toContain('dist/fast.cjs');
      expect(matching(files, /^src\//)).toEqual([]);
      for (const heavy of [YAML, ZOD, DATES, PROMPTS, PDF]) expect(matching(files, heavy)).toEqual([]);
    }
  });

  it('circle agenda --help (commander): no YAML, zod, date-fns, prompt or PDF code', () => {
    const files = sourcesLoaded(['agenda', '--help']);
    expect(files).toContain('src/cli.ts');
    for (const heavy of [YAML, ZOD, DATES, PROMPTS, PDF]) expect(matching(files, heavy)).toEqual([]);
  });

  it('circle agenda: no prompt or PDF code (and the recording sees what it does load)', () => {
    const files = sourcesLoaded(['agenda']);
    expect(matching(files, /node_modules\/(js-yaml|yaml)\//).length).toBeGreaterThan(0);
    expect(matching(files, ZOD).length).toBeGreaterThan(0);
    expect(matching(files, PROMPTS)).toEqual([]);
    expect(matching(files, PDF)).toEqual([]);
  });

  it('circle agenda --format pdf does load the PDF code (the check above can fail)', () => {
    const files = sourcesLoaded(['agenda', '--format', 'pdf', '--out', join(tmp, 'agenda.pdf')]);
    expect(matching(files, PDF).length).toBeGreaterThan(0);
  });
});
