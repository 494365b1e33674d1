// bin/circle.js answers --version and --help from dist/fast.cjs, made at build; it must
// print exactly what commander prints, at every terminal width.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli.js';
import type { Deps } from '../../src/context.js';

const root = resolve(import.meta.dirname, '..', '..');
const FAST_ARGS = ['--version', '-V', '--help', '-h', 'help'];

function fast(): { text(arg: string, width: number | undefined): string } {
  const file = join(root, 'dist', 'fast.cjs');
  if (!existsSync(file)) throw new Error('dist/fast.cjs is missing: run `npm run build` first');
  return createRequire(import.meta.url)(file);
}

/** What commander itself prints for `circle arg` at this help width. */
function commander(arg: string, width: number | undefined): string {
  let out = '';
  const sink = { write: (s: string) => ((out += s), true) };
  const deps = { cwd: root, env: {}, stdin: process.stdin, stdout: sink, stderr: sink, now: () => new Date() } as unknown as Deps;
  const program = createProgram(deps, () => {});
  program.configureOutput({ getOutHelpWidth: () => width as number, getOutHasColors: () => false });
  expect(() => program.parse([arg], { from: 'user' })).toThrow(CommanderError);
  return out;
}

describe('the help and version made at build', () => {
  it.each([undefined, 40, 60, 80, 100, 132, 200, 300])('match commander at width %s', (width) => {
    for (const arg of FAST_ARGS) expect(fast().text(arg, width), `circle ${arg}`).toBe(commander(arg, width));
  });

  it('bin/circle.js prints them, exit 0, and takes the same arguments', () => {
    expect(readFast()).toEqual(FAST_ARGS);
    for (const arg of FAST_ARGS) {
      const r = spawnSync(process.execPath, [join(root, 'bin', 'circle.js'), arg], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(commander(arg, undefined));
      expect(r.stderr).toBe('');
    }
  });
});

/** FAST_ARGS as bin/circle.js lists them. */
function readFast(): string[] {
  const list = /FAST_ARGS = \[(.*)\];/.exec(readFileSync(join(root, 'bin', 'circle.js'), 'utf8'))![1]!;
  return list.split(',').map((a) => a.trim().slice(1, -1));
}
