// Issue 17, the meeting's memory and people: what the agenda, meet, stats and the name tags
// make of who was there, who is new, and what is still open.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { git, makeWorkspace, tempDir } from '../helpers.js';
import { circleTree, cli, testdir } from '../harness.js';

const TODAY = { CIRCLE_TODAY: '2026-01-10' };

describe('the agenda', () => {
  it('ends the traditions line with one stop, whatever the last tradition ends with', async () => {
    const tree = circleTree('tiny');
    const circle = tree['circles/tiny/circle.yaml'] as Record<string, unknown>;
    circle.traditions = ['Name tags;', 'Who brings food next time, before leaving?'];
    const root = testdir(tree);
    const r = await cli(['agenda', '--format', 'markdown'], { cwd: root, env: TODAY });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Our traditions: Name tags · Who brings food next time, before leaving?_\n');
    expect(r.stdout).not.toContain('?.');
  });
});

describe('printouts', () => {
  it('go to the circle\'s print/ folder, which git ignores, so `git status` stays clean', async () => {
    const root = testdir(circleTree('tiny', { '.gitignore': '.cache/\n' }));
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'start');
    for (const args of [['agenda', '--format', 'pdf'], ['nametags']]) {
      const r = await cli(args, { cwd: root, env: TODAY });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/Wrote circles\/tiny\/print\/(agenda-2026-01-20|nametags)\.pdf/);
    }
    expect(existsSync(join(root, 'circles/tiny/print/agenda-2026-01-20.pdf'))).toBe(true);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('refuse a print folder that is a link (it may have come through git)', async () => {
    const root = testdir(circleTree('tiny'));
    const elsewhere = tempDir('circle-elsewhere-');
    mkdirSync(join(elsewhere, 'x'));
    symlinkSync(join(elsewhere, 'x'), join(root, 'circles/tiny/print'));
    const r = await cli(['nametags'], { cwd: root, env: TODAY });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('circles/tiny/print is not a folder');
    expect(existsSync(join(elsewhere, 'x', 'nametags.pdf'))).toBe(false);
  });
});

/** The example circle grown to 12 active members, 3 of them new since the last meeting, with its full memory. */
function twelve() {
  const { root, circleDir } = makeWorkspace({ example: true });
  const people = [
    ['Marta Kowalczyk', 'Riverside Tenants\' Association', '2026-06-02'],
    ['Olusegun Adeyemi', 'Northbank Youth Football Club', '2026-06-02'],
    ['Priya Raman', 'Riverside Adult Literacy Project and Evening Classes', '2026-11-01'],
    ['Hannelore Schmidt-Bergmann', 'St Anne\'s Parish Food Cupboard', '2026-11-01'],
    ['Kwame Mensah', 'Riverside Credit Union, Community Lending Team', '2026-11-01'],
  ];
  appendFileSync(join(circleDir, 'members.yaml'), people.map(([name, org, joined]) => `\n  - name: ${name}\n    organization: ${org}\n    joined: ${joined}\n`).join(''));
  return { root, circleDir };
}

const pdfText = (file: string, ...args: string[]) => spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).stdout;
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)![1]);

