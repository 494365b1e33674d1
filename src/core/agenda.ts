// The next meeting's agenda: built from the circle, its members and what the group
// decided at the end of the last meeting, so each meeting builds on the one before.
// Pure: the date is given, nothing is read; the result is plain JSON-friendly data.
import { outcomesOf } from './agreements.js';
import { newcomersSince } from './members.js';
import { formatClock, parseClock } from './dates.js';
import { FIRST_MEETING, formatWarnings, meetingEnd, splitMinutes } from './format.js';
import { backlogByDemand, openCommitments, questionsByDemand, topicKey, type Memory, type QuestionShown } from './memory.js';
import { nameKey } from './names.js';
import { labelOf, SECTION_IDS, sectionFor, say, titleOf, type SectionId } from './prompts.js';
import { chosenFor, scheduledAfter } from './schedule.js';
import type { Circle, Meeting, Member } from './schema.js';

/** When a section of the meeting happens: clock times and its length. */
type Slot = ReturnType<typeof slots>[number];

export interface AgendaSection {
  /** A format section id (reflect, learning, next, or the circle's own), or a first-meeting section. */
  id: string;
  title: string;
  /** Absent for sections with no time of their own (ground rules, the welcome). */
  slot?: Slot;
  /** When a section with no time of its own happens, e.g. the welcome at the start. */
  at?: string;
  about?: string;
  questions: string[];
}

export interface Agenda {
  /** `first`: no meeting yet, so the group sets up its purpose, ground rules and format. */
  kind: 'regular' | 'first';
  circle: string;
  number: number;
  date: string;
  start: string;
  end: string;
  place?: string;
  purpose?: string;
  /** What the group can do for one another (circle.yaml `vision`). */
  vision?: string;
  /** What the group wants to be different because it learns together (circle.yaml `outcomes`). */
  outcomes?: Array<{ id: string; label: string; text: string }>;
  /** In order: welcome, ground rules, then the format's sections (or the first meeting's sections). */
  sections: AgendaSection[];
  /** Members who join for the first time (at a first meeting: everyone). */
  newcomers: Array<{ name: string; organization?: string }>;
  groundRules: string[];
  /** Every open commitment (an older one says when it was made), the last meeting's open new issues, who was missing. */
  reflect?: { commitments: AgendaCommitment[]; issues: AgendaQuestion[]; moreIssues: number; missedLast: string[] };
  /** The topic chosen last time, and the backlog of topics asked for (most-asked first). */
  learning?: { topic?: string; speaker?: string; backlog: BacklogItem[]; more: number };
  /** Carried on: the questions still open (from any earlier meeting), last time's notes for next time, and the one thing the group asked to change. */
  carried?: { questions: AgendaQuestion[]; moreQuestions: number; notes?: string; change?: string };
  /** First meeting: the format and traditions proposed in circle.yaml, to agree or change. */
  proposedFormat?: Array<{ title: string; minutes: number }>;
  /** The meeting after this one, by the schedule. */
  following?: string;
  traditions: string[];
  warnings: string[];
}

export interface AgendaCommitment {
  member: string;
  commitment: string;
  /** Made at a meeting before the last one: its date. */
  from?: string;
  /** Not at the last meeting. */
  away?: true;
}

/** A question or new issue still open: raised how often, by whom (members still active), since when. */
export interface AgendaQuestion {
  text: string;
  by: string[];
  count: number;
  since: string;
}

export interface BacklogItem {
  topic: string;
  /** Who asked (those who asked in confidence are not named), and how many times it was asked. */
  by: string[];
  asks: number;
}

export interface AgendaInput {
  circle: Circle;
  members: readonly Member[];
  /** The last meeting before this one; undefined before the first. */
  last: Meeting | undefined;
  /** What is open from every meeting before this one. */
  memory: Memory;
  /** Its place among the circle's meetings by date. */
  number: number;
  date: string;
  /** Today: the topic chosen last time goes with the next meeting from today. */
  today: string;
  /** Every open topic, question and issue, not only the most asked for. */
  full?: boolean | undefined;
}

/** How many backlog topics, open questions and open issues a handout lists; `--full`, `circle topics` and `circle questions` have them all. */
const SHOWN = 4;

/** Active members who missed `last`: of those it expected, else (older minutes) of today's members. */
function missedAt(last: Meeting, members: readonly Member[]): string[] {
  const present = new Set(last.attendance.present.map(nameKey));
  const expected = last.attendance.expected && new Set(last.attendance.expected.map(nameKey));
  return members.filter((m) => m.active && !present.has(nameKey(m.name)) && (!expected || expected.has(nameKey(m.name)))).map((m) => m.name);
}

function slots(start: string, minutes: readonly number[]) {
  let at = parseClock(start);
  return minutes.map((m) => {
    const slot = { start: formatClock(at), end: formatClock(at + m), minutes: m };
    at += m;
    return slot;
  });
}

