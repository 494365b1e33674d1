import { describe, expect, it } from 'vitest';
import { buildMinutes } from '../../src/core/minutes.js';
import { meetingSchema } from '../../src/core/schema.js';

const circle = {
  name: 'Test Circle',
  format: {
    sections: [
      { id: 'learning', title: 'Learning first', minutes: 50, prompts: undefined },
      { id: 'reflect', title: 'Reflect', minutes: 45, prompts: undefined },
    ],
  },
};
const meeting = meetingSchema.parse({
  date: '2026-05-05',
  number: 4,
  facilitator: 'Ana Facilitator',
  attendance: { present: ['Ana Facilitator', 'Ben Member'], guests: ['Gus Guest'] },
  introductions: [{ member: 'Ben Member', organization: 'Ben Org', vision: 'BEN VISION' }],
  reflect: {
    members: [
      { member: 'Ana Facilitator', tried: 'ANA TRIED' },
      { member: 'Ben Member', commitment: 'BEN COMMITMENT', disappointing: 'BEN SECRET', private: true },
    ],
    requests: [
      { topic: 'Grant writing', by: 'Ben Member' },
      { topic: 'BEN REQUEST IN CONFIDENCE', by: 'Ben Member', private: true },
    ],
  },
  learning: { format: 'dialogue', topic: 'Partnerships', notes: 'What we learned.', questions: ['Who decides?'] },
  next: { members: [{ member: 'Ana Facilitator', will_practice: 'ANA PRACTICE' }], topic: 'Boards', speaker: 'Ruth', date: '2026-06-02' },
  notes: 'Food next time: Ben.',
});

describe('buildMinutes', () => {
  it("follows the circle's order of sections, introductions first, missing sections after", () => {
    const m = buildMinutes(circle, meeting);
    expect(m.sections.map((s) => [s.id, s.title])).toEqual([
      ['introductions', 'Welcome and introductions'],
      ['learning', 'Learning first'],
      ['reflect', 'Reflect'],
      ['next', "What's Next?"],
    ]);
    expect(JSON.stringify(m)).toContain('BEN SECRET'); // members' own minutes keep everything
  });

  it('public minutes keep what the group learned and decided, and nothing said by one member', () => {
    const m = buildMinutes(circle, meeting, { public: true });
    const text = JSON.stringify(m);
    for (const hidden of ['BEN REQUEST IN CONFIDENCE', 'BEN VISION', 'Ben Org', 'ANA TRIED', 'BEN COMMITMENT', 'BEN SECRET', 'ANA PRACTICE', 'Ben Member', 'Ana Facilitator', 'Gus Guest', 'Food next time']) {
      expect(text).not.toContain(hidden);
    }
    for (const kept of ['Partnerships', 'What we learned.', 'Who decides?', 'Grant writing', 'Boards', 'Ruth', '2026-06-02']) {
      expect(text).toContain(kept);
    }
    expect(m).toMatchObject({ public: true, presentCount: 2, guestCount: 1, present: [], guests: [] });
    expect(m.sections.map((s) => s.id)).toEqual(['learning', 'reflect', 'next']);
  });
});
