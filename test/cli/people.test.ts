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

const minutesOf = (root: string, date: string) => parse(readFileSync(join(root, `circles/tiny/meetings/${date}.yaml`), 'utf8'));
const FIRST = { 'meetings/2026-01-06.yaml': { date: '2026-01-06', number: 1, facilitator: 'Ana Souza', attendance: { present: ['Ana Souza', 'Ben Okafor'], expected: ['Ana Souza', 'Ben Okafor'] }, next: { speaker: 'Dr Nadia Karim (Riverside Clinic)' } } };

describe('people at the meeting', () => {
  it('introduces a member added ahead (joined since the last meeting) like a newcomer, and nobody else unless asked', async () => {
    const root = testdir(circleTree('tiny', FIRST));
    const added = await cli(['members', 'add', 'Cleo Marsh', '--org', 'Youth Club', '--joined', '2026-01-20', '--yes'], { cwd: root, env: TODAY });
    expect(added.code, added.stderr).toBe(0);
    // Her introduction is asked; Ana's and Ben's are not (an answer for them is a step this meeting never asks).
    const base = { attendance: ['Ana Souza', 'Ben Okafor', 'Cleo Marsh'], speaker_here: false };
    writeFileSync(join(root, 'extra.yaml'), stringify({ ...base, 'introductions.Ana Souza.vision': 'More readers' }));
    const extra = await cli(['meet', '--date', '2026-01-20', '--answers', 'extra.yaml'], { cwd: root, env: { CIRCLE_TODAY: '2026-01-20' } });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('no such step in this meeting: introductions.Ana Souza.vision');
    await meet(root, '2026-01-20', { ...base, 'introductions.Cleo Marsh.vision': 'Every teenager has a team', 'introductions.Cleo Marsh.hopes': 'Share coaches' });
    const m = minutesOf(root, '2026-01-20');
    // Her organisation comes from members.yaml, offered to confirm like at a first meeting.
    expect(m.introductions).toEqual([{ member: 'Cleo Marsh', organization: 'Youth Club', vision: 'Every teenager has a team', hopes: 'Share coaches' }]);
    expect(m.attendance.present).toEqual(['Ana Souza', 'Ben Okafor', 'Cleo Marsh']);
    expect(readFileSync(join(root, 'circles/tiny/members.yaml'), 'utf8')).toMatch(/name: Cleo Marsh\n(.*\n)*?\s+vision: Every teenager has a team/);
    // At the meeting after, she is a member like the others: no introduction asked.
    writeFileSync(join(root, 'later.yaml'), stringify({ attendance: ['Cleo Marsh'], 'introductions.Cleo Marsh.vision': 'Again' }));
    const later = await cli(['meet', '--date', '2026-02-03', '--answers', 'later.yaml'], { cwd: root, env: { CIRCLE_TODAY: '2026-02-03' } });
    expect(later.stderr).toContain('no such step in this meeting: introductions.Cleo Marsh.vision');
  });

  it('remembers who facilitated in circle.yaml, members or not, and offers last time\'s first', async () => {
    const root = testdir(circleTree('tiny', FIRST));
    await meet(root, '2026-01-20', { facilitator: 'Rosa Díaz', attendance: ['Ana Souza'] });
    const circle = () => parse(readFileSync(join(root, 'circles/tiny/circle.yaml'), 'utf8'));
    expect(circle().facilitators).toEqual(['Rosa Díaz']);
    expect((await cli(['check'], { cwd: root })).code).toBe(0);
    // Not a member, yet offered: Enter (no answer) takes last time's facilitator.
    await meet(root, '2026-02-03', { attendance: ['Ana Souza'] });
    expect(minutesOf(root, '2026-02-03').facilitator).toBe('Rosa Díaz');
    await meet(root, '2026-02-17', { facilitator: 'ben', attendance: ['Ana Souza'] });
    expect(minutesOf(root, '2026-02-17').facilitator).toBe('Ben Okafor');
    expect(circle().facilitators).toEqual(['Rosa Díaz', 'Ben Okafor']); // each once
    // A facilitator circle.yaml could not hold is a problem `check` names.
    writeFileSync(join(root, 'circles/tiny/circle.yaml'), readFileSync(join(root, 'circles/tiny/circle.yaml'), 'utf8').replace('  - Ben Okafor', '  - [Ben]'));
    const bad = await cli(['check'], { cwd: root });
    expect(bad.code).toBe(65);
    expect(bad.stderr).toMatch(/circle\.yaml:\d+:\d+: facilitators.*expected text/);
  });

  it('offers the expected speaker as a guest; a guest\'s organisation goes on their name tag; a member ticked and typed as a guest is refused', async () => {
    const root = testdir(circleTree('tiny', FIRST));
    const twice = { attendance: ['Ana Souza'], guests: ['Ana Souza (Library)'] };
    writeFileSync(join(root, 'twice.yaml'), stringify(twice));
    const refused = await cli(['meet', '--date', '2026-01-20', '--answers', 'twice.yaml'], { cwd: root, env: { CIRCLE_TODAY: '2026-01-20' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('guests: Ana Souza (Library) is ticked as here: a member is not a guest too');
    // Enter at "is the speaker here?" makes them a guest, before those typed.
    await meet(root, '2026-01-20', { attendance: ['Ana Souza'], guests: ['Pat Lee (Eastside Library)'], 'next.speaker': 'Dr Nadia Karim (Riverside Clinic)' });
    expect(minutesOf(root, '2026-01-20').attendance.guests).toEqual(['Dr Nadia Karim (Riverside Clinic)', 'Pat Lee (Eastside Library)']);
    const tags = await cli(['nametags', '--format', 'html', '--guest', 'Pat Lee (Eastside Library)', '--guest', 'Sam Roe'], { cwd: root });
    expect(tags.stdout).toContain('>Pat</div><div class="org">Guest · Eastside Library</div>');
    expect(tags.stdout).toContain('>Sam</div><div class="org">Guest</div>');
    // Not here: the speaker is left out.
    await meet(root, '2026-02-03', { attendance: ['Ana Souza'], speaker_here: false });
    expect(minutesOf(root, '2026-02-03').attendance.guests).toEqual([]);
  });
});
