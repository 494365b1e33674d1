import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answerText } from '../../src/core/prompts.js';
import { buildRecap } from '../../src/core/mail.js';
import { loadLastMeeting } from '../../src/store/circle.js';
import type { Draft } from '../../src/core/meet/index.js';
import { saveDraft } from '../../src/store/draft.js';
import { exampleSlug, git, makeWorkspace, tempDir } from '../helpers.js';
import { cli } from '../harness.js';
import { ANSWERS } from './meet-answers.js';

const DATE = '2026-11-17';
const env = { CIRCLE_TODAY: DATE };

function withAnswers(answers: object = ANSWERS): { root: string; dir: string; file: string } {
  const { root, circleDir } = makeWorkspace({ example: true });
  const file = join(root, 'answers.yaml');
  writeFileSync(file, stringify(answers));
  return { root, dir: circleDir, file };
}

const minutesPath = (dir: string) => join(dir, 'meetings', `${DATE}.yaml`);

/** A meeting interrupted after these answers, as `meet` leaves it on disk. */
function savedDraft(dir: string, answers: Draft['answers']): Promise<void> {
  const at = Object.fromEntries(Object.keys(answers).map((id) => [id, '2026-11-17T18:01:00.000Z']));
  return saveDraft(dir, { date: DATE, started: '2026-11-17T18:00:00.000Z', answers, at });
}