export function buildAgenda({ circle, members, last, memory, number, date, today, full }: AgendaInput): Agenda {
  const start = circle.schedule.start;
  const words = (id: string) => ((SECTION_IDS as readonly string[]).includes(id) ? sectionFor(circle, id as SectionId) : undefined);
  const section = (id: string, title: string, slot?: Slot): AgendaSection => {
    const p = words(id);
    const questions = p?.questions.filter((q) => q.agenda !== false).map((q) => q.ask) ?? [];
    return { id, title, ...(slot && { slot }), ...(p && { about: p.about }), questions };
  };
  const newcomers = newcomersSince(members, last).map((m) => ({ name: m.name, ...(m.organization && { organization: m.organization }) }));
  const following = scheduledAfter(circle, date);
  const outcomes = outcomesOf(circle).map((o) => ({ ...o, label: labelOf('purpose', o.id) }));

  const common = {
    circle: circle.name,
    number,
    date,
    start,
    end: meetingEnd(circle.schedule),
    ...(circle.schedule.location && { place: circle.schedule.location }),
    ...(circle.purpose && { purpose: circle.purpose.trim() }),
    ...(circle.vision?.trim() && { vision: circle.vision.trim() }),
    ...(outcomes.length && { outcomes }),
    newcomers,
    groundRules: circle.ground_rules,
    ...(following && { following }),
    traditions: circle.traditions,
    warnings: formatWarnings(circle),
  };

  if (!last) {
    const times = slots(start, splitMinutes(circle.schedule.duration, FIRST_MEETING.map((p) => p.share)));
    return {
      kind: 'first',
      ...common,
      sections: FIRST_MEETING.map((p, i) => section(p.id, titleOf(p.id), times[i])),
      proposedFormat: circle.format.sections.map((s) => ({ title: s.title, minutes: s.minutes })),
    };
  }

  const active = new Map(members.filter((m) => m.active).map((m) => [nameKey(m.name), m.name]));
  const present = new Set(last.attendance.present.map(nameKey));
  const isNew = new Set(newcomers.map((n) => n.name));
  const times = slots(start, circle.format.sections.map((s) => s.minutes));
  const slotted = new Set(circle.format.sections.map((s) => s.id));
  const welcome = section('introductions', titleOf('introductions'));
  const rules = section('ground_rules', titleOf('ground_rules'));
  const chosen = chosenFor(circle, last, date, today);
  // The circle's own rules are read out; with none yet, the questions to agree some.
  const groundRules = (at: string): AgendaSection => ({
    ...(circle.ground_rules.length ? { ...rules, about: say('ground_rules', 'read_aloud'), questions: [] } : rules),
    at,
  });
  const backlog = backlogByDemand(memory).filter((t) => topicKey(t.topic) !== topicKey(chosen.topic ?? ''));
  const shown = full ? Infinity : SHOWN;
  // Named by who raised them, if they are still members; what was raised only in confidence stays off.
  const asked = (q: QuestionShown): AgendaQuestion => ({
    text: q.text,
    by: q.by.flatMap((b) => (active.has(nameKey(b)) ? [active.get(nameKey(b))!] : [])),
    count: q.count,
    since: q.first,
  });
  // An issue is its members' own: it leaves the agenda with them.
  const issues = questionsByDemand(memory, { kind: 'issue' }).filter((q) => q.by.some((b) => active.has(nameKey(b))));
  const questions = questionsByDemand(memory, { kind: 'question' });
  return {
    kind: 'regular',
    ...common,
    // The welcome (with its own minutes when the format gives them), then the ground rules
    // (read aloud, or agreed when there are none yet), then the rest of the format.
    sections: [
      ...(slotted.has('introductions') ? [] : [{ ...welcome, at: start, questions: newcomers.length ? welcome.questions : [] }, groundRules(start)]),
      ...circle.format.sections.flatMap((s, i) => {
        const sec = section(s.id, s.title, times[i]);
        // Learning Together's questions are for taking notes; the longer introductions are for newcomers.
        const shown = s.id === 'learning' || (s.id === 'introductions' && !newcomers.length) ? { ...sec, questions: [] } : sec;
        return s.id === 'introductions' ? [shown, groundRules(times[i]!.end)] : [shown];
      }),
    ],
    reflect: {
      commitments: openCommitments(memory, members)
        .filter((c) => !c.private)
        .map((c) => ({
          member: c.member,
          commitment: c.text,
          ...(c.made < last.date && { from: c.made }),
          ...(present.size && !present.has(nameKey(c.member)) && { away: true as const }),
        })),
      issues: issues.slice(0, shown).map(asked),
      moreIssues: Math.max(0, issues.length - shown),
      missedLast: present.size ? missedAt(last, members).filter((name) => !isNew.has(name)) : [],
    },
    learning: {
      ...chosen,
      backlog: backlog.slice(0, shown).map((t) => ({
        topic: t.topic,
        // Named by who asked, if they are still members.
        by: [...new Set(t.by.flatMap((by) => (active.has(nameKey(by)) ? [active.get(nameKey(by))!] : [])))],
        asks: t.count,
      })),
      more: Math.max(0, backlog.length - shown),
    },
    carried: {
      questions: questions.slice(0, shown).map(asked),
      moreQuestions: Math.max(0, questions.length - shown),
      ...(last.next.notes?.trim() && { notes: last.next.notes.trim() }),
      ...(last.verdict?.change?.trim() && { change: last.verdict.change.trim() }),
    },
  };
}
