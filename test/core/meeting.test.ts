import { describe, expect, it } from 'vitest';
import { mergeIdeas, newIssuesFrom } from '../../src/core/meeting.js';
import { meetingSchema } from '../../src/core/schema.js';

const meeting = meetingSchema.parse({
  date: '2026-10-20',
  number: 6,
  reflect: {
    members: [
      { member: 'Ana', new_issues: 'Volunteers leave after a month' },
      { member: 'Ben', new_issues: '  ' },
    ],
  },
});

describe('what a meeting hands on', () => {
  it('takes only real new issues', () => {
    expect(newIssuesFrom(meeting)).toEqual([{ member: 'Ana', issue: 'Volunteers leave after a month' }]);
    expect(newIssuesFrom(undefined)).toEqual([]);
  });
  it('merges topics asked for by topic, in the order first asked, each asker once', () => {
    expect(
      mergeIdeas([
        { topic: 'Board relations', by: 'Ana', source: 'request' },
        { topic: ' ', by: 'Ben', source: 'wants_to_learn' },
        { topic: 'Grant writing', by: 'Ben', source: 'wants_to_learn' },
        { topic: 'board relations', by: 'Ana', source: 'wants_to_learn' },
        { topic: 'Board Relations', by: 'Cleo', source: 'wants_to_learn' },
      ]),
    ).toEqual([
      { topic: 'Board relations', by: ['Ana', 'Cleo'], source: 'request' },
      { topic: 'Grant writing', by: ['Ben'], source: 'wants_to_learn' },
    ]);
  });
});
