// "Not found" is one exit code everywhere (3): a circle, a member, a meeting or a topic
// asked for that is not there. Asking in a way that fits several stays a usage error (2).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { circleTree, cli, testdir } from '../harness.js';
import { tempDir } from '../helpers.js';

const env = { CIRCLE_TODAY: '2026-11-17' };

describe('not found: one exit code', () => {
  it('is 3, said in the help', async () => {
    expect(EXIT.notFound).toBe(3);
    expect((await cli(['--help'])).stdout).toContain('3 not found');
  });

  it.each([
    ['a circle (--circle)', ['--circle', 'no-such-circle', 'agenda'], /no circle "no-such-circle"/],
    ['a member to remove', ['members', 'remove', 'Nobody Atall'], /no member matches "Nobody Atall"/],
    ["a member's practice", ['practice', 'Nobody Atall'], /no member "Nobody Atall"/],
    ["a meeting's minutes", ['minutes', '2020-01-07'], /no meeting on 2020-01-07/],
    ['a meeting to edit', ['edit', 'minutes', '2020-01-07'], /no meeting on 2020-01-07/],
    ['a meeting to send the recap of', ['send', 'recap', '2020-01-07', '--dry-run'], /no meeting on 2020-01-07/],
    ['a member to send to', ['send', 'agenda', '--to', 'Nobody Atall', '--dry-run'], /--to Nobody Atall: no member matches/],
    ['a topic to drop', ['topics', 'drop', 'Underwater basket weaving'], /no single open topic "Underwater basket weaving"/],
    ['a question to let go', ['questions', 'drop', 'Underwater basket weaving'], /no single open question "Underwater basket weaving"/],
  ])('%s', async (_, argv, message) => {
    const r = await cli(argv, { env });
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(EXIT.notFound);
  });

  it('a circle: none in the workspace yet, or no workspace at all', async () => {
    const empty = tempDir();
    mkdirSync(join(empty, 'circles'));
    const none = await cli(['agenda'], { cwd: empty, env });
    expect(none.stderr).toMatch(/no circles in .* yet/);
    expect(none.code).toBe(EXIT.notFound);
    const outside = await cli(['agenda'], { cwd: tempDir(), env });
    expect(outside.stderr).toMatch(/no circles\/ folder here/);
    expect(outside.code).toBe(EXIT.notFound);
  });

  it('a meeting: none recorded yet', async () => {
    const ws = tempDir();
    expect((await cli(['init', 'Tiny Circle', '--yes'], { cwd: ws, env })).code).toBe(0);
    for (const argv of [['minutes'], ['edit', 'minutes']]) {
      const r = await cli(argv, { cwd: ws, env });
      expect(r.stderr, argv.join(' ')).toMatch(/has no meetings yet/);
      expect(r.code, argv.join(' ')).toBe(EXIT.notFound);
    }
  });

  it('a name that fits several members is a usage error', async () => {
    const ws = testdir(circleTree('tiny', { 'members.yaml': { members: [{ name: 'Ana Souza' }, { name: 'Ana Lima' }] } }));
    for (const argv of [['practice', 'Ana'], ['members', 'remove', 'Ana'], ['send', 'agenda', '--to', 'Ana', '--dry-run']]) {
      const r = await cli(argv, { cwd: ws, env });
      expect(r.stderr, argv.join(' ')).toMatch(/"?Ana"?:? (could be|more than one member matches).*it could be one of: Ana Souza, Ana Lima\?/);
      expect(r.code, argv.join(' ')).toBe(EXIT.usage);
    }
  });
});
