// What the circle's memory commands need from each meeting, small enough to cache:
// `history` and `stats` read the summary, `practice` also reads the commitments and reports.
import { agreementsChanged, type AgreementId } from './agreements.js';
import { nameKey } from './names.js';
import { answersTo, answerText, FIELD, memberFields } from './prompts.js';
import type { Meeting, Reflection } from './schema.js';

function unique(names: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const n of names) if (n.trim() && !seen.has(nameKey(n))) seen.set(nameKey(n), n.trim());
  return [...seen.values()];
}

/** The answers at Reflect: any of them counts as reporting back on a commitment. */
const REPORT_FIELDS = memberFields('reflect');

export function hasReport(r: Reflection): boolean {
  return REPORT_FIELDS.some((k) => answerText(r, k) !== undefined);
}

export interface MeetingSummary {
  date: string;
  number: number;
  /** Members present: `attendance.present`, plus anyone who spoke at Reflect or What's Next. */
  present: string[];
  guests: number;
  /** The active members when it ran (`attendance.expected`); undefined in minutes written before it was kept. */
  expected?: string[] | undefined;
  /** Members recorded as absent who sent an apology. */
  apologised: string[];
  topic?: string | undefined;
  speaker?: string | undefined;
  /** The topic chosen for the next meeting. */
  nextTopic?: string | undefined;
  /** Members who said what they would put into practice. */
  committed: string[];
  /** Members who reported back at Reflect (tried, changed, …). */
  reported: string[];
  /** Members whose commitment the facilitator let go at Reflect. */
  dropped: string[];
  /** The agreements (purpose, ground rules, format) this meeting set or changed. */
  agreed: AgreementId[];
  /** The group's verdict at the close: how useful the meeting was, 1–5. */
  useful?: number | undefined;
  /** At an outcome review: each outcome's rating, 1–5, by outcome id. */
  outcomes?: Record<string, number> | undefined;
}

export function summarizeMeeting(m: Meeting): MeetingSummary {
  return {
    date: m.date,
    number: m.number,
    present: unique([...m.attendance.present, ...m.reflect.members.map((r) => r.member), ...m.next.members.map((a) => a.member)]),
    guests: m.attendance.guests.length,
    ...(m.attendance.expected && { expected: unique(m.attendance.expected) }),
    apologised: unique(m.attendance.absent.filter((a) => a.apology?.trim()).map((a) => a.member)),
    topic: m.learning.topic?.trim() || undefined,
    speaker: m.learning.speaker?.trim() || undefined,
    nextTopic: m.next.topic?.trim() || undefined,
    committed: unique(m.next.members.filter((a) => answerText(a, FIELD.commitment)).map((a) => a.member)),
    reported: unique(m.reflect.members.filter(hasReport).map((r) => r.member)),
    dropped: unique(m.reflect.members.filter((r) => r.dropped).map((r) => r.member)),
    agreed: agreementsChanged(m),
    useful: m.verdict?.useful,
    outcomes: m.next.outcomes && Object.keys(m.next.outcomes).length ? (m.next.outcomes as Record<string, number>) : undefined,
  };
}

/**
 * A meeting as `practice` sees it: who came, committed, reported back or was let go, and
 * the words of each commitment and report. Its number is its place in the list.
 */
export type PracticeMeeting = ReturnType<typeof practiceOf>;

export function practiceOf(m: Meeting) {
  const { date, present, committed, reported, dropped } = summarizeMeeting(m);
  return {
    date,
    present,
    committed,
    reported,
    dropped,
    commitments: answersTo(m.next.members, FIELD.commitment),
    reports: m.reflect.members
      .filter((r) => hasReport(r) || r.commitment?.trim())
      .map((r) => ({
        member: r.member.trim(),
        // The commitment they came in with, as written at this meeting.
        commitment: r.commitment?.trim() || undefined,
        said: REPORT_FIELDS.flatMap((field) => {
          const text = answerText(r, field);
          return text ? [{ field, text }] : [];
        }),
        private: r.private,
      })),
  };
}
