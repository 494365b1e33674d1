// The circle remembers what the group asked for until it is done: a commitment of a member
// who was away, a topic asked for at the first meeting and never chosen, a back-dated
// meeting numbered by its place in time, names found without their accents.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { newDraft, pendingStep, steps, type MeetingPlan } from '../../src/core/meet/index.js';
import { listMeetingDates, loadCircle, loadMeeting } from '../../src/store/circle.js';
import { memoryBefore } from '../../src/store/memory.js';
import { circleTree, cli, testdir } from '../harness.js';

const FIRST = {
  date: '2026-01-06',
  number: 1,
  attendance: { present: ['Ana Souza', 'Ben Okafor', 'Cleo Marsh'] },
  reflect: { requests: [{ topic: 'Grant writing', by: 'Ana Souza' }, { topic: 'Board roles', by: 'Ben Okafor' }] },
  next: { members: [{ member: 'Cleo Marsh', will_practice: 'Call the food bank' }], topic: 'Board roles', date: '2026-01-20' },
};

function circle() {
  const tree = circleTree('tiny', { 'meetings/2026-01-06.yaml': FIRST });
  const members = tree['circles/tiny/members.yaml'] as { members: object[] };
  members.members.push({ name: 'Cleo Marsh', tag: 'Cleo', joined: '2026-01-06' }, { name: 'Zoë Müller', tag: 'Zoë', joined: '2026-01-06' });
  const root = testdir(tree);
  return { root, dir: join(root, 'circles', 'tiny') };
}

