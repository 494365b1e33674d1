// The circle's memory: what stays open from meeting to meeting.
import { describe, expect, it } from 'vitest';
import { backlogByDemand, memoryOf, questionsByDemand, remember, topicKey, type MeetingMemory } from '../../src/core/memory.js';
import { meetingSchema } from '../../src/core/schema.js';

const m = (date: string, over: Partial<MeetingMemory> = {}): MeetingMemory => ({
  date,
  present: [],
  reported: [],
  dropped: [],
  commitments: [],
  asked: [],
  raised: [],
  answered: [],
  ...over,
});

describe('open commitments', () => {
  const made = m('2026-01-06', { commitments: [{ member: 'Ana', text: 'Call the bank', private: false }, { member: 'Ben', text: 'Ask the board', private: true }] });

  it('stay open while a member is away or says nothing about them, whatever order the meetings come in', () => {
    const later = [m('2026-01-20', { present: ['Ben'] }), m('2026-02-03', { present: ['Ana'] })];
    const memory = remember([...later].reverse().concat(made));
    expect(memory.commitments).toEqual([
      { member: 'Ana', text: 'Call the bank', made: '2026-01-06', private: false },
      { member: 'Ben', text: 'Ask the board', made: '2026-01-06', private: true },
    ]);
  });

  it('close when the member reports at a Reflect, or the facilitator lets them go; a new one replaces the old', () => {
    const memory = remember([
      made,
      m('2026-01-20', { reported: ['ana'], dropped: ['Ben'] }),
      m('2026-02-03', { commitments: [{ member: 'Ana', text: 'Visit the food bank', private: false }] }),
    ]);
    expect(memory.commitments).toEqual([{ member: 'Ana', text: 'Visit the food bank', made: '2026-02-03', private: false }]);
  });

  it('are not closed by a report at the meeting they were made at', () => {
    const memory = remember([m('2026-01-06', { reported: ['Ana'], commitments: [{ member: 'Ana', text: 'Call the bank', private: false }] })]);
    expect(memory.commitments.map((c) => c.text)).toEqual(['Call the bank']);
  });
});

describe('the topic backlog', () => {
  const asked = (topic: string, by?: string, isPrivate = false) => ({ topic, by, private: isPrivate });

  it('keeps every topic asked for until it is learned, merging spellings, most-asked first', () => {
    const memory = remember([
      m('2026-01-06', { asked: [asked('Grant writing', 'Ana'), asked('Board roles', 'Ben')] }),
      m('2026-01-20', { asked: [asked('grant writing.', 'Cleo')], learned: 'Board Roles' }),
    ]);
    expect(backlogByDemand(memory)).toEqual([{ topic: 'Grant writing', count: 2, by: ['Ana', 'Cleo'], first: '2026-01-06', last: '2026-01-20', inConfidence: 0 }]);
    expect(topicKey('  Grant   Writing. ')).toBe(topicKey('grant writing'));
  });

  it('drops a topic let go of (asks up to that day), until someone asks for it again', () => {
    const meetings = [m('2026-01-06', { asked: [asked('Galas', 'Ana')] })];
    expect(remember(meetings, [{ topic: 'galas', on: '2026-01-10' }]).backlog).toEqual([]);
    const again = [...meetings, m('2026-02-03', { asked: [asked('Galas', 'Ben')] })];
    expect(remember(again, [{ topic: 'galas', on: '2026-01-10' }]).backlog).toEqual([{ topic: 'Galas', open: { count: 1, by: ['Ben'], first: '2026-02-03', last: '2026-02-03' } }]);
  });

  it('keeps counts, distinct askers and first and last dates, not every ask: the same requests for 3 000 meetings stay as small as for 3', () => {
    const recurring = (count: number) =>
      Array.from({ length: count }, (_, i) => m(new Date(Date.UTC(2000, 0, 4 + 7 * i)).toISOString().slice(0, 10), { asked: [asked('Grant writing', i % 2 ? 'Ana' : 'Ben'), asked('Galas', 'Cleo', true)] }));
    const [few, many] = [remember(recurring(3)), remember(recurring(3000))];
    expect(JSON.stringify(many).length).toBeLessThanOrEqual(JSON.stringify(few).length + 20);
    expect(backlogByDemand(many, { all: true })).toEqual([
      { topic: 'Grant writing', count: 3000, by: ['Ben', 'Ana'], first: '2000-01-04', last: '2057-06-26', inConfidence: 0 },
      { topic: 'Galas', count: 3000, by: [], first: '2000-01-04', last: '2057-06-26', inConfidence: 3000 },
    ]);
  });

  it('counts a topic asked in confidence only for the facilitator', () => {
    const memory = remember([m('2026-01-06', { asked: [asked('When a chair walks out', 'Ben', true)] })]);
    expect(backlogByDemand(memory)).toEqual([]);
    expect(backlogByDemand(memory, { all: true })).toEqual([{ topic: 'When a chair walks out', count: 1, by: [], first: '2026-01-06', last: '2026-01-06', inConfidence: 1 }]);
  });
});

