// Issue 17's circle of four meetings, run by a facilitator and a co-facilitator in two
// clones shared through `circle sync`: attendance as it was at each meeting (a member
// added in one clone while the other ran a meeting was never expected there), an open
// question carried until the group marks it answered, one answer kept in confidence
// while the rest of that person's answers are on the agenda, and the facilitators
// circle.yaml remembers merged from both sides.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { git, tempDir } from '../helpers.js';
import { cli } from '../harness.js';
import { circleDir } from './sync-fixture.js';

const on = (date: string) => ({ CIRCLE_TODAY: date });

async function run(cwd: string, date: string, ...argv: string[]) {
  const r = await cli(argv, { cwd, env: on(date) });
  expect(r.code, `circle ${argv.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
  return r;
}

async function meet(clone: string, date: string, answers: object) {
  const file = join(clone, '..', `answers-${date}.yaml`);
  writeFileSync(file, stringify(answers));
  return run(clone, date, 'meet', '--date', date, '--answers', file);
}

const minutes = (clone: string, date: string) => parse(readFileSync(join(circleDir(clone), 'meetings', `${date}.yaml`), 'utf8'));
const json = async (clone: string, date: string, ...argv: string[]) => JSON.parse((await run(clone, date, ...argv, '--json')).stdout);

describe('a circle of four meetings with a co-facilitator in another clone', { timeout: 180_000 }, () => {
  it('keeps attendance as it was, carries an open question until it is answered, keeps one confided answer off the agenda, and merges who facilitates', async () => {
    const top = tempDir('circle-cofac-');
    git(top, 'init', '--quiet', '--bare', '--initial-branch=main', 'remote.git');
    const a = join(top, 'a');
    mkdirSync(a);
    git(a, 'init', '--quiet', '--initial-branch=main');
    await run(a, '2026-10-01', 'init', 'Eastside Youth Workers', '--yes');
    await run(a, '2026-10-01', 'members', 'add', 'Ana Souza', '--org', 'Eastside Library', '--yes');
    await run(a, '2026-10-01', 'members', 'add', 'Ben Okoro', '--org', 'Northside Youth Centre', '--yes');

    // Meeting 1, in clone a: the first, facilitated by Ana.
    await meet(a, '2026-10-06', { facilitator: 'Ana Souza', attendance: ['Ana Souza', 'Ben Okoro'] });
    git(a, 'remote', 'add', 'origin', '../remote.git');
    await run(a, '2026-10-06', 'sync');
    git(top, 'clone', '--quiet', 'remote.git', 'b');
    const b = join(top, 'b');

    // Meeting 2, in clone b, facilitated by the co-facilitator (not a member). Meanwhile in
    // clone a, Dana is added and Eve is written down as a facilitator too.
    await run(a, '2026-10-20', 'members', 'add', 'Dana Lee', '--org', 'Westside Arts', '--yes');
    const circleYaml = join(circleDir(a), 'circle.yaml');
    writeFileSync(circleYaml, readFileSync(circleYaml, 'utf8').replace('facilitators:\n  - Ana Souza\n', 'facilitators:\n  - Ana Souza\n  - Eve Moss\n'));
    git(a, 'commit', '--quiet', '-am', 'Eve co-facilitates too');
    await run(a, '2026-10-20', 'sync');
    await meet(b, '2026-10-20', {
      facilitator: 'Cleo Park',
      attendance: ['Ana Souza', 'Ben Okoro'],
      reflect: {
        'Ana Souza': { tried: 'Opened on Saturdays', new_issues: 'Our treasurer may step down', in_confidence: ['new_issues'] },
        'Ben Okoro': { new_issues: 'Who pays for the checks?' },
      },
      'learning.questions': ['How do we recruit volunteers?'],
      next: { 'Ana Souza': { will_practice: 'Ask the council for a room' }, 'Ben Okoro': { will_practice: 'Draft a volunteer rota' } },
    });
    await run(b, '2026-10-20', 'sync');
    await run(a, '2026-10-20', 'sync');

    // Dana was never expected at meeting 2: not absent there, a newcomer at meeting 3, nobody to catch up.
    expect(minutes(a, '2026-10-20').attendance).toMatchObject({ present: ['Ana Souza', 'Ben Okoro'], absent: [], expected: ['Ana Souza', 'Ben Okoro'] });
    const agenda3 = await json(a, '2026-10-25', 'agenda', '--full');
    expect(agenda3.number).toBe(3);
    expect(agenda3.newcomers.map((n: { name: string }) => n.name)).toEqual(['Dana Lee']);
    expect(agenda3.reflect.missedLast).toEqual([]);
    // Ana's confided answer is not on it; her commitment and Ben's issue are.
    const text3 = (await run(a, '2026-10-25', 'agenda', '--format', 'text', '--full')).stdout;
    expect(text3).not.toContain('treasurer');
    for (const shared of ['Ask the council for a room', 'Draft a volunteer rota', 'Who pays for the checks?']) expect(text3).toContain(shared);

    // Meeting 3, in clone a: Ben is away; Dana, new since meeting 2, is introduced; the question is offered and not answered.
    await meet(a, '2026-11-03', {
      facilitator: 'Ana Souza',
      attendance: ['Ana Souza', 'Dana Lee'],
      'absent.Ben Okoro.apology': 'At a tournament',
      'introductions.Dana Lee.vision': 'Every teenager has a mentor',
      'reflect.Ana Souza.tried': 'The council said yes',
    });
    expect(minutes(a, '2026-11-03').introductions).toEqual([{ member: 'Dana Lee', organization: 'Westside Arts', vision: 'Every teenager has a mentor' }]);
    await run(a, '2026-11-03', 'sync');
    await run(b, '2026-11-03', 'sync');

    // Before meeting 4: the issue and the question are still open; Ben's commitment is open (away), Ana's was reported on.
    const agenda4 = await json(b, '2026-11-10', 'agenda', '--full');
    expect(agenda4.reflect.issues).toEqual([{ text: 'Who pays for the checks?', by: ['Ben Okoro'], count: 1, since: '2026-10-20' }]);
    expect(agenda4.carried.questions.map((q: { text: string }) => q.text)).toEqual(['How do we recruit volunteers?']);
    expect(agenda4.reflect.commitments.map((c: { member: string }) => c.member)).toEqual(['Ben Okoro']);
    const stats4 = await json(b, '2026-11-10', 'stats');
    expect(stats4.commitments.open).toBe(agenda4.reflect.commitments.length);
    const text4 = (await run(b, '2026-11-10', 'agenda', '--format', 'text', '--full')).stdout;
    expect(text4).not.toContain('treasurer');

    // Meeting 4, in clone b, the co-facilitator again: everyone is here, the question is answered.
    await meet(b, '2026-11-17', { facilitator: 'Cleo Park', attendance: ['Ana Souza', 'Ben Okoro', 'Dana Lee'], 'learning.answered': ['Who pays for the checks?'] });
    await run(b, '2026-11-17', 'sync');
    await run(a, '2026-11-17', 'sync');

    expect(git(a, 'rev-parse', 'HEAD')).toBe(git(b, 'rev-parse', 'HEAD'));
    for (const clone of [a, b]) {
      const history = await json(clone, '2026-11-20', 'history');
      expect(history.map((m: { present: number; members: number }) => `${m.present}/${m.members}`)).toEqual(['2/2', '2/2', '2/3', '3/3']);
      const agenda5 = await json(clone, '2026-11-20', 'agenda', '--full');
      // Answered at meeting 4: gone; the question nobody answered stays.
      expect(agenda5.reflect.issues).toEqual([]);
      expect(agenda5.carried.questions.map((q: { text: string }) => q.text)).toEqual(['How do we recruit volunteers?']);
      // The facilitator's own list (`circle questions`) has the confided issue too; the agenda never does.
      expect((await json(clone, '2026-11-20', 'questions')).map((q: { text: string }) => q.text)).toEqual(['Our treasurer may step down', 'How do we recruit volunteers?']);
      const stats = await json(clone, '2026-11-20', 'stats');
      expect(stats.commitments.open).toBe(agenda5.reflect.commitments.length);
      expect(JSON.stringify(agenda5)).not.toContain('treasurer');
      // Both sides' facilitators, each once: offered first at the next meeting.
      expect(parse(readFileSync(join(circleDir(clone), 'circle.yaml'), 'utf8')).facilitators.sort()).toEqual(['Ana Souza', 'Cleo Park', 'Eve Moss']);
      expect((await cli(['check'], { cwd: clone })).code).toBe(0);
    }
  });
});
