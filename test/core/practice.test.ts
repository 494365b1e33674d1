import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countFollowUps, followUps, practiceChains } from '../../src/core/practice.js';
import { practiceOf, summarizeMeeting } from '../../src/core/summary.js';
import { meetings } from './memory-fixtures.js';

const history = meetings(
  { date: '2026-01-06', present: ['Ana', 'Ben', 'Cleo'], commit: { Ana: 'call the council', Ben: 'ask the board', Cleo: 'write the plan' } },
  { date: '2026-02-03', present: ['Ana', 'Cleo'], report: { Ana: 'called them' }, commit: { Ana: 'visit the site' } },
  { date: '2026-03-03', present: ['ana ', 'Ben'], report: { Ana: 'visited', Ben: 'asked, late' }, commit: { Ben: 'ask again' } },
);

describe('followUps', () => {
  it('follows each commitment to the next meeting the member came to', () => {
    const links = followUps(history.map(summarizeMeeting));
    const view = links.map((l) => [l.member, l.made, l.at, l.status, l.absences]);
    expect(view).toEqual([
      ['Ana', 0, 1, 'followed_up', 0],
      ['Ben', 0, 2, 'followed_up', 1], // missed February, reported in March
      ['Cleo', 0, 1, 'silent', 0], // came in February, said nothing about it
      ['Ana', 1, 2, 'followed_up', 0], // "ana " is Ana
      ['Ben', 2, undefined, 'open', 0], // made at the latest meeting
    ]);
  });

  it('marks a commitment never followed up when the member missed every meeting since', () => {
    const links = followUps(
      meetings(
        { date: '2026-01-06', present: ['Ana', 'Dee'], commit: { Dee: 'draft the slip' } },
        { date: '2026-02-03', present: ['Ana'] },
        { date: '2026-03-03', present: ['Ana'] },
      ).map(summarizeMeeting),
    );
    expect(links).toEqual([{ member: 'Dee', made: 0, status: 'missed', absences: 2 }]);
  });

  it('counts the share of commitments followed up out of those that were due', () => {
    const counts = countFollowUps(followUps(history.map(summarizeMeeting)));
    expect(counts).toEqual({ made: 5, followedUp: 3, silent: 1, missed: 0, open: 1, letGo: 0, due: 4, share: 3 / 4 });
    expect(countFollowUps([]).share).toBeUndefined();
  });

  it('never follows a commitment up before it was made, and accounts for every one', () => {
    const name = fc.constantFrom('Ana', 'Ben', 'Cleo');
    const spec = fc.record({ present: fc.uniqueArray(name, { maxLength: 3 }), commit: fc.uniqueArray(name, { maxLength: 3 }), report: fc.uniqueArray(name, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 8 }), (specs) => {
        const ms = meetings(
          ...specs.map((s, i) => ({
            date: `2026-01-${String(i + 10)}`,
            present: s.present,
            commit: Object.fromEntries(s.commit.map((n) => [n, 'x'])),
            report: Object.fromEntries(s.report.map((n) => [n, 'y'])),
          })),
        ).map(summarizeMeeting);
        const links = followUps(ms);
        expect(links.length).toBe(ms.reduce((n, m) => n + m.committed.length, 0));
        for (const l of links) {
          if (l.at !== undefined) {
            expect(l.at).toBeGreaterThan(l.made);
            expect(ms[l.at]!.present).toContain(l.member);
            for (let i = l.made + 1; i < l.at; i++) expect(ms[i]!.present).not.toContain(l.member);
          } else {
            expect(l.status).toBe(l.made === ms.length - 1 ? 'open' : 'missed');
          }
        }
      }),
    );
  });
});

describe('practiceChains', () => {
  it("gives each member's chain with the commitment's words and what they reported", () => {
    const chains = practiceChains(history.map(practiceOf), ['Cleo', 'Ana', 'Ben', 'Zoe']);
    expect(chains.map((c) => c.member)).toEqual(['Cleo', 'Ana', 'Ben']); // Zoe made none
    const ana = chains[1]!;
    expect(ana.links.map((l) => [l.made.date, l.commitment, l.followedAt?.date, l.report?.said[0]?.text])).toEqual([
      ['2026-01-06', 'call the council', '2026-02-03', 'called them'],
      ['2026-02-03', 'visit the site', '2026-03-03', 'visited'],
    ]);
    expect(ana.counts.share).toBe(1);
  });

  it('keeps only the member asked for, even one with no commitments yet', () => {
    const chains = practiceChains(history.map(practiceOf), ['Ana', 'Ben', 'Zoe'], ['zoe']);
    expect(chains).toEqual([{ member: 'Zoe', links: [], counts: countFollowUps([]) }]);
  });
});

describe('a commitment let go', () => {
  it('is "let go", not "came but silent", and is not counted as due', async () => {
    const { meetingSchema } = await import('../../src/core/schema.js');
    const made = meetingSchema.parse({ date: '2026-01-06', number: 1, attendance: { present: ['Ana'] }, next: { members: [{ member: 'Ana', will_practice: 'Call' }] } });
    const letGo = meetingSchema.parse({ date: '2026-02-03', number: 2, attendance: { present: ['Ana'] }, reflect: { members: [{ member: 'Ana', commitment: 'Call', dropped: true }] } });
    const links = followUps([made, letGo].map(summarizeMeeting));
    expect(links.map((l) => l.status)).toEqual(['let_go']);
    expect(countFollowUps(links)).toMatchObject({ made: 1, letGo: 1, due: 0, share: undefined });
  });
});