describe('the agenda handout', () => {
  it('fits two pages, A4 or Letter, for 12 members with 3 newcomers and a full memory; --full has it all', async () => {
    const { root, circleDir } = twelve();
    const env = { CIRCLE_TODAY: '2026-11-01' };
    const json = JSON.parse((await cli(['agenda', '--json'], { cwd: root, env })).stdout);
    expect(json.newcomers).toHaveLength(3);
    expect(json.reflect.commitments).toHaveLength(7);
    const r = await cli(['agenda', '--format', 'pdf'], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    const file = join(circleDir, 'print', 'agenda-2026-11-17.pdf');
    expect(pages(file)).toBeLessThanOrEqual(2);
    // Every word inside a Letter sheet too (612 × 792 pt), the A4 page (595 × 842) centred on it.
    const boxes = [...pdfText(file, '-bbox').matchAll(/yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
    expect(boxes.length).toBeGreaterThan(300);
    expect(Math.min(...boxes.map(([yMin]) => yMin!))).toBeGreaterThanOrEqual(25);
    expect(Math.max(...boxes.map(([, , yMax]) => yMax!))).toBeLessThanOrEqual(842 - 25);
    expect(Math.max(...boxes.map(([, xMax]) => xMax!))).toBeLessThanOrEqual(595);
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const name of ['Priya Raman', 'Hannelore Schmidt-Bergmann', 'Kwame Mensah', 'Юлия Смирнова']) expect(text).toContain(name);
    // The longest lists keep their top items and say how many more there are.
    expect(text).toMatch(/\d+ more still open: `circle questions` lists them all\./);
    expect(text).toMatch(/\d+ more topics?: `circle topics` lists them all\./);

    const full = await cli(['agenda', '--format', 'pdf', '--full', '--out', 'full.pdf'], { cwd: root, env });
    expect(full.code, full.stderr).toBe(0);
    const all = pdfText(join(root, 'full.pdf')).replace(/\s+/g, ' ');
    expect(all).not.toContain('more still open');
    for (const q of json.carried.questions) expect(all).toContain(q.text.replace(/\s+/g, ' '));
    expect(pages(join(root, 'full.pdf'))).toBeGreaterThan(pages(file));
  }, 60_000);
});

/** Run a meeting of the tiny circle from an answers file. */
async function meet(root: string, date: string, answers: object) {
  writeFileSync(join(root, `${date}.yaml`), stringify(answers));
  const r = await cli(['meet', '--date', date, '--answers', `${date}.yaml`], { cwd: root, env: { CIRCLE_TODAY: date } });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

describe('open questions and new issues', () => {
  it('stay on the agenda until a meeting marks them answered or they are let go', async () => {
    const root = testdir(circleTree('tiny', { 'meetings/2025-12-16.yaml': { date: '2025-12-16', number: 1, attendance: { present: ['Ana Souza', 'Ben Okafor'] } } }));
    await meet(root, '2026-01-06', {
      facilitator: 'Ana Souza',
      attendance: ['Ana Souza', 'Ben Okafor'],
      'reflect.Ben Okafor.new_issues': 'Who pays for the checks?',
      'learning.questions': ['How do boards vote?', 'Where do we meet in winter?'],
    });
    // Two meetings on, nobody covered them: still open, with who raised them.
    await meet(root, '2026-01-20', { facilitator: 'Ana Souza', attendance: ['Ana Souza'], 'learning.questions': ['How do boards vote?'] });
    const agenda = (await cli(['agenda', '--format', 'markdown'], { cwd: root, env: { CIRCLE_TODAY: '2026-01-25' } })).stdout;
    expect(agenda).toContain('### New issues still open\n\n- **Ben Okafor:** Who pays for the checks?');
    expect(agenda).toContain('- How do boards vote? (raised 2 times since Tuesday 6 January 2026)');
    expect(agenda).toContain('- Where do we meet in winter?');
    const listed = await cli(['questions'], { cwd: root });
    expect(listed.stdout).toContain('  1. How do boards vote?\n     question, raised 2 times, first on Tuesday 6 January 2026');
    expect(listed.stdout).toContain('Who pays for the checks?\n     new issue, raised once, first on Tuesday 6 January 2026 (Ben Okafor)');

    // Meeting 3 marks one answered (the checkbox offers what is open); one is let go of between meetings.
    await meet(root, '2026-02-03', { facilitator: 'Ana Souza', attendance: ['Ana Souza', 'Ben Okafor'], 'learning.answered': ['who pays for the checks?'] });
    const m3 = parse(readFileSync(join(root, 'circles/tiny/meetings/2026-02-03.yaml'), 'utf8'));
    expect(m3.learning.answered).toEqual(['Who pays for the checks?']);
    const dropped = await cli(['questions', 'drop', 'where do we'], { cwd: root, env: { CIRCLE_TODAY: '2026-02-05' } });
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(readFileSync(join(root, 'circles/tiny/circle.yaml'), 'utf8')).toContain('dropped_questions:\n  - question: Where do we meet in winter?\n    on: 2026-02-05\n');
    const after = (await cli(['agenda', '--format', 'markdown'], { cwd: root, env: { CIRCLE_TODAY: '2026-02-05' } })).stdout;
    expect(after).not.toMatch(/Who pays|Where do we meet/);
    expect(after).toContain('How do boards vote?');
    expect((await cli(['minutes', '2026-02-03', '--format', 'markdown'], { cwd: root })).stdout).toContain('### Answered from earlier meetings\n\n- Who pays for the checks?');
    expect(JSON.parse((await cli(['questions', '--json'], { cwd: root })).stdout).map((q: { text: string }) => q.text)).toEqual(['How do boards vote?']);
  });
});
