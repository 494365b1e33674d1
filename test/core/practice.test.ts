import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countFollowUps, followUps, practiceChains } from '../../src/core/practice.js';
import { nameKey } from '../../src/core/names.js';
import { practiceOf, summarizeMeeting, type PracticeMeeting } from '../../src/core/summary.js';
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

/** followUps and practiceChains as first written (Sets of name keys, find by key), to check the quicker ones against. */
function plainFollowUps(meetings: readonly PracticeMeeting[]): ReturnType<typeof followUps> {
  const out: ReturnType<typeof followUps> = [];
  const pending = new Map<string, (typeof out)[number]>();
  meetings.forEach((m, i) => {
    const reported = new Set(m.reported.map(nameKey));
    const dropped = new Set(m.dropped.map(nameKey));
    for (const p of m.present) {
      const open = pending.get(nameKey(p));
      if (!open) continue;
      open.at = i;
      open.status = reported.has(nameKey(p)) ? 'followed_up' : dropped.has(nameKey(p)) ? 'let_go' : 'silent';
      open.absences = i - open.made - 1;
      pending.delete(nameKey(p));
    }
    for (const p of m.committed) {
      const link = { member: p, made: i, status: 'open' as const, absences: 0 } as (typeof out)[number];
      out.push(link);
      pending.set(nameKey(p), link);
    }
  });
  for (const link of pending.values()) {
    link.absences = meetings.length - link.made - 1;
    link.status = link.absences > 0 ? 'missed' : 'open';
  }
  return out;
}

function plainChains(meetings: readonly PracticeMeeting[], order: readonly string[]) {
  const byMember = new Map<string, { member: string; links: unknown[]; raw: ReturnType<typeof followUps> }>();
  for (const name of order) byMember.set(nameKey(name), { member: name, links: [], raw: [] });
  for (const f of plainFollowUps(meetings)) {
    const made = meetings[f.made]!;
    const key = nameKey(f.member);
    const commitment = made.commitments.find((c) => nameKey(c.member) === key);
    const next = f.at === undefined ? undefined : meetings[f.at]!;
    const report = next?.reports.find((r) => nameKey(r.member) === key);
    const chain = byMember.get(key) ?? { member: f.member, links: [], raw: [] };
    byMember.set(key, chain);
    chain.raw.push(f);
    chain.links.push({
      made: { date: made.date, number: f.made + 1 },
      commitment: commitment?.text,
      private: commitment?.private,
      status: f.status,
      followedAt: next && { date: next.date, number: f.at! + 1 },
      absences: f.absences,
      report,
    });
  }
  return [...byMember.values()].filter((c) => c.links.length > 0).map((c) => ({ member: c.member, links: c.links, counts: countFollowUps(c.raw) }));
}

describe('the quick follow-up', () => {
  it('gives what the plain one gives, names written any way', () => {
    // Spellings of the same people (case, spaces, NFKC) and names that are not the same.
    const name = fc.constantFrom('Ana', 'ana ', 'ANA', 'Ｂen', 'Ben', ' ben', 'Cleo', 'Cleo Ng', 'cleo  ng');
    const names = fc.array(name, { maxLength: 4 });
    const said = fc.array(fc.record({ field: fc.constantFrom('tried', 'changed'), text: fc.constantFrom('a', 'b') }), { maxLength: 2 });
    const meeting = fc.record({
      present: names,
      committed: names,
      reported: names,
      dropped: names,
      commitments: fc.array(fc.record({ member: name, text: fc.constantFrom('x', 'y'), private: fc.boolean() }), { maxLength: 4 }),
      reports: fc.array(fc.record({ member: name, commitment: fc.constantFrom(undefined, 'x'), said, private: fc.boolean() }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(meeting, { maxLength: 8 }), names, (specs, order) => {
        const ms: PracticeMeeting[] = specs.map((s, i) => ({ date: `2026-01-${String(i + 10)}`, ...s }));
        expect(followUps(ms)).toEqual(plainFollowUps(ms));
        // A commitment listed under `committed` is in `commitments` (both come from the same answers).
        const consistent = ms.map((m) => ({ ...m, commitments: [...m.commitments, ...m.committed.map((member) => ({ member: member.trim(), text: 'z', private: false }))] }));
        expect(practiceChains(consistent, order)).toEqual(plainChains(consistent, order));
      }),
      { numRuns: 500 },
    );
  });
});
