import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleSlug, makeWorkspace, repoRoot, tempDir } from '../helpers.js';
import { circleTree, cli, testdir } from '../harness.js';

const slug = 'eastside-youth-workers';

async function initialised() {
  const root = tempDir();
  const r = await cli(['init', 'Eastside Youth Workers', '--yes'], { cwd: root });
  expect(r.code).toBe(0);
  return { root, dir: join(root, 'circles', slug) };
}

describe('circle init', () => {
  it('makes a folder name from a Cyrillic or German name (transliterated)', async () => {
    const root = tempDir();
    for (const [name, folder] of [['Київські молодіжні працівники', 'kiyivski-molodizhni-pratsivniki'], ['Straße Führung', 'strasse-fuhrung']]) {
      const r = await cli(['init', name!, '--yes'], { cwd: root });
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(root, 'circles', folder!, 'circle.yaml'), 'utf8')).toContain(name!);
    }
    expect((await cli(['check', '--all'], { cwd: root })).code).toBe(0);
  });

  it('creates a circle that check accepts, and refuses to make it twice', async () => {
    const { root, dir } = await initialised();
    for (const f of ['circle.yaml', 'members.yaml', 'meetings', '.gitignore']) expect(existsSync(join(dir, f))).toBe(true);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('.draft.yaml');
    const check = await cli(['check'], { cwd: root });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain(`ok ${slug}`);
    const before = readFileSync(join(dir, 'circle.yaml'), 'utf8');
    const again = await cli(['init', 'Eastside Youth Workers', '--yes'], { cwd: root });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists.*nothing was changed/);
    expect(readFileSync(join(dir, 'circle.yaml'), 'utf8')).toBe(before);
  });

  it('takes the schedule from flags and splits the minutes to match', async () => {
    const root = tempDir();
    const r = await cli(['init', 'Tenants Together', '--yes', '--cadence', 'monthly on the 1st Thursday', '--start', '18:30', '--duration', '150', '--location', 'Hall B'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(root, 'circles', 'tenants-together', 'circle.yaml'), 'utf8');
    expect(text).toContain('cadence: monthly on the 1st Thursday');
    expect(text).toContain('start: "18:30"');
    expect(text).toContain('location: Hall B');
    expect(text).toMatch(/# Every meeting has the same rhythm/); // template comments are kept
    const minutes = [...text.matchAll(/minutes: (\d+)/g)].map((m) => Number(m[1]));
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(150);
  });

  it('explains bad flags with exit 2 and writes nothing', async () => {
    const root = tempDir();
    const r = await cli(['init', 'X', '--yes', '--cadence', 'every second Tuesday', '--start', '7pm'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--cadence: .*ambiguous/);
    expect(r.stderr).toMatch(/--start: use a 24-hour time/);
    expect(existsSync(join(root, 'circles'))).toBe(false);
  });

  it('asks for a name instead of prompting when there is no terminal', async () => {
    const r = await cli(['init'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give the circle a name/);
  });

  it('warns on stderr when a meeting is shorter than 90 minutes', async () => {
    const r = await cli(['init', 'Short One', '--yes', '--duration', '60'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: 60 minutes is short/);
  });
});

describe('circle members', () => {
  it('adds a member and keeps a hand-written comment and keys of your own (x-) byte for byte', async () => {
    const { root, dir } = await initialised();
    const file = join(dir, 'members.yaml');
    const handWritten = 'members:\n  - name: Ana Souza    # chairs our board\n    organization: Eastside Library\n    x-pronouns: she/her\n\n# keep alphabetical\nx-notes_for_facilitator: bring the big markers\n';
    writeFileSync(file, handWritten);
    const r = await cli(['members', 'add', 'José Núñez', '--org', 'Casa Joven', '--joined', '2026-11-03'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('members:\n  - name: Ana Souza    # chairs our board\n    organization: Eastside Library\n    x-pronouns: she/her\n')).toBe(true);
    expect(after).toContain('  - name: José Núñez\n    organization: Casa Joven\n    joined: 2026-11-03\n    active: true\n');
    expect(after.endsWith('\n# keep alphabetical\nx-notes_for_facilitator: bring the big markers\n')).toBe(true);

    const list = await cli(['members', 'list', '--json'], { cwd: root });
    expect(JSON.parse(list.stdout).map((m: { name: string }) => m.name)).toEqual(['Ana Souza', 'José Núñez']);
  });

  it('refuses a duplicate, removes by marking inactive, and keeps history', async () => {
    const { root } = await initialised();
    expect((await cli(['members', 'add', 'Ana Souza'], { cwd: root })).code).toBe(0);
    const dup = await cli(['members', 'add', 'ana souza'], { cwd: root });
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already a member/);
    const rm = await cli(['members', 'remove', 'Ana', '--yes'], { cwd: root });
    expect(rm.code, rm.stderr).toBe(0);
    expect((await cli(['members', '--json'], { cwd: root })).stdout.trim()).toBe('[]');
    const all = JSON.parse((await cli(['members', 'list', '--all', '--json'], { cwd: root })).stdout);
    expect(all).toMatchObject([{ name: 'Ana Souza', active: false }]);
    expect((await cli(['members', 'remove', 'Nobody'], { cwd: root })).code).toBe(3);
    expect((await cli(['members', 'add', 'José Núñez', '--yes'], { cwd: root })).code).toBe(0);
    expect((await cli(['members', 'add', 'José Núñez'.normalize('NFD'), '--yes'], { cwd: root })).code).toBe(1); // same name, other Unicode form
  });
});

describe('bad data', () => {
  it('reports file:line:col with exit 65 and never writes over the file', async () => {
    const { root, dir } = await initialised();
    const file = join(dir, 'members.yaml');
    const broken = 'members:\n  - name: Ana\n    active: perhaps\n  - name: [unclosed\n';
    writeFileSync(file, broken);
    for (const args of [['check'], ['members', 'add', 'Ben', '--yes'], ['members', 'list']]) {
      const r = await cli(args, { cwd: root });
      expect(r.code).toBe(65);
      expect(r.stderr).toMatch(/^circles\/eastside-youth-workers\/members\.yaml:\d+:\d+: /m);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(readFileSync(file, 'utf8')).toBe(broken);
    }
  });

  it('reports a wrongly typed meeting with its line, and every problem of the circle at once', async () => {
    const { root, dir } = await initialised();
    writeFileSync(join(dir, 'meetings', '2026-11-03.yaml'), 'date: 2026-11-03\nnumber: first\nattendance:\n  present: Ana\n');
    writeFileSync(join(dir, 'meetings', '2026-11-17.yaml'), 'date: 2026-11-18\nnumber: 2\n');
    const r = await cli(['check'], { cwd: root });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('meetings/2026-11-03.yaml:2:9: number: expected a meeting number, found "first"');
    expect(r.stderr).toContain('meetings/2026-11-03.yaml:4:12: attendance.present: expected a list');
    expect(r.stderr).toContain('meetings/2026-11-17.yaml:1:7: date: does not match the file name 2026-11-17.yaml');
  });

  it('refuses --circle values that would leave circles/', async () => {
    const { root } = await initialised();
    for (const bad of ['../x', '../../etc', '/etc', '..']) {
      const r = await cli(['--circle', bad, 'check'], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is not a circle name/);
    }
  });
});

describe('global behaviour', () => {
  it('lists the example circle from the repository', async () => {
    const r = await cli(['list']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(exampleSlug);
    expect(JSON.parse((await cli(['list', '--json'])).stdout)[0]).toMatchObject({ slug: exampleSlug });
  });

  it('the example circle passes check', async () => {
    const r = await cli(['check', '--all']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('has help with examples on every command, and a version', async () => {
    for (const args of [[], ['init'], ['list'], ['members'], ['members', 'add'], ['check']]) {
      const r = await cli([...args, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:\n {2}\$ circle/);
    }
    expect((await cli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('gives usage errors exit 2 and no stack trace', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
    expect((await cli(['list', '--bogus'])).code).toBe(2);
  });

  it('says how to start when there is no workspace', async () => {
    const r = await cli(['list'], { cwd: tempDir() });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no circles\/ folder.*\n.*circle init/);
  });

  it('finds the workspace through --home and $CIRCLE_HOME', async () => {
    const { root } = makeWorkspace({ example: true });
    const elsewhere = tempDir();
    expect((await cli(['--home', root, 'list'], { cwd: elsewhere })).stdout).toContain(exampleSlug);
    expect((await cli(['list'], { cwd: elsewhere, env: { CIRCLE_HOME: root } })).stdout).toContain(exampleSlug);
    expect((await cli(['--home', join(root, 'nope'), 'list'])).code).toBe(2);
  });

  it('colours a terminal, a pipe only when FORCE_COLOR asks, and nothing with NO_COLOR', async () => {
    const colour = /\x1b\[/;
    expect((await cli(['list'], { env: { NO_COLOR: undefined } })).stdout).not.toMatch(colour);
    expect((await cli(['list'], { env: { NO_COLOR: undefined }, tty: true })).stdout).toMatch(colour);
    expect((await cli(['list'], { tty: true })).stdout).not.toMatch(colour); // NO_COLOR=1, as every test run
    expect((await cli(['list'], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } })).stdout).toMatch(colour);
  });

  it('picks the circle from the folder you stand in when there are several', async () => {
    const { root } = makeWorkspace({ example: true });
    expect((await cli(['init', 'Second Circle', '--yes'], { cwd: root })).code).toBe(0);
    const ambiguous = await cli(['members'], { cwd: root });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/choose one with --circle/);
    const inside = join(root, 'circles', 'second-circle', 'meetings');
    mkdirSync(inside, { recursive: true });
    expect((await cli(['members'], { cwd: inside })).stderr).toMatch(/No active members yet/);
  });
});

it('keeps repoRoot a workspace (the example circle is the default)', async () => {
  expect(existsSync(join(repoRoot, 'circles', exampleSlug, 'circle.yaml'))).toBe(true);
});

describe('found in review', () => {
  it('`circle help <command>` and `members help add` exit 0', async () => {
    for (const args of [['help', 'members'], ['members', 'help', 'add']]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: circle/);
    }
    expect((await cli([])).code).toBe(2); // no command at all is a usage error
  });

  it('a help option before the command shows every command, as the top-level help does', async () => {
    const top = await cli(['--help']);
    for (const args of [['-h', 'agenda'], ['--help', 'members', 'add'], ['--circle', 'x', '--help', 'history']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toBe(top.stdout);
    }
  });

  it('refuses a bad --circle even for commands that do not use it', async () => {
    for (const args of [['list'], ['init', 'X', '--yes']]) {
      expect((await cli(['--circle', '../x', ...args], { cwd: tempDir() })).code).toBe(2);
    }
  });

  it('refuses a name over several lines', async () => {
    const { root } = await initialised();
    const r = await cli(['members', 'add', 'Ana\nSouza', '--yes'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/one line/);
  });

  it('reports a folder where a file should be, without a stack trace', async () => {
    const { root, dir } = await initialised();
    mkdirSync(join(dir, 'meetings', '2026-12-01.yaml'));
    const r = await cli(['check'], { cwd: root });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('meetings/2026-12-01.yaml:1:1: expected a file, found a folder');
  });

  it('check --json lists the problems per circle', async () => {
    const { root, dir } = await initialised();
    writeFileSync(join(dir, 'members.yaml'), 'members:\n  - name: [a]\n');
    const r = await cli(['check', '--json'], { cwd: root });
    expect(r.code).toBe(65);
    const [result] = JSON.parse(r.stdout);
    expect(result).toMatchObject({ circle: slug, ok: false, problems: [{ line: 2, col: 11, message: 'members: the 1st member, name: expected text, found a list' }] });
  });
});

describe('members remove and add, carefully', () => {
  it('removes by whole name at once; anything else (part of a name, a tag, no accents) only with --yes off a terminal; add brings a former member back', async () => {
    const root = testdir(circleTree());
    for (const given of ['Ana Sou', 'ana']) {
      const part = await cli(['members', 'remove', given], { cwd: root });
      expect(part.code).toBe(2);
      expect(part.stderr).toContain(`"${given}" is not a whole name: did you mean Ana Souza? Give the whole name, or add --yes to remove them.`);
    }
    expect(readFileSync(join(root, 'circles', 'tiny', 'members.yaml'), 'utf8')).not.toContain('active: false');
    const byTag = await cli(['members', 'remove', 'ana', '--yes'], { cwd: root });
    expect(byTag.code, byTag.stderr).toBe(0);
    expect(byTag.stderr).toContain('Ana Souza is marked as no longer active; their history stays in the minutes (`circle members add "Ana Souza"` brings them back).');
    const back = await cli(['members', 'add', 'Ana Souza', '--yes'], { cwd: root });
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).toContain('Ana Souza is back: marked active again');
    expect(readFileSync(join(root, 'circles', 'tiny', 'members.yaml'), 'utf8').match(/Ana Souza/g)).toHaveLength(1);
  });
});
