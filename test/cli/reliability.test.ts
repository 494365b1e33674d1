// Issue 11: nothing a facilitator typed or wrote is lost, widened or silently ignored.
// These run the built program: exit codes, real streams and real files.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { binPath, exampleSlug, makeWorkspace, testEnv } from '../helpers.js';
import { run as cli } from '../harness.js';

const env = { CIRCLE_TODAY: '2026-11-10' };
const ESC = '\u001b';

function members(dir: string): string[] {
  return (parse(readFileSync(join(dir, 'members.yaml'), 'utf8')) as { members: { name: string }[] }).members.map((m) => m.name);
}

describe('output streams', () => {
  it('a failed write to stdout (a full disk) exits 1 and says so', async () => {
    const { root } = makeWorkspace({ example: true });
    const full = openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [binPath, 'agenda'], { cwd: root, env: testEnv(env), stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    closeSync(full);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot write the output: the disk is full/);
  });

  it('a closed stderr never turns a success into a failure', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const child = spawn(process.execPath, [binPath, 'members', 'add', 'Ana Souza', '--yes'], { cwd: root, env: testEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(0);
    expect(members(circleDir)).toContain('Ana Souza');
  });
});

describe('terminal escapes are quoted, never sent raw', () => {
  it('in echoed arguments', async () => {
    const { root } = makeWorkspace({ example: true });
    const r = await cli(['members', 'remove', `${ESC}]0;pwned${ESC}\\Nobody`], { cwd: root, env });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).toContain('\\u001b]0;pwned');
  });

  it('in the lock file of a running meeting', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    writeFileSync(join(circleDir, '.lock'), JSON.stringify({ pid: 1, host: `far${ESC}[2J`, started: `${ESC}[31mnow` }));
    const answers = join(root, 'a.yaml');
    writeFileSync(answers, 'facilitator: Ana\n');
    const r = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already running/);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).toContain('\\u001b[2J');
  });

  it('in unknown step ids of an answers file', async () => {
    const { root } = makeWorkspace({ example: true });
    const answers = join(root, 'a.yaml');
    writeFileSync(answers, stringify({ [`nope${ESC}[31m`]: 'x' }));
    const r = await cli(['meet', '--answers', answers], { cwd: root, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope\\u001b[31m');
    expect(r.stderr).not.toContain(ESC);
  });
});

describe('a circle that is not all there', () => {
  it('a circle folder without circle.yaml names the missing file', async () => {
    const { root } = makeWorkspace();
    mkdirSync(join(root, 'circles', 'eastside'), { recursive: true });
    writeFileSync(join(root, 'circles', 'eastside', 'members.yaml'), 'members: []\n');
    const r = await cli(['agenda'], { cwd: root, env });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('circles/eastside/circle.yaml');
    expect(r.stderr).not.toMatch(/no circles/i);
    const named = await cli(['--circle', 'eastside', 'members'], { cwd: root, env });
    expect(named.code).toBe(65);
    expect(named.stderr).toContain('circles/eastside/circle.yaml');
  });

  it('a meetings path that is a file is a data problem (65)', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    rmSync(join(circleDir, 'meetings'), { recursive: true });
    writeFileSync(join(circleDir, 'meetings'), 'oops\n');
    for (const args of [['agenda'], ['history'], ['check']]) {
      const r = await cli(args, { cwd: root, env });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(65);
      expect(r.stderr).toContain(`circles/${exampleSlug}/meetings`);
      expect(r.stderr).not.toMatch(/unexpected/);
    }
  });
});

describe('dates at the end of the calendar', () => {
  it('a meeting whose next date would pass 9999 crashes no command', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const last = parse(readFileSync(join(circleDir, 'meetings', '2026-08-25.yaml'), 'utf8'));
    last.date = '9999-12-28';
    last.number = 7;
    last.next.date = '9999-12-31';
    writeFileSync(join(circleDir, 'meetings', '9999-12-28.yaml'), stringify(last));
    for (const args of [['agenda'], ['schedule'], ['list'], ['history'], ['check'], ['stats'], ['practice'], ['agenda', '--date', '9999-12-31'], ['schedule', '--from', '9999-12-30']]) {
      const r = await cli(args, { cwd: root, env });
      expect(r.stderr, args.join(' ')).not.toMatch(/unexpected/);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
  });
});

