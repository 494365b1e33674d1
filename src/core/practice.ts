// Commitments meeting to meeting: what each member said they would put into practice,
// and what they reported at the Reflect of the next meeting they came to.
import { nameKey } from './names.js';
import { type MeetingSummary, type PracticeMeeting } from './summary.js';

/**
 * - `followed_up`: at the next meeting they came to, they reported back at Reflect.
 * - `silent`: they came to a later meeting but reported nothing at Reflect.
 * - `let_go`: they came to a later meeting and the facilitator let the commitment go.
 * - `missed`: meetings took place since, and they came to none of them.
 * - `open`: made at the latest meeting; there has been no chance to report yet.
 */
type FollowUpStatus = 'followed_up' | 'silent' | 'let_go' | 'missed' | 'open';

interface FollowUp {
  member: string;
  /** Index (in the meetings given) of the meeting where the commitment was made. */
  made: number;
  /** Index of the next meeting the member came to, if any. */
  at?: number | undefined;
  status: FollowUpStatus;
  /** Meetings held in between that the member missed. */
  absences: number;
}

/** Every commitment in the history and what became of it, in the order they were made. */
export function followUps(meetings: ReadonlyArray<Pick<MeetingSummary, 'present' | 'committed' | 'reported' | 'dropped'>>): FollowUp[] {
  const out: FollowUp[] = [];
  const pending = new Map<string, FollowUp>();
  meetings.forEach((m, i) => {
    for (const p of m.present) {
      const key = nameKey(p);
      const open = pending.get(key);
      if (!open) continue;
      open.at = i;
      open.status = hasName(m.reported, p, key) ? 'followed_up' : hasName(m.dropped, p, key) ? 'let_go' : 'silent';
      // It is their first meeting since: every meeting in between was missed.
      open.absences = i - open.made - 1;
      pending.delete(key);
    }
    for (const p of m.committed) {
      const link: FollowUp = { member: p, made: i, status: 'open', absences: 0 };
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

/** The first entry by the person whose name has this key (`name` itself, usually). */
const byName = <T extends { member: string }>(list: readonly T[], name: string, key: string) =>
  list.find((e) => e.member === name || nameKey(e.member) === key);

const hasName = (names: readonly string[], name: string, key: string) => names.some((n) => n === name || nameKey(n) === key);

/** How many were made, and of each status; `due`: those that could have been followed up by now (not open nor let go), `share` of them followed up. */
export function countFollowUps(links: readonly FollowUp[]) {
  const n = (s: FollowUpStatus) => links.filter((l) => l.status === s).length;
  const [made, followedUp, open, letGo] = [links.length, n('followed_up'), n('open'), n('let_go')];
  const due = made - open - letGo;
  return { made, followedUp, silent: n('silent'), missed: n('missed'), open, letGo, due, share: due > 0 ? followedUp / due : undefined };
}

/** A commitment and what came of it; meetings are numbered by their place in the list. */
function linkOf(meetings: readonly PracticeMeeting[], f: FollowUp) {
  const made = meetings[f.made]!;
  const key = nameKey(f.member);
  const commitment = byName(made.commitments, f.member, key)!;
  const next = f.at === undefined ? undefined : meetings[f.at]!;
  return {
    made: { date: made.date, number: f.made + 1 },
    commitment: commitment.text,
    // The commitment was marked private (the report carries its own flag).
    private: commitment.private,
    status: f.status,
    followedAt: next && { date: next.date, number: f.at! + 1 },
    absences: f.absences,
    report: next && byName(next.reports, f.member, key),
  };
}
export type PracticeLink = ReturnType<typeof linkOf>;

/** Per member (those in `order` first, then by appearance), the chain of commitments and what came of each; `only` keeps those names. */
export function practiceChains(meetings: readonly PracticeMeeting[], order: readonly string[] = [], only?: readonly string[]) {
  const byMember = new Map<string, { member: string; raw: FollowUp[] }>();
  for (const name of order) byMember.set(nameKey(name), { member: name, raw: [] });
  for (const f of followUps(meetings)) {
    const key = nameKey(f.member);
    const chain = byMember.get(key) ?? { member: f.member, raw: [] };
    byMember.set(key, chain);
    chain.raw.push(f);
  }
  const wanted = only && new Set(only.map(nameKey));
  return [...byMember.entries()]
    .filter(([key, c]) => (wanted ? wanted.has(key) : c.raw.length > 0))
    .map(([, c]) => ({ member: c.member, links: c.raw.map((f) => linkOf(meetings, f)), counts: countFollowUps(c.raw) }));
}
export type PracticeChain = ReturnType<typeof practiceChains>[number];
