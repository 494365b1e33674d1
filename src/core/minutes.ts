// One meeting's minutes as data, in meeting order, for every format (and `--json`).
//
// Public minutes (`public: true`) are for people outside the circle. They keep what the
// group learned and decided: the topic, format, speaker, the notes of Learning Together
// (as written: they may name people) and its questions, the topics asked for (without
// who asked, and none raised in confidence), the topic, speaker and date chosen for next
// time, and how many came. They leave out every member's own words: the list of who
// came, the facilitator, introductions, every reflection at Reflect, every What's Next
// answer (private or not), and the meeting's closing notes (house-keeping).
import { answerText, confided, discussed, memberFields, titleOf, type Entry, type SectionId } from './prompts.js';
import type { Circle, Meeting } from './schema.js';

/** One person's answers in a section, in the order the questions are asked. */
export type Said = ReturnType<typeof said>;

/** Topics someone asked a speaker on (`++`). */
export type Requests = Array<{ topic: string; by?: string | undefined; private: boolean }>;

export type MinutesSection =
  | { id: 'introductions'; title: string; members: Said[] }
  | { id: 'reflect'; title: string; members: Said[]; requests: Requests }
  | {
      id: 'learning';
      title: string;
      format?: 'speaker' | 'dialogue' | undefined;
      topic?: string | undefined;
      speaker?: string | undefined;
      notes?: string | undefined;
      questions: string[];
      /** Questions and issues from earlier meetings answered at this one. */
      answered: string[];
    }
  | {
      id: 'next';
      title: string;
      members: Said[];
      /** At a first meeting, which has no Reflect: the requests made in What's Next. */
      requests?: Requests;
      decision: { topic?: string | undefined; speaker?: string | undefined; date?: string | undefined; notes?: string | undefined };
      /** At an outcome review: each outcome's rating, 1–5. */
      outcomes: Array<{ field: string; rating: number }>;
    };

/** What was said to each question the group discussed, in order. */
type Notes = Array<{ field: string; text: string }>;
/** A list the group went over: what it kept, dropped and added. */
type ListChanges = Record<'kept' | 'dropped' | 'added', string[]>;

/** The agreements a meeting set or came back to: what they are now, and how what changed was before. */
export type AgreementSection =
  | { id: 'purpose'; title: string; statement?: string | undefined; was?: string | undefined; vision?: { text: string; was?: string | undefined } | undefined; outcomes: Array<{ field: string; text: string; was?: string | undefined }> }
  | ({ id: 'ground_rules'; title: string; notes: Notes; reworded: Array<{ from: string; to: string }> } & ListChanges)
  | {
      id: 'format';
      title: string;
      sections: Array<{ title: string; minutes: number; was?: number | undefined }>;
      schedule: Array<{ field: 'cadence' | 'start' | 'location'; text: string; was?: string | undefined }>;
      traditions: ListChanges;
    };

/** The minutes of one meeting as printed (the file's shape is the meeting schema). */
export interface MinutesView {
  circle: string;
  date: string;
  number: number;
  public: boolean;
  facilitator?: string | undefined;
  /** Names of members and guests present, and members absent with their apologies; empty in public minutes (the counts stay). */
  present: string[];
  guests: string[];
  absent: Array<{ member: string; apology?: string | undefined }>;
  presentCount: number;
  guestCount: number;
  sections: Array<MinutesSection | AgreementSection>;
  /** The group's verdict at the close (members' minutes only). */
  verdict?: { useful?: number | undefined; change?: string | undefined } | undefined;
  notes?: string | undefined;
}

function said(entry: Entry, section: SectionId) {
  return {
    member: entry.member,
    private: entry.private,
    // At Reflect, the commitment they came in with first.
    answers: (section === 'reflect' ? ['commitment', ...memberFields(section)] : memberFields(section)).flatMap((field) => {
      const text = answerText(entry, field);
      // `confided`: this answer alone was kept in confidence.
      return text ? [{ field, text, ...(!entry.private && confided(entry, field) && { confided: true as const }) }] : [];
    }),
  };
}

const clean = (s: string | null | undefined) => s?.trim() || undefined;

