import { describe, expect, it } from 'vitest';
import { commitmentsFrom, newIssuesFrom, topicIdeasFrom } from '../../src/core/meeting.js';
import { meetingSchema } from '../../src/core/schema.js';

const meeting = meetingSchema.parse({
  date: '2026-10-20',
  number: 6,
  reflect: {
    members: [
      { member: 'Ana', new_issues: 'Volunteers leave after a month' },
      { member: 'Ben', new_issues: '  ' },
    ],
    requests: [{ topic: 'Board relations', by: 'Ana' }],
  },
  next: {
    members: [
      { member: 'Ana', will_practice: 'Ask one volunteer a week why they stay', wants_to_learn: 'board relations' },
      { member: 'Ben', will_practice: '', wants_to_learn: 'Grant writing' },
    ],
  },
});

describe('what a meeting hands on', () => {
  it('takes only real commitments', () => {
    expect(commitmentsFrom(meeting)).toEqual([{ member: 'Ana', commitment: 'Ask one volunteer a week why they stay' }]);
    expect(commitmentsFrom(undefined)).toEqual([]);
  });
  it('takes only real new issues', () => {
    expect(newIssuesFrom(meeting)).toEqual([{ member: 'Ana', issue: 'Volunteers leave after a month' }]);
  });
  it('merges requests and wishes by topic', () => {
    expect(topicIdeasFrom(meeting)).toEqual([
      { topic: 'Board relations', by: ['Ana'], source: 'request' },
      { topic: 'Grant writing', by: ['Ben'], source: 'wants_to_learn' },
    ]);
  });
});
