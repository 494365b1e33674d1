// A failed write (full disk, read-only disk…) during `members add` and `init`, injected
// into the file system calls: no file truncated, no temp file left, a clear message
// naming the real file, and the next run works. test/cli/full-disk.test.ts does the
// same on a real small tmpfs where it can mount one.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planCircle } from '../../src/core/init.js';
import { updateMembers } from '../../src/store/members.js';
import { createCircle } from '../../src/store/scaffold.js';
import { parse, stringify } from 'yaml';
import { ANSWERS } from '../cli/meet-answers.js';
import { cli } from '../harness.js';
import { makeWorkspace } from '../helpers.js';

/** Files whose temp copy fails to be written, as on a full disk. */
const failing = vi.hoisted(() => ({ names: [] as string[], code: 'ENOSPC', after: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args);
    const path = String(args[0]);
    if (!path.includes('.circle-tmp-') || !failing.names.some((n) => path.endsWith(n))) return handle;
    if (failing.after > 0) {
      failing.after -= 1; // let this many writes through first
      return handle;
    }
    const fail = Object.assign(new Error(`${failing.code}: injected, write '${path}'`), { code: failing.code, path });
    return new Proxy(handle, {
      get(target, prop) {
        if (prop === 'writeFile') return () => Promise.reject(fail);
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  return { ...real, open, default: { ...real, open } };
});

afterEach(() => {
  failing.names = [];
  failing.code = 'ENOSPC';
  failing.after = 0;
});

const tempsIn = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((n) => n.includes('.circle-tmp-'));

describe('injected write failures', () => {
  for (const [code, reason] of [
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the disk is read-only'],
    ['EACCES', 'permission denied'],
    ['ENOTDIR', 'part of the path is not a folder'],
  ] as const) {
    it(`members add on ${code}: members.yaml untouched, the message names it`, async () => {
      const { circleDir } = makeWorkspace({ example: true });
      const before = readFileSync(join(circleDir, 'members.yaml'), 'utf8');
      failing.names = ['members.yaml'];
      failing.code = code;
      await expect(updateMembers(circleDir, () => ({ add: [{ name: 'Ana Souza' }] }))).rejects.toThrow(
        `cannot write circles/riverside-leaders/members.yaml: ${reason}; nothing was changed.`,
      );
      expect(readFileSync(join(circleDir, 'members.yaml'), 'utf8')).toBe(before);
      expect(tempsIn(circleDir)).toEqual([]);
      expect(existsSync(join(circleDir, '.write-lock'))).toBe(false);
      failing.names = [];
      await updateMembers(circleDir, () => ({ add: [{ name: 'Ana Souza' }] }));
      expect(readFileSync(join(circleDir, 'members.yaml'), 'utf8')).toContain('Ana Souza');
    });
  }

  it('init on a full disk leaves nothing half-made, and the next init works', async () => {
    const { root } = makeWorkspace();
    const ws = { root, circlesDir: join(root, 'circles') };
    const plan = planCircle({ name: 'Eastside Youth Workers' }, '2026-11-10');
    if ('problems' in plan) throw new Error(plan.problems.join());
    failing.names = ['members.yaml'];
    await expect(createCircle(ws, plan)).rejects.toThrow(/cannot create .*members\.yaml: the disk is full; nothing was made, and `circle init` can be run again\./);
    expect(existsSync(join(root, 'circles'))).toBe(false);
    failing.names = [];
    const { dir } = await createCircle(ws, plan);
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'circle.yaml', 'meetings', 'members.yaml']);
  });
});

describe('a full disk during `circle meet`', () => {
  const meet = async (root: string, ...more: string[]) => cli(['meet', '--answers', 'answers.yaml', ...more], { cwd: root, env: { CIRCLE_TODAY: '2026-11-17' } });
  const setUp = () => {
    const ws = makeWorkspace({ example: true });
    writeFileSync(join(ws.root, 'answers.yaml'), stringify(ANSWERS));
    return ws;
  };

  it('says the answers before the failed one are safe, and --resume finishes the meeting', async () => {
    const { root, circleDir } = setUp();
    failing.names = ['.draft.yaml'];
    failing.after = 4;
    const r = await meet(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('could not save that answer: the disk is full. Every answer before it is safe in circles/riverside-leaders/.draft.yaml: free some disk space, then run `circle meet --resume`.');
    expect(Object.keys(parse(readFileSync(join(circleDir, '.draft.yaml'), 'utf8')).answers)).toHaveLength(4);
    expect(tempsIn(circleDir)).toEqual([]);
    failing.names = [];
    const resumed = await meet(root, '--resume');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(existsSync(join(circleDir, 'meetings', '2026-11-17.yaml'))).toBe(true);
  });

  it('keeps the draft when the minutes cannot be written, and --resume writes them', async () => {
    const { root, circleDir } = setUp();
    failing.names = ['2026-11-17.yaml'];
    const r = await meet(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the minutes could not be written: cannot create .*2026-11-17\.yaml: the disk is full.*\nEvery answer is safe in circles\/riverside-leaders\/\.draft\.yaml: free some disk space, then run `circle meet --resume`/);
    expect(existsSync(join(circleDir, '.draft.yaml'))).toBe(true);
    failing.names = [];
    const resumed = await meet(root, '--resume');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(join(circleDir, 'members.yaml'), 'utf8')).toContain('name: Ana Souza'); // added once, not twice
    expect(readFileSync(join(circleDir, 'members.yaml'), 'utf8').match(/name: Ana Souza/g)).toHaveLength(1);
  });
});
