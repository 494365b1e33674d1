// rosterSizes counts the rosters without making them: the same numbers as rosters().length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rosters, rosterSizes } from '../../src/core/history.js';
import type { MeetingSummary } from '../../src/core/summary.js';

describe('rosterSizes', () => {
  it('is the length of each roster, names written any way, members listed twice', () => {
    const name = fc.constantFrom('Ana', 'ana ', 'ANA', 'Ben', ' ben', 'Cleo', 'Dee', 'Eli');
    const date = fc.constantFrom('2026-01-06', '2026-02-03', '2026-03-03', '2026-04-07');
    const member = fc.record({ name, joined: fc.option(date, { nil: undefined }), active: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.record({ date, present: fc.array(name, { maxLength: 5 }) }), { maxLength: 8 }), fc.array(member, { maxLength: 6 }), (specs, members) => {
        const meetings = specs
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((s, i) => ({ ...s, number: i + 1, guests: 0, apologised: [], committed: [], reported: [], dropped: [], agreed: [] }) as MeetingSummary);
        expect(rosterSizes(meetings, members)).toEqual(rosters(meetings, members).map((r) => r.length));
      }),
      { numRuns: 500 },
    );
  });
});
