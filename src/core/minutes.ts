// One meeting's minutes as data, in meeting order, for every format (and `--json`).
//
// Public minutes (`public: true`) are for people outside the circle. They keep what the
// group learned and decided: the topic, format, speaker, the notes of Learning Together
// (as written: they may name people) and its questions, the topics asked for (without
// who asked, and none raised in confidence), the topic, speaker and date chosen for next
// time, and how many came. They leave out every member's own words: the list of who
// came, the facilitator, introductions, every reflection at Reflect, every What's Next
// answer (private or not), and the meeting's closing notes (house-keeping).
import { memberFields, titleOf, type PartId } from './prompts.js';
import { answerText, type Circle, type Entry, type Meeting } from './schema.js';

interface MinutesOptions {
  public?: boolean;
}

/** One person's answers in a part, in the order the questions are asked. */
export interface Said {
  member: string;
  private: boolean;
  answers: Array<{ field: string; text: string }>;
}

export type MinutesSection =
  | { id: 'introductions'; title: string; members: Said[] }
  | { id: 'reflect'; title: string; members: Said[]; requests: Array<{ topic: string; by?: string | undefined }> }
  | {
      id: 'learning';
      title: string;
      format?: 'speaker' | 'dialogue' | undefined;
      topic?: string | undefined;
      speaker?: string | undefined;
      notes?: string | undefined;
      questions: string[];
    }
  | {
      id: 'next';
      title: string;
      members: Said[];
      decision: { topic?: string | undefined; speaker?: string | undefined; date?: string | undefined };
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
  sections: MinutesSection[];
  notes?: string | undefined;
}

/** The fields printed for each person in a part; at Reflect, the commitment they came in with first. */
const printed = (part: PartId): readonly string[] => (part === 'reflect' ? ['commitment', ...memberFields(part)] : memberFields(part));

function said(entry: Entry, part: PartId): Said {
  return {
    member: entry.member,
    private: entry.private,
    answers: printed(part).flatMap((field) => {
      const text = answerText(entry, field);
      return text ? [{ field, text }] : [];
    }),
  };
}

const clean = (s: string | undefined) => s?.trim() || undefined;

/** The three parts every meeting's minutes have, in this order unless the circle's format says otherwise. */
const PARTS = ['reflect', 'learning', 'next'] as const;

/** `number` is the meeting's place among the circle's meetings by date (the file's own may be stale). */
export function buildMinutes(circle: Pick<Circle, 'name' | 'format'>, meeting: Meeting, options: MinutesOptions & { number?: number } = {}): MinutesView {
  const pub = Boolean(options.public);
  const title = (id: PartId) => circle.format.sections.find((s) => s.id === id)?.title ?? titleOf(id);
  const rank = (id: string) => circle.format.sections.findIndex((s) => s.id === id);
  const order = [...PARTS.filter((id) => rank(id) >= 0).sort((a, b) => rank(a) - rank(b)), ...PARTS.filter((id) => rank(id) < 0)];

  const sections: MinutesSection[] = [];
  if (!pub && meeting.introductions.length) {
    sections.push({ id: 'introductions', title: title('introductions'), members: meeting.introductions.map((i) => said(i, 'introductions')) });
  }
  for (const id of order) {
    if (id === 'reflect') {
      sections.push({
        id,
        title: title(id),
        members: pub ? [] : meeting.reflect.members.map((r) => said(r, 'reflect')).filter((s) => s.answers.length),
        requests: meeting.reflect.requests
          .filter((r) => !(pub && r.private))
          .map((r) => ({ topic: r.topic.trim(), by: pub ? undefined : clean(r.by) })),
      });
    } else if (id === 'learning') {
      const l = meeting.learning;
      sections.push({ id, title: title(id), format: l.format, topic: clean(l.topic), speaker: clean(l.speaker), notes: clean(l.notes), questions: l.questions.map((q) => q.trim()).filter(Boolean) });
    } else {
      const n = meeting.next;
      sections.push({
        id,
        title: title(id),
        members: pub ? [] : n.members.map((a) => said(a, 'next')).filter((s) => s.answers.length),
        decision: { topic: clean(n.topic), speaker: clean(n.speaker), date: n.date },
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
    notes: pub ? undefined : clean(meeting.notes),
  };
}