async function meet(root: string, date: string, answers: object) {
  writeFileSync(join(root, `${date}.yaml`), stringify(answers));
  const r = await cli(['meet', '--date', date, '--answers', `${date}.yaml`], { cwd: root, env: { CIRCLE_TODAY: date } });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** The plan `meet` would make for a meeting on `date`, from the files. */
async function planFor(dir: string, date: string): Promise<MeetingPlan> {
  const files = await loadCircle(dir, 'tiny');
  const dates = (await listMeetingDates(dir)).filter((d) => d < date);
  const { memory } = await memoryBefore(dir, files.circle.data, date);
  return { circle: files.circle.data, members: files.members.data.members, last: (await loadMeeting(dir, dates.at(-1)!)).data, date, number: dates.length + 1, memory };
}

describe('the circle\'s memory over four meetings', () => {
  it('carries an absent member\'s commitment and the unchosen topics; a chosen or dropped topic leaves', async () => {
    const { root, dir } = circle();
    // Meeting 2: Cleo is away (with an apology); the topic chosen at meeting 1 is learned.
    await meet(root, '2026-01-20', {
      attendance: ['Ana Souza', 'Ben Okafor', 'Zoë Müller'],
      'absent.Cleo Marsh.apology': 'Down with flu',
      'reflect.Ana Souza.tried': 'Asked two funders ++ Fundraising galas',
      'next.topic': 'Volunteer care',
      'next.notes': 'Cleo brings food',
    });
    expect((await cli(['minutes', '2026-01-20', '--format', 'markdown'], { cwd: root })).stdout).toContain('**Noted for next time:** Cleo brings food');
    const m2 = parse(readFileSync(join(dir, 'meetings', '2026-01-20.yaml'), 'utf8'));
    expect(m2.attendance.absent).toEqual([{ member: 'Cleo Marsh', apology: 'Down with flu' }]);
    expect(m2.learning.topic).toBe('Board roles');

    // The agenda of meeting 3 names Cleo's commitment from meeting 1, away last time.
    const agenda = JSON.parse((await cli(['agenda', '--json'], { cwd: root, env: { CIRCLE_TODAY: '2026-01-25' } })).stdout);
    expect(agenda.number).toBe(3);
    expect(agenda.reflect.commitments).toContainEqual({ member: 'Cleo Marsh', commitment: 'Call the food bank', from: '2026-01-06', away: true });
    expect(agenda.learning.backlog.map((t: { topic: string }) => t.topic)).toEqual(['Grant writing', 'Fundraising galas']);
    const md = (await cli(['agenda'], { cwd: root, env: { CIRCLE_TODAY: '2026-01-25' } })).stdout;
    expect(md).toContain('Call the food bank (since Tuesday 6 January 2026, away last time)');
    expect(md).toContain('### Noted for today at the last meeting\n\nCleo brings food');
    expect(md).toMatch(/## Ground rules · 18:00\n\n_Read aloud at the start, especially when someone new has joined._/);

    // At meeting 3, Cleo's Reflect turn shows it, and her minutes record it as what she came in with.
    const p3 = await planFor(dir, '2026-02-03');
    let d = newDraft('2026-02-03', '2026-02-03T18:00:00Z');
    d = { ...d, answers: { facilitator: 'Ana Souza', attendance: ['Ana Souza', 'Cleo Marsh'] } };
    expect(steps(p3, d).find((s) => s.id === 'reflect.Cleo Marsh.tried')!.note).toBe('Since Tuesday 6 January 2026, Cleo Marsh has meant to: Call the food bank');
    await meet(root, '2026-02-03', { facilitator: 'ana', attendance: ['Ana Souza', 'Cleo Marsh'], 'reflect.Cleo Marsh.tried': 'Called them; they have a van' });
    const m3 = parse(readFileSync(join(dir, 'meetings', '2026-02-03.yaml'), 'utf8'));
    expect(m3.facilitator).toBe('Ana Souza'); // picked from the members by her first name
    expect(m3.reflect.members.find((r: { member: string }) => r.member === 'Cleo Marsh')).toMatchObject({ commitment: 'Call the food bank', tried: 'Called them; they have a van' });

    // The galas are let go of between meetings, named by the start of the topic. (Today is
    // set before the meeting that asked for them: minutes typed ahead still count.)
    const dropped = await cli(['topics', 'drop', 'fundraising'], { cwd: root, env: { CIRCLE_TODAY: '2026-01-10' } });
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stderr).toContain('Let go of "Fundraising galas" (asked once)');

    // Meeting 4: the topic picker offers what meeting 1 asked for and nobody chose, not what was learned or dropped.
    const p4 = await planFor(dir, '2026-02-17');
    const draft = { ...newDraft('2026-02-17', '2026-02-17T18:00:00Z'), answers: {} };
    const topic = steps(p4, draft).find((s) => s.id === 'next.topic')!;
    const offered = topic.choices!.map((c) => c.value);
    expect(offered).toContain('Grant writing');
    expect(offered).not.toContain('Board roles'); // learned at meeting 2
    expect(offered).not.toContain('Volunteer care'); // learned at meeting 3
    expect(offered).not.toContain('Fundraising galas'); // dropped
    expect(pendingStep(steps(p4, draft), draft)!.id).toBe('facilitator');
    expect(steps(p4, draft)[0]!.default).toBe('Ana Souza'); // last time's facilitator first

    const topics = JSON.parse((await cli(['topics', '--json'], { cwd: root })).stdout);
    expect(topics.map((t: { topic: string }) => t.topic)).toEqual(['Grant writing']);
  });

  it('numbers a back-dated meeting by its place in time, and warns before recording it', async () => {
    const { root } = circle();
    await meet(root, '2026-02-03', { attendance: ['Ana Souza'] });
    const r = await meet(root, '2026-01-20', { attendance: ['Ben Okafor'] });
    expect(r.stderr).toContain('the meeting of 2026-01-20 comes before the last one on record (2026-02-03): it will be meeting 2');
    const history = JSON.parse((await cli(['history', '--json'], { cwd: root })).stdout) as Array<{ date: string; number: number }>;
    expect(history.map((h) => [h.date, h.number])).toEqual([['2026-01-06', 1], ['2026-01-20', 2], ['2026-02-03', 3]]);
    const minutes = await cli(['minutes', '2026-02-03', '--json'], { cwd: root });
    expect(JSON.parse(minutes.stdout).number).toBe(3); // its file says 2
  });

  it('finds people without their accents, by tag, and says "did you mean"', async () => {
    const { root } = circle();
    const zoe = await cli(['practice', 'zoe'], { cwd: root });
    expect(zoe.code, zoe.stderr).toBe(0);
    expect(zoe.stdout).toContain('Zoë Müller');
    const typo = await cli(['members', 'remove', 'Zoa Muler'], { cwd: root });
    expect(typo.code).toBe(3);
    expect(typo.stderr).toContain('did you mean Zoë Müller?');
    // In an answers file, a member may be named by tag or without accents, in attendance and in step ids.
    await meet(root, '2026-01-20', { attendance: ['zoe', 'Cleo'], 'reflect.Zoe Muller.tried': 'Read the report' });
    const m = parse(readFileSync(join(root, 'circles', 'tiny', 'meetings', '2026-01-20.yaml'), 'utf8'));
    expect(m.attendance.present).toEqual(['Cleo Marsh', 'Zoë Müller']);
    expect(m.reflect.members.find((r: { member: string }) => r.member === 'Zoë Müller').tried).toBe('Read the report');
  });
});
