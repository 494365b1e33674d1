// circle completion bash|zsh|fish: each script loaded in its own shell, asked what
// follows a few partial command lines.
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, exampleSlug, exampleWorkspace, tempDir, testEnv } from '../helpers.js';
import { cli } from '../harness.js';

const inCI = process.env.CI === 'true';
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

/** A folder with a `circle` on PATH (the built bin), as after an install; the script calls it for circle names. */
function shim(): string {
  const dir = tempDir('circle-bin-');
  writeFileSync(join(dir, 'circle'), `#!/bin/sh\nexec "${process.execPath}" "${binPath}" "$@"\n`);
  chmodSync(join(dir, 'circle'), 0o755);
  return dir;
}

async function script(shell: 'bash' | 'zsh' | 'fish'): Promise<string> {
  const r = await cli(['completion', shell]);
  expect(r.code, r.stderr).toBe(0);
  const file = join(tempDir(), `circle.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
}

function inShell(shell: string, args: string[], program: string): string {
  const r = spawnSync(shell, [...args, program], {
    cwd: exampleWorkspace(),
    env: testEnv({ PATH: `${shim()}:${process.env.PATH}` }),
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** Each partial line, and words that must (and must not) be offered after it. */
const CASES: Array<{ line: string[]; offers: string[]; not?: string[] }> = [
  { line: ['circle', 'mem'], offers: ['members'] },
  { line: ['circle', 'members', ''], offers: ['add', 'list', 'remove'], not: ['agenda'] },
  { line: ['circle', 'members', 'add', '--o'], offers: ['--org'] },
  { line: ['circle', 'agenda', '--format', ''], offers: ['markdown', 'text', 'html', 'pdf'] },
  { line: ['circle', '--circle', ''], offers: [exampleSlug] },
  { line: ['circle', '--home', '.', 'edit', ''], offers: ['circle', 'members', 'minutes'] },
  { line: ['circle', 'edit', '--c'], offers: ['--circle', '--color'] },
];

describe('circle completion', () => {
  it('bash completes commands, subcommands, options, formats and circles', async () => {
    const file = await script('bash');
    for (const c of CASES) {
      const words = c.line.map((w) => `'${w}'`).join(' ');
      const out = inShell('bash', ['-c'], `source '${file}'; COMP_WORDS=(${words}); COMP_CWORD=${c.line.length - 1}; _circle; printf '%s\\n' "\${COMPREPLY[@]}"`);
      const offered = out.split('\n').filter(Boolean);
      expect(offered, c.line.join(' ')).toEqual(expect.arrayContaining(c.offers));
      for (const w of c.not ?? []) expect(offered).not.toContain(w);
    }
  });

  it.skipIf(!has('fish') && !inCI)('fish completes the same', async () => {
    if (!has('fish')) throw new Error('fish is required for the completion test in CI (apt-get install fish)');
    const file = await script('fish');
    for (const c of CASES) {
      const out = inShell('fish', ['-c'], `source '${file}'; complete -C '${c.line.join(' ')}'`);
      const offered = out.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
      expect(offered, c.line.join(' ')).toEqual(expect.arrayContaining(c.offers));
      for (const w of c.not ?? []) expect(offered).not.toContain(w);
    }
  });

  it.skipIf(!has('zsh') && !inCI)('zsh completes the same (the completion system stubbed to print its candidates)', async () => {
    if (!has('zsh')) throw new Error('zsh is required for the completion test in CI (apt-get install zsh)');
    const file = await script('zsh');
    const stubs = `compdef() {}
_describe() { local name=\${@[-1]}; print -rl -- \${\${(P)name}%%:*} }
compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@" }
_files() { print -r -- FILES }
source '${file}'`;
    for (const c of CASES) {
      const words = c.line.map((w) => `'${w}'`).join(' ');
      const out = inShell('zsh', ['-f', '-c'], `${stubs}\nwords=(${words}); CURRENT=${c.line.length}; PREFIX='${c.line.at(-1)}'; _circle`);
      const offered = out.split('\n').filter(Boolean);
      expect(offered, c.line.join(' ')).toEqual(expect.arrayContaining(c.offers));
      for (const w of c.not ?? []) expect(offered).not.toContain(w);
    }
  });

  it('refuses a shell it does not know (exit 2)', async () => {
    const r = await cli(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.");
  });
});
