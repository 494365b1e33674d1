// The built bin as a user starts it, on the Node that runs the tests (CI runs this file on
// Node 22 as well as Node 20: .ci/run): it starts, --help and --version, a usage error's exit
// code, an agenda, and a meeting from an answers file. The code cache: test/perf/code-cache.test.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { circle, makeWorkspace, repoRoot } from '../helpers.js';
import { ANSWERS } from '../cli/meet-answers.js';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe(`the bin on Node ${process.versions.node}`, () => {
  it('prints its version and its help, with examples', () => {
    expect(circle(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    for (const args of [['--help'], ['agenda', '--help']]) {
      const r = circle(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/^Usage: circle[^]*Examples:\n {2}\$ circle/);
    }
  });

  it('exits 2 on a usage error, with the message and no stack trace', () => {
    const r = circle(['agenda', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the next agenda of the example circle', () => {
    const r = circle(['agenda', '--format', 'text'], { env: { CIRCLE_TODAY: '2026-11-10' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Tuesday 17 November 2026');
    expect(r.stdout).toContain('Time to Reflect');
  });

  it('runs a meeting from an answers file and writes minutes that check accepts', () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const answers = join(root, 'answers.yaml');
    writeFileSync(answers, stringify(ANSWERS));
    const env = { CIRCLE_TODAY: '2026-11-17' };
    const meet = circle(['meet', '--answers', answers], { cwd: root, env });
    expect(meet.code, meet.stderr).toBe(0);
    const minutes = join(circleDir, 'meetings', '2026-11-17.yaml');
    expect(existsSync(minutes)).toBe(true);
    expect(readFileSync(minutes, 'utf8')).toContain(ANSWERS['next.topic']);
    const check = circle(['check'], { cwd: root, env });
    expect(check.code, check.stderr).toBe(0);
  });
});
