// What `circle send` mails, as data: who receives it, the recap of a meeting (what the
// group learned and decided, nothing said in confidence), and the words around each
// message (subject, greeting, introduction) from templates/prompts.yaml.
import { fill, longDate } from './words.js';
import { tagName } from './members.js';
import { nameKey } from './names.js';
import { answersTo, FIELD, mailWords as mailCatalogue } from './prompts.js';
import type { Meeting, Member } from './schema.js';

export type MailKind = 'agenda' | 'recap';

export interface Recipient {
  name: string;
  tag: string;
  email: string;
}

/** Active members with an address get the mail; those without one are named, so they can be given one. */
export function recipientsOf(members: readonly Member[]): { recipients: Recipient[]; noAddress: string[] } {
  const active = members.filter((m) => m.active);
  return {
    recipients: active.flatMap((m) => (m.email ? [{ name: m.name, tag: tagName(m), email: m.email }] : [])),
    noAddress: active.filter((m) => !m.email).map((m) => m.name),
  };
}

const clean = (s: string | undefined) => s?.trim() || undefined;

/**
 * A meeting's recap: what the group learned, each person's commitment, the topics asked for,
 * the next date and topic. It leaves out everything said in confidence, every reflection,
 * the apologies and the closing notes: a recap gets forwarded. A commitment kept in
 * confidence (the answer, or the whole entry) is left out, and so is a topic asked for in
 * confidence (and who asked for any).
 */
export function buildRecap(circle: string, m: Meeting) {
  const topics = new Map<string, string>();
  for (const r of m.reflect.requests) if (!r.private && r.topic.trim()) topics.set(nameKey(r.topic), r.topic.trim());
  return {
    circle,
    date: m.date,
    learning: {
      ...(clean(m.learning.topic) && { topic: clean(m.learning.topic) }),
      ...(clean(m.learning.speaker) && { speaker: clean(m.learning.speaker) }),
      ...(clean(m.learning.notes) && { notes: clean(m.learning.notes) }),
      questions: m.learning.questions.map((q) => q.trim()).filter(Boolean),
    },
    commitments: answersTo(m.next.members, FIELD.commitment).flatMap((a) => (a.private ? [] : [{ member: a.member, text: a.text }])),
    requests: [...topics.values()],
    next: { ...(m.next.date && { date: m.next.date }), ...(clean(m.next.topic) && { topic: clean(m.next.topic) }), ...(clean(m.next.speaker) && { speaker: clean(m.next.speaker) }) },
  };
}
export type Recap = ReturnType<typeof buildRecap>;

/** What fills the words' {placeholders}: the circle, the meeting's date written out, where and when. */
export interface MailFacts {
  circle: string;
  date: string;
  start?: string;
  place?: string;
  /** Who signs and takes the replies: the sender's name, else "your facilitator". */
  facilitator?: string;
}

/** The subject, greeting and introduction of one person's message. */
export function mailWords(kind: MailKind, facts: MailFacts, to: Recipient): { subject: string; greeting: string; intro: string; signature: string } {
  const mail = mailCatalogue();
  const words = mail[kind];
  const values = {
    circle: facts.circle,
    date: longDate(facts.date),
    start: facts.start ?? '',
    place: facts.place ? `, ${facts.place}` : '',
    facilitator: facts.facilitator ?? mail.facilitator,
    tag: to.tag,
    name: to.name,
  };
  return { subject: fill(words.subject, values), greeting: fill(words.greeting, values), intro: fill(words.intro, values), signature: fill(mail.signature, values) };
}