describe('rewriting a file keeps what it was', () => {
  it('keeps the mode of members.yaml (0600 stays 0600)', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    chmodSync(join(circleDir, 'members.yaml'), 0o600);
    expect((await cli(['members', 'add', 'Ana Souza', '--yes'], { cwd: root, env })).code).toBe(0);
    expect(statSync(join(circleDir, 'members.yaml')).mode & 0o777).toBe(0o600);
  });

  it('refuses a read-only members.yaml with a clear message', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const file = join(circleDir, 'members.yaml');
    const before = readFileSync(file, 'utf8');
    chmodSync(file, 0o444);
    const r = await cli(['members', 'add', 'Ana Souza', '--yes'], { cwd: root, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/circles\/riverside-leaders\/members\.yaml is read-only/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('writes a symlinked members.yaml through the link', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const real = join(root, 'roster.yaml');
    writeFileSync(real, readFileSync(join(circleDir, 'members.yaml')));
    rmSync(join(circleDir, 'members.yaml'));
    symlinkSync(real, join(circleDir, 'members.yaml'));
    expect((await cli(['members', 'add', 'Ana Souza', '--yes'], { cwd: root, env })).code).toBe(0);
    expect(readFileSync(real, 'utf8')).toContain('Ana Souza');
    expect(readdirSync(circleDir).filter((n) => n.startsWith('.circle-tmp-'))).toEqual([]);
    expect(statSync(join(circleDir, 'members.yaml')).isFile()).toBe(true);
    expect(spawnSync('test', ['-L', join(circleDir, 'members.yaml')]).status).toBe(0);
  });
});

describe('--out and --ics never replace a data file of a circle', () => {
  it('refuses members.yaml, circle.yaml, minutes, drafts, locks and caches with exit 2', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    mkdirSync(join(circleDir, '.cache'), { recursive: true });
    const before = readFileSync(join(circleDir, 'members.yaml'), 'utf8');
    const c = `circles/${exampleSlug}`;
    const cases: string[][] = [
      ['minutes', '--out', `${c}/members.yaml`],
      ['agenda', '--out', `${c}/meetings/2026-08-25.yaml`],
      ['agenda', '--out', `${c}/meetings/new.md`],
      ['agenda', '--out', `${c}/circle.yaml`],
      ['agenda', '--out', `${c}/.draft.yaml`],
      ['agenda', '--out', `${c}/.lock`],
      ['agenda', '--out', `${c}/.cache/x.md`],
      ['schedule', '--ics', `${c}/members.yaml`],
    ];
    for (const args of cases) {
      const r = await cli(args, { cwd: root, env });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/data of the circle/);
    }
    // Through a link, or from inside the circle's folder.
    symlinkSync(join(circleDir, 'members.yaml'), join(root, 'roster.md'));
    expect((await cli(['agenda', '--out', 'roster.md'], { cwd: root, env })).code).toBe(2);
    expect((await cli(['agenda', '--out', 'members.yaml'], { cwd: circleDir, env })).code).toBe(2);
    expect(readFileSync(join(circleDir, 'members.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(circleDir, 'meetings', 'new.md'))).toBe(false);
    // A file of one's own beside them is fine.
    expect((await cli(['agenda', '--out', `${c}/agenda.md`], { cwd: root, env })).code).toBe(0);
  });
});

describe('errors name what the facilitator wrote', () => {
  it('`circle check` on the example circle with one key misspelt exits 65 and names it with a suggestion', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const file = join(circleDir, 'circle.yaml');
    const text = readFileSync(file, 'utf8').replace(/^(\s+)skip:/m, '$1skips:');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => /^\s+skips:/.test(l)) + 1;
    const r = await cli(['check'], { cwd: root, env });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`circles/${exampleSlug}/circle.yaml:${line}:3: schedule: unknown key "skips": did you mean "skip"?`);
  });

  it('`init` with a control character in the name names the name, not the template file', async () => {
    const { root } = makeWorkspace();
    const r = await cli(['init', `Eastside${ESC}[2J Youth`, '--slug', 'eastside', '--yes'], { cwd: root, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^the name: /);
    expect(r.stderr).not.toMatch(/templates/);
    expect(existsSync(join(root, 'circles', 'eastside'))).toBe(false);
  });
});

describe('git in the middle of something', () => {
  it('`meet` during a stopped rebase writes nothing, keeps every answer in the draft, and says what to run', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const g = (...args: string[]) => spawnSync('git', args, { cwd: root, env: testEnv(), encoding: 'utf8' });
    g('init', '-q', '-b', 'main');
    writeFileSync(join(root, 'notes.txt'), 'base\n');
    g('add', '.');
    g('commit', '-qm', 'base');
    g('checkout', '-qb', 'other');
    writeFileSync(join(root, 'notes.txt'), 'other\n');
    g('commit', '-qam', 'other');
    g('checkout', '-q', 'main');
    writeFileSync(join(root, 'notes.txt'), 'main\n');
    g('commit', '-qam', 'main');
    expect(g('rebase', 'other').status).not.toBe(0);
    const answers = join(root, 'answers.yaml');
    writeFileSync(answers, stringify({ facilitator: 'Łucja Nowak', attendance: ['Łucja Nowak'] }));
    const r = await cli(['meet', '--date', '2026-11-17', '--answers', answers], { cwd: root, env: { CIRCLE_TODAY: '2026-11-17' } });
    expect(r.stderr).toMatch(/a rebase is in progress in this repository, so nothing was written: finish it with `git rebase --continue`/);
    expect(r.stderr).toContain('`circle meet --resume` writes them');
    expect(r.code).toBe(1);
    const minutes = join(circleDir, 'meetings', '2026-11-17.yaml');
    expect(existsSync(minutes)).toBe(false);
    expect(existsSync(join(circleDir, '.draft.yaml'))).toBe(true);
    g('rebase', '--abort');
    const resumed = await cli(['meet', '--resume', '--answers', answers], { cwd: root, env: { CIRCLE_TODAY: '2026-11-17' } });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(existsSync(minutes)).toBe(true);
  });
});

describe('the write lock is not the meeting lock', () => {
  it('`members add` does not wait for a running meeting', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    // A meeting in progress elsewhere: its lock, held by a live process.
    writeFileSync(join(circleDir, '.lock'), JSON.stringify({ pid: 1, host: 'another-laptop', started: '2026-11-10T18:00:00Z' }));
    const r = await cli(['members', 'add', 'Ana Souza', '--yes'], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(members(circleDir)).toContain('Ana Souza');
    expect(existsSync(join(circleDir, '.write-lock'))).toBe(false);
  });

  it('a write lock left by a process that died here is taken over', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(circleDir, '.write-lock'), JSON.stringify({ pid: Number(dead), host: hostname(), started: 'then' }));
    const r = await cli(['members', 'add', 'Ana Souza', '--yes'], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(members(circleDir)).toContain('Ana Souza');
  });
});