/** The agreements in a meeting's minutes, in meeting order (public minutes leave out what was said). */
function agreements(circle: Pick<Circle, 'format'>, meeting: Meeting, pub: boolean): AgreementSection[] {
  const out: AgreementSection[] = [];
  const { purpose: p, ground_rules: r, format: f } = meeting;
  const notes = (section: SectionId, said: Record<string, string | undefined>): Notes =>
    discussed(section).flatMap((field) => (clean(said[field]) ? [{ field, text: clean(said[field])! }] : []));
  if (p) {
    const was = p.was ?? {};
    const outcomes = notes('purpose', p.notes).map((o) => ({ ...o, ...(was[o.field] !== undefined && { was: clean(was[o.field]) ?? '' }) }));
    const vision = clean(p.vision) && { text: clean(p.vision)!, ...(was.vision !== undefined && { was: clean(was.vision) ?? '' }) };
    out.push({ id: 'purpose', title: titleOf('purpose'), statement: clean(p.statement), ...(was.statement !== undefined && { was: clean(was.statement) ?? '' }), ...(vision && { vision }), outcomes });
  }
  if (r) out.push({ id: 'ground_rules', title: titleOf('ground_rules'), notes: pub ? [] : notes('ground_rules', r.notes), kept: r.kept, reworded: r.reworded, dropped: r.dropped, added: r.added });
  if (f) {
    const titleOfSection = (id: string) => circle.format.sections.find((s) => s.id === id)?.title ?? id;
    const was = f.was;
    const schedule = (['cadence', 'start', 'location'] as const).flatMap((field) => {
      const text = clean(f[field]);
      const before = was?.[field];
      return text || before !== undefined ? [{ field, text: text ?? '', ...(before !== undefined && { was: clean(before) ?? '' }) }] : [];
    });
    out.push({
      id: 'format',
      title: titleOf('format'),
      sections: Object.entries(f.sections ?? {}).map(([id, minutes]) => {
        const before = was?.sections?.[id];
        return { title: titleOfSection(id), minutes, ...(before !== undefined && before !== minutes && { was: before }) };
      }),
      schedule,
      traditions: f.traditions ?? { kept: [], dropped: [], added: [] },
    });
  }
  return out;
}

/** The three sections every meeting's minutes have, in this order unless the circle's format says otherwise. */
const SECTIONS = ['reflect', 'learning', 'next'] as const;

/** `number` is the meeting's place among the circle's meetings by date (the file's own may be stale). */
export function buildMinutes(circle: Pick<Circle, 'name' | 'format'>, meeting: Meeting, options: { public?: boolean; number?: number } = {}): MinutesView {
  const pub = Boolean(options.public);
  const title = (id: SectionId) => circle.format.sections.find((s) => s.id === id)?.title ?? titleOf(id);
  const rank = (id: string) => circle.format.sections.findIndex((s) => s.id === id);
  const order = [...SECTIONS.filter((id) => rank(id) >= 0).sort((a, b) => rank(a) - rank(b)), ...SECTIONS.filter((id) => rank(id) < 0)];

  const sections: Array<MinutesSection | AgreementSection> = [];
  if (!pub && meeting.introductions.length) {
    sections.push({ id: 'introductions', title: title('introductions'), members: meeting.introductions.map((i) => said(i, 'introductions')) });
  }
  sections.push(...agreements(circle, meeting, pub));
  // A circle's first meeting has no Reflect or Learning Together: its requests go with What's Next.
  const first = meeting.number === 1 && !meeting.reflect.members.length && !meeting.learning.topic && !meeting.learning.notes;
  const requests = meeting.reflect.requests
    .filter((r) => !(pub && r.private))
    .map((r) => ({ topic: r.topic.trim(), by: pub ? undefined : clean(r.by), private: r.private }));
  for (const id of first ? order.filter((id) => id === 'next') : order) {
    if (id === 'reflect') {
      sections.push({ id, title: title(id), members: pub ? [] : meeting.reflect.members.map((r) => said(r, 'reflect')).filter((s) => s.answers.length), requests });
    } else if (id === 'learning') {
      const l = meeting.learning;
      sections.push({
        id,
        title: title(id),
        format: l.format,
        topic: clean(l.topic),
        speaker: clean(l.speaker),
        notes: clean(l.notes),
        questions: l.questions.map((q) => q.trim()).filter(Boolean),
        // What was answered may be a member's own issue: kept to the members' minutes.
        answered: pub ? [] : l.answered.map((q) => q.trim()).filter(Boolean),
      });
    } else {
      const n = meeting.next;
      sections.push({
        id,
        title: title(id),
        members: pub ? [] : n.members.map((a) => said(a, 'next')).filter((s) => s.answers.length),
        ...(first && requests.length && { requests }),
        // The notes for next time are house-keeping: members' minutes only.
        decision: { topic: clean(n.topic), speaker: clean(n.speaker), date: n.date, notes: pub ? undefined : clean(n.notes) },
        outcomes: discussed('purpose').flatMap((field) => (n.outcomes?.[field] ? [{ field, rating: n.outcomes[field] }] : [])),
      });
    }
  }

  return {
    circle: circle.name,
    date: meeting.date,
    number: options.number ?? meeting.number,
    public: pub,
    facilitator: pub ? undefined : clean(meeting.facilitator),
    present: pub ? [] : meeting.attendance.present,
    guests: pub ? [] : meeting.attendance.guests,
    absent: pub ? [] : meeting.attendance.absent.map((a) => ({ member: a.member, apology: clean(a.apology) })),
    presentCount: meeting.attendance.present.length,
    guestCount: meeting.attendance.guests.length,
    sections,
    verdict: pub ? undefined : meeting.verdict,
    notes: pub ? undefined : clean(meeting.notes),
  };
}
