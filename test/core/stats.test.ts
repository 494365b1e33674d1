import { describe, expect, it } from 'vitest';
import { historyRows, rosters } from '../../src/core/history.js';
import { circleStats } from '../../src/core/stats.js';
import { summarizeMeeting } from '../../src/core/summary.js';
import { meetings } from './memory-fixtures.js';

const members = [
  { name: 'Ana', joined: '2026-01-01', active: true },
  { name: 'Ben', joined: '2026-01-01', active: false }, // left after February
  { name: 'Cleo', joined: '2026-03-01', active: true }, // joined in March
];
const history = meetings(
  { date: '2026-01-06', present: ['Ana', 'Ben'], guests: ['Guest'], topic: 'Planning', next: 'Volunteers', commit: { Ana: 'a', Ben: 'b' } },
  { date: '2026-02-03', present: ['Ben'], topic: 'Volunteers', next: 'Boards', report: { Ben: 'did b' } },
  { date: '2026-03-03', present: ['Ana', 'Cleo'], next: 'Data', report: { Ana: 'did a' } },
).map(summarizeMeeting);

describe('history', () => {
  it('counts a member from the day they joined, and one who left up to their last meeting', () => {
    expect(rosters(history, members)).toEqual([['Ana', 'Ben'], ['Ana', 'Ben'], ['Ana', 'Cleo']]);
  });

  it('gives one row per meeting: present of members, guests, topic, and the topic chosen next', () => {
    expect(historyRows(history, members)).toEqual([
      { date: '2026-01-06', number: 1, present: 2, members: 2, guests: 1, topic: 'Planning', nextTopic: 'Volunteers', agreed: [] },
      { date: '2026-02-03', number: 2, present: 1, members: 2, guests: 0, topic: 'Volunteers', nextTopic: 'Boards', agreed: [] },
      { date: '2026-03-03', number: 3, present: 2, members: 2, guests: 0, topic: undefined, nextTopic: 'Data', agreed: [] },
    ]);
  });

  it('counts someone present who is not in members.yaml, and not a member who left before', () => {
    const rows = historyRows(meetings({ date: '2026-01-06', present: ['Ana', 'Visitor Member'] }).map(summarizeMeeting), members);
    expect(rows[0]).toMatchObject({ present: 2, members: 2 }); // Ana and the visitor; Ben never came
  });
});

describe('circleStats', () => {
  const s = circleStats(history, members, []);

  it('counts attendance per member out of the meetings held while they belonged', () => {
    expect(s.members.map((m) => [m.name, m.attended, m.of])).toEqual([
      ['Ana', 2, 3],
      ['Ben', 2, 2],
      ['Cleo', 1, 1],
    ]);
  });

  it('lists the topics learned and the commitments followed up', () => {
    expect(s.topics.map((t) => t.topic)).toEqual(['Planning', 'Volunteers']);
    expect(s.commitments).toEqual({ made: 2, followedUp: 2, silent: 0, missed: 0, open: 0, letGo: 0, due: 2, share: 1 });
    expect(s.members[0]!.commitments.followedUp).toBe(1);
    expect(s.averageAttendance).toBeCloseTo((1 + 0.5 + 1) / 3);
  });

  it('has nothing to average before the first meeting', () => {
    expect(circleStats([], members, [])).toMatchObject({ meetings: [], topics: [], averageAttendance: undefined });
  });
});

describe('stats of one meeting', () => {
  it('says "1 meeting", and counts the apologies of those who missed one', async () => {
    const { statsText } = await import('../../src/render/stats-text.js');
    const { Chalk } = await import('chalk');
    const { summarizeMeeting } = await import('../../src/core/summary.js');
    const { meetingSchema } = await import('../../src/core/schema.js');
    const m = summarizeMeeting(
      meetingSchema.parse({ date: '2026-01-06', number: 1, attendance: { present: ['Ana'], absent: [{ member: 'Ben', apology: 'Away' }] } }),
    );
    const stats = circleStats([m], [{ name: 'Ana', joined: '2026-01-06', active: true }, { name: 'Ben', joined: '2026-01-06', active: true }], []);
    expect(stats.members.find((x) => x.name === 'Ben')).toMatchObject({ attended: 0, of: 1, apologies: 1 });
    const text = statsText(stats, { title: 'T', width: 80, unicode: false, color: new Chalk({ level: 0 }) });
    expect(text).toContain('1 meeting, on Tuesday 6 January 2026');
    expect(text).toContain('0/1 (1 apology)');
  });
});