describe('what a meeting adds', () => {
  it('reads reports, dropped commitments, commitments, requests and wishes, and the topic learned', () => {
    const meeting = meetingSchema.parse({
      date: '2026-01-20',
      number: 2,
      attendance: { present: ['Ana', 'Ben'] },
      reflect: {
        members: [{ member: 'Ana', tried: 'Called', new_issues: 'Who pays for the checks?' }, { member: 'Ben', commitment: 'Ask the board', dropped: true }],
        requests: [{ topic: 'Galas', by: 'Ana', private: true }],
      },
      learning: { topic: 'Board roles', questions: ['How do boards vote?'], answered: ['Where do we meet in winter?'] },
      next: { members: [{ member: 'Ben', will_practice: 'Write to the chair', wants_to_learn: 'Grant writing' }] },
    });
    expect(memoryOf(meeting)).toEqual({
      date: '2026-01-20',
      present: ['Ana', 'Ben'],
      reported: ['Ana'],
      dropped: ['Ben'],
      commitments: [{ member: 'Ben', text: 'Write to the chair', private: false }],
      asked: [
        { topic: 'Galas', by: 'Ana', private: true },
        { topic: 'Grant writing', by: 'Ben', private: false },
      ],
      learned: 'Board roles',
      raised: [
        { text: 'Who pays for the checks?', kind: 'issue', by: 'Ana', private: false },
        { text: 'How do boards vote?', kind: 'question', private: false },
      ],
      answered: ['Where do we meet in winter?'],
    });
  });
});

describe('open questions and new issues', () => {
  const q = (text: string, kind: 'question' | 'issue', by?: string, priv = false) => ({ text, kind, by, private: priv });
  const meetings = [
    m('2026-01-06', { raised: [q('Who pays for the checks?', 'issue', 'Ana'), q('How do boards vote?', 'question')] }),
    m('2026-01-20', { raised: [q('who pays for the checks', 'issue', 'Ben'), q('Moving away', 'issue', 'Cleo', true)] }),
    m('2026-02-03', { answered: ['How do boards vote?'] }),
  ];

  it('stay open, counted and dated, until answered; raised again after that, they are open again', () => {
    const memory = remember(meetings);
    expect(questionsByDemand(memory)).toEqual([
      { text: 'Who pays for the checks?', kind: 'issue', count: 2, by: ['Ana', 'Ben'], first: '2026-01-06', last: '2026-01-20', inConfidence: 0 },
    ]);
    // What was raised only in confidence is the facilitator's to see.
    expect(questionsByDemand(memory, { all: true }).map((x) => [x.text, x.inConfidence])).toEqual([['Who pays for the checks?', 0], ['Moving away', 1]]);
    const again = remember([...meetings, m('2026-02-17', { raised: [q('How do boards vote?', 'question')] })]);
    expect(questionsByDemand(again, { kind: 'question' })).toMatchObject([{ text: 'How do boards vote?', count: 1, first: '2026-02-17' }]);
  });

  it('are let go of by date: what was raised up to that day closes, raised later it is back', () => {
    expect(questionsByDemand(remember(meetings, [], [{ question: 'Who pays for the checks', on: '2026-01-25' }]))).toEqual([]);
    const later = remember([...meetings, m('2026-02-17', { raised: [q('Who pays for the checks?', 'issue', 'Ana')] })], [], [{ question: 'who pays for the checks?', on: '2026-01-25' }]);
    expect(questionsByDemand(later)).toMatchObject([{ count: 1, first: '2026-02-17' }]);
  });
});