describe('circle meet --answers', () => {
  it('writes minutes that check accepts and that the next meeting builds on', async () => {
    const { root, dir, file } = withAnswers();
    const r = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`minutes written to circles/${exampleSlug}/meetings/${DATE}.yaml`);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, '.draft.yaml'))).toBe(false);
    expect(existsSync(join(dir, '.lock'))).toBe(false);

    const check = await cli(['check'], { cwd: root });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain('7 meetings');

    // What the next agenda is built from: the newest meeting's choices and commitments.
    const last = (await loadLastMeeting(dir))!.data;
    expect(last.date).toBe(DATE);
    expect(last.next).toMatchObject({ topic: 'Sharing vans between organisations', speaker: 'José Álvarez', date: '2026-12-15' });
    expect(last.reflect.requests.map((q) => q.topic)).toEqual(['Sharing vans between organisations', 'Recruiting board members']);
    expect(last.reflect.members[0]).toMatchObject({ member: 'José Álvarez', tried: "Met the Seniors' Network about a transport rota" });
    expect(answerText(last.next.members.find((m) => m.member === 'Ana Souza')!, 'will_practice')).toBe('Visit the food bank.');

    const members = readFileSync(join(dir, 'members.yaml'), 'utf8');
    expect(members).toContain('  - name: Ana Souza\n    tag: Ana\n    organization: Eastside Library\n');
    expect(members).toContain('# Grace moved to Halifax'); // the hand-written comments stay

    // And the next agenda is built from these minutes.
    const agenda = await cli(['agenda', '--json'], { cwd: root, env: { CIRCLE_TODAY: '2026-11-20' } });
    expect(agenda.code, agenda.stderr).toBe(0);
    const text = agenda.stdout;
    expect(text).toContain('2026-12-15');
    expect(text).toContain('Sharing vans between organisations');
    expect(text).toContain('Visit the food bank.');
  });

  it('reports unknown step ids and bad values, and writes nothing', async () => {
    const { root, dir, file } = withAnswers({ ...ANSWERS, 'reflect.Nobody.tried': 'x', 'learning.sumary': 'typo' });
    const r = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such step in this meeting: reflect.Nobody.tried, learning.sumary');
    expect(existsSync(minutesPath(dir))).toBe(false);
    expect(existsSync(join(dir, '.draft.yaml'))).toBe(false);

    const bad = withAnswers({ ...ANSWERS, 'next.date': 'next Tuesday', 'learning.format': 'lecture' });
    const r2 = await cli(['meet', '--answers', bad.file], { cwd: bad.root, env });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/answers\.yaml: learning\.format: expected one of: speaker, dialogue/);
    expect(existsSync(minutesPath(bad.dir))).toBe(false);
  });

  it('says so when the meeting is dated ahead of today', async () => {
    const { root, file } = withAnswers();
    const r = await cli(['meet', '--date', '2026-12-01', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Tuesday 1 December 2026 is ahead of today: these minutes will be dated then');
  });

  it('refuses a newcomer name members.yaml could not hold (a line break, a tab) before anything is saved', async () => {
    const { root, dir, file } = withAnswers({ ...ANSWERS, newcomers: ['Ana\nSouza', 'Ben\tOkoro'] });
    const r = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('newcomers: "Ana\\nSouza": a name must be one line');
    expect(existsSync(join(dir, '.draft.yaml'))).toBe(false);
    expect(existsSync(minutesPath(dir))).toBe(false);
  });

  it('finishes an interrupted meeting with --resume, and refuses to start over it without', async () => {
    const { root, dir, file } = withAnswers({ 'reflect.Amara Okafor.tried': 'Kept Fridays', notes: 'Food: Amara' });
    await savedDraft(dir, { facilitator: 'Amara Okafor', attendance: ['Amara Okafor'], guests: [] });

    const refused = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/a meeting of 2026-11-17 was interrupted \(3 answers kept.*\n.*--resume/);

    const r = await cli(['meet', '--resume', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(minutesPath(dir), 'utf8');
    expect(text).toContain('facilitator: Amara Okafor');
    expect(text).toContain('tried: Kept Fridays');
    expect(text).toContain('notes: "Food: Amara"');
  });
});

describe('a long answer', () => {
  it('is kept as a block of lines and printed as paragraphs in every format', async () => {
    const { root, dir, file } = withAnswers({
      attendance: ['Łucja Nowak'],
      'learning.notes': 'Burnout shows early.\nRotas help.\n\nSo does rest.',
      'next.notes': 'Amara brings food.\nBook the hall.',
    });
    const r = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(minutesPath(dir), 'utf8');
    expect(text).toContain('  notes: |-\n    Burnout shows early.\n    Rotas help.\n\n    So does rest.\n');
    const md = (await cli(['minutes', DATE, '--format', 'markdown'], { cwd: root, env })).stdout;
    expect(md).toContain('Burnout shows early.\n\nRotas help.\n\nSo does rest.\n');
    expect(md).toMatch(/Noted for next time:\*\* Amara brings food\.\n\nBook the hall\.\n/);
    const html = (await cli(['minutes', DATE, '--format', 'html'], { cwd: root, env })).stdout;
    expect(html).toMatch(/<p>Burnout shows early\.<\/p>\s*<p>Rotas help\.<\/p>\s*<p>So does rest\.<\/p>/);
    const plain = (await cli(['minutes', DATE, '--format', 'text'], { cwd: root, env })).stdout;
    expect(plain).toMatch(/Burnout shows early\.\n\s*\n\s*Rotas help\./);
    // In the PDF too: each line its own paragraph (run together, they would share a line).
    const pdf = await cli(['minutes', DATE, '--format', 'pdf', '--out', 'minutes.pdf'], { cwd: root, env });
    expect(pdf.code, pdf.stderr).toBe(0);
    const printed = spawnSync('pdftotext', [join(root, 'minutes.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(printed).toMatch(/^Burnout shows early\.\nRotas help\.\n\n?So does rest\.$/m);
    expect(printed).toMatch(/Amara brings food\.\n\n?Book the hall\./);
  });
});

describe('an answer kept in confidence', () => {
  it('keeps that answer and a request raised in it off the agenda, and the rest of the reflection on it; old minutes kept whole in confidence still are', async () => {
    const { root, dir, file } = withAnswers({
      attendance: ['José Álvarez', 'Łucja Nowak'],
      reflect: {
        'Łucja Nowak': {
          tried: 'Set up a driver rota ++ Volunteer rotas',
          new_issues: 'Our treasurer may step down ++ Succession planning',
          in_confidence: ['new_issues'],
        },
        'José Álvarez': { new_issues: 'The vans need insurance' },
      },
      next: { 'Łucja Nowak': { will_practice: 'Talk to the treasurer', wants_to_learn: 'Board roles', in_confidence: ['will_practice'] } },
    });
    const r = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(minutesPath(dir), 'utf8');
    expect(text).toContain('    - member: Łucja Nowak\n      commitment: Name the library');
    expect(text).toMatch(/      tried: Set up a driver rota\n      new_issues: Our treasurer may step down\n      in_confidence:\n        - new_issues\n/);
    expect(text).toContain('    - topic: Volunteer rotas\n      by: Łucja Nowak\n    - topic: Succession planning\n      by: Łucja Nowak\n      private: true\n');
    expect(text).toMatch(/      will_practice: Talk to the treasurer\n      wants_to_learn: Board roles\n      in_confidence:\n        - will_practice\n/);

    // The facilitator's minutes mark the one answer; the agenda handed round leaves it (and its request) out.
    const minutes = await cli(['minutes', DATE], { cwd: root, env });
    expect(minutes.stdout).toMatch(/New issues \(in confidence\)\W+Our treasurer may step down/);
    // --full: the handout lists only the most asked-for topics.
    const agenda = await cli(['agenda', '--format', 'text', '--full'], { cwd: root, env: { CIRCLE_TODAY: '2026-11-20' } });
    expect(agenda.code, agenda.stderr).toBe(0);
    for (const shared of ['The vans need insurance', 'Volunteer rotas', 'Board roles']) expect(agenda.stdout).toContain(shared);
    for (const kept of ['treasurer', 'Succession planning']) expect(agenda.stdout).not.toContain(kept);

    // The recap mailed to members leaves the commitment kept in confidence out.
    const recap = buildRecap('Riverside', (await loadLastMeeting(dir))!.data);
    expect(recap.commitments.map((c) => c.member)).not.toContain('Łucja Nowak');

    // A reflection kept whole in confidence (as older minutes have it) still keeps all of it off the agenda.
    const whole = text.replace('      in_confidence:\n        - new_issues\n', '      private: true\n');
    writeFileSync(minutesPath(dir), whole);
    const again = await cli(['agenda', '--format', 'text', '--full'], { cwd: root, env: { CIRCLE_TODAY: '2026-11-20' } });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('The vans need insurance');
    for (const kept of ['treasurer', 'driver rota']) expect(again.stdout).not.toContain(kept);
  });

  it('refuses an answers file that marks a question the section does not have', async () => {
    const { root, file } = withAnswers({ attendance: ['Łucja Nowak'], reflect: { 'Łucja Nowak': { in_confidence: ['secrets'] } } });
    const r = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('reflect.Łucja Nowak.in_confidence: "secrets" is not one of: tried, surprised');
  });
});

describe('circle meet and members.yaml', () => {
  it('keeps the answers of someone removed from the circle while the meeting was interrupted', async () => {
    const { root, dir, file } = withAnswers({});
    await savedDraft(dir, {
      facilitator: 'Amara Okafor',
      attendance: ['José Álvarez', 'Amara Okafor'],
      guests: [],
      newcomers: [],
      'introductions.others': false,
      'reflect.José Álvarez.tried': 'Drew up a winter rota ++ Sharing vans',
      'reflect.José Álvarez.surprised': 'Three drivers said yes',
    });
    expect((await cli(['members', 'remove', 'José', '--yes'], { cwd: root })).code).toBe(0);

    const r = await cli(['meet', '--resume', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    const minutes = parse(readFileSync(minutesPath(dir), 'utf8'));
    expect(minutes.attendance.present).toEqual(['José Álvarez', 'Amara Okafor']);
    expect(minutes.reflect.members[0]).toMatchObject({ member: 'José Álvarez', tried: 'Drew up a winter rota', surprised: 'Three drivers said yes' });
    expect(minutes.reflect.requests).toContainEqual({ topic: 'Sharing vans', by: 'José Álvarez' });
    // Present at the newest meeting, so an active member again; the summary says so.
    expect(r.stderr).toMatch(/back\s+José Álvarez \(active again in members\.yaml\)/);
  });

  it('resumes after members.yaml already took a newcomer in: present once, not absent, and members.yaml committed', async () => {
    const { root, dir, file } = withAnswers({});
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', 'circles');
    git(root, 'commit', '-q', '-m', 'history');
    await savedDraft(dir, { facilitator: 'Amara Okafor', attendance: ['Amara Okafor'], guests: [], newcomers: ['Zoe New'], 'introductions.Zoe New.organization': 'Eastside Arts' });
    // The run that stopped had already added Zoe to members.yaml (not committed).
    const members = join(dir, 'members.yaml');
    writeFileSync(members, `${readFileSync(members, 'utf8')}  - name: Zoe New\n    tag: Zoe\n    organization: Eastside Arts\n    joined: ${DATE}\n    active: true\n`);

    const r = await cli(['meet', '--resume', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    const minutes = parse(readFileSync(minutesPath(dir), 'utf8'));
    expect(minutes.attendance.present).toEqual(['Amara Okafor', 'Zoe New']);
    expect(minutes.attendance.absent.map((a: { member: string }) => a.member)).not.toContain('Zoe New');
    expect(readFileSync(members, 'utf8').match(/name: Zoe New/g)).toHaveLength(1);
    expect(git(root, 'status', '--porcelain', '--', 'circles')).toBe('');
  });

  it('resumes a draft saved with the older step ids (intro.…): its answers are kept, not asked again', async () => {
    const { root, dir, file } = withAnswers({});
    await savedDraft(dir, { facilitator: 'Amara Okafor', attendance: ['Amara Okafor'], guests: [], newcomers: ['Zoe New'], 'intro.Zoe New.organization': 'Eastside Arts', 'intro.others': false });
    const r = await cli(['meet', '--resume', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'members.yaml'), 'utf8')).toContain('  - name: Zoe New\n    tag: Zoe\n    organization: Eastside Arts\n');
  });

  it('records a former member who comes back and marks them active again, keeping the comments', async () => {
    const { root, dir, file } = withAnswers({ attendance: ['Amara Okafor', 'Grace'], 'reflect.Grace Whitfield.tried': 'Moved back from Halifax' });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', 'circles');
    git(root, 'commit', '-q', '-m', 'history');
    const r = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/back\s+Grace Whitfield \(active again in members\.yaml\)/);

    const minutes = parse(readFileSync(minutesPath(dir), 'utf8'));
    expect(minutes.attendance.present).toEqual(['Amara Okafor', 'Grace Whitfield']);
    expect(minutes.reflect.members[1]).toMatchObject({ member: 'Grace Whitfield', tried: 'Moved back from Halifax' });
    const members = readFileSync(join(dir, 'members.yaml'), 'utf8');
    expect(members).toContain('a real conversation.\n    active: true\n');
    expect(members).not.toContain('active: false');
    expect(members).toContain('# Grace moved to Halifax');
    expect(git(root, 'diff', 'HEAD~1', '--stat', '--', `circles/${exampleSlug}/members.yaml`)).toContain('2 +-'); // one line changed
    const list = await cli(['members', 'list'], { cwd: root });
    expect(list.stdout).toContain('Grace Whitfield');
  });
});

describe('circle meet refuses', () => {
  it('an answers file that is missing or is a folder, with exit 2 and the name given', async () => {
    const { root } = makeWorkspace({ example: true });
    const missing = await cli(['meet', '--answers', 'nope.yaml'], { cwd: root, env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('--answers nope.yaml: no such file or folder.\n');
    mkdirSync(join(root, 'answers'));
    const folder = await cli(['meet', '--answers', 'answers'], { cwd: root, env });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('--answers answers: that is a folder, not a YAML file.\n');
  });

  it('without a terminal and without --answers (exit 2), mentioning a draft in progress', async () => {
    const { root, circleDir: dir } = makeWorkspace({ example: true });
    const r = await cli(['meet'], { cwd: root, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/asks its questions on a terminal.*\n.*--answers answers\.yaml/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    await savedDraft(dir, {});
    const again = await cli(['meet'], { cwd: root, env });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('A meeting of 2026-11-17 is in progress');
  });

  it('a meeting date that already has minutes, leaving them untouched', async () => {
    const { root, dir, file } = withAnswers();
    const path = join(dir, 'meetings', '2026-10-20.yaml');
    const before = readFileSync(path, 'utf8');
    const r = await cli(['meet', '--date', '2026-10-20', '--answers', file], { cwd: root, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`circles/${exampleSlug}/meetings/2026-10-20.yaml already exists. Minutes are never overwritten`);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(existsSync(join(dir, '.lock'))).toBe(false);
  });

  it('while another meeting holds the lock; a lock left by a dead process is taken over', async () => {
    const { root, dir, file } = withAnswers();
    const lock = join(dir, '.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-11-17T18:00:00.000Z' }));
    const r = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`a meeting is already running on this circle (process ${process.pid} on ${hostname()}, since Tuesday 17 November 2026, 18:00)`);
    expect(existsSync(minutesPath(dir))).toBe(false);
    expect(readFileSync(lock, 'utf8')).toContain(String(process.pid)); // not stolen

    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(lock, JSON.stringify({ pid: dead, host: hostname(), started: '2026-11-17T17:00:00.000Z' }));
    const taken = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(taken.code, taken.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('a bad --date with exit 2', async () => {
    const r = await cli(['meet', '--date', '17/11/2026', '--answers', 'x.yaml'], { cwd: makeWorkspace({ example: true }).root, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date 17/11/2026: use YYYY-MM-DD');
  });
});

describe('circle meet and git', () => {
  function repo(answers: object = ANSWERS) {
    const ws = withAnswers(answers);
    git(ws.root, 'init', '-q', '-b', 'main');
    git(ws.root, 'add', 'circles');
    git(ws.root, 'commit', '-q', '-m', 'history');
    // Something else staged by the facilitator must not ride along.
    writeFileSync(join(ws.root, 'other.txt'), 'not mine\n');
    git(ws.root, 'add', 'other.txt');
    return ws;
  }

  it('commits only the files it wrote, with a clear message', async () => {
    const { root, file } = repo();
    const r = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(git(root, 'log', '-1', '--format=%s')).toBe('minutes: Riverside Community Leaders Circle 2026-11-17\n');
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
      `circles/${exampleSlug}/circle.yaml`, // the facilitator, remembered
      `circles/${exampleSlug}/meetings/${DATE}.yaml`,
      `circles/${exampleSlug}/members.yaml`,
    ]);
    expect(git(root, 'diff', '--cached', '--name-only').trim()).toBe('other.txt');
  });

  it('does not commit when circle.yaml says git.commit: false', async () => {
    const { root, dir, file } = repo({ attendance: ['Amara Okafor'], 'next.topic': 'Keeping volunteers' });
    const yaml = join(dir, 'circle.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('commit: true', 'commit: false'));
    const r = await cli(['meet', '--answers', file], { cwd: root, env });
    expect(r.code, r.stderr).toBe(0);
    expect(git(root, 'log', '--format=%s')).toBe('history\n');
    expect(git(root, 'status', '--porcelain', '--', `circles/${exampleSlug}/meetings`)).toContain(`?? circles/${exampleSlug}/meetings/${DATE}.yaml`);
  });

  it('reports a commit that fails for want of a git identity, and keeps the minutes', async () => {
    const { root, dir, file } = repo();
    const r = await cli(['meet', '--answers', file], {
      cwd: root,
      env: {
        ...env,
        HOME: tempDir('circle-home-'),
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: undefined,
        GIT_AUTHOR_EMAIL: undefined,
        GIT_COMMITTER_NAME: undefined,
        GIT_COMMITTER_EMAIL: undefined,
        EMAIL: undefined,
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the minutes are written, but git could not commit them');
    expect(r.stderr).toMatch(/Please tell me who you are|unable to auto-detect email|empty ident/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(minutesPath(dir))).toBe(true);
    expect(git(root, 'log', '--format=%s')).toBe('history\n');
  });
});
