// The meeting's words: every question `circle meet` asks, every section's title, the notes
// it shows and the labels the minutes print, from templates/prompts.yaml (bundled as
// data). The answer fields a meeting file holds for each person are derived from it too,
// so a question added there is asked, kept and printed. A circle rewords questions in its
// circle.yaml (format.sections[].prompts).
import data from '../../templates/prompts.yaml';
import { fill, words } from './words.js';

export type QuestionKind = 'text' | 'list' | 'confirm' | 'select' | 'checkbox';

export interface Question {
  id: string;
  ask: string;
  /** How the facilitator answers it (which keys): the terminal only, not the room view. */
  keys?: string;
  kind?: QuestionKind;
  /** Asked of each person in turn; a text answer is kept under `id` in their entry. */
  each?: boolean;
  /** How the answer is headed in print. */
  label?: string;
  /** select: value → what the choice says. */
  choices?: Record<string, string>;
  /** select: the choice that lets the facilitator type another answer. */
  other?: string;
  /** false: asked during the meeting but not printed on the agenda (a decision, new wording). */
  agenda?: false;
  /** text: answered in several lines (an empty line ends), kept as paragraphs. */
  long?: true;
}

export interface SectionWords {
  title: string;
  about?: string;
  hint?: string;
  questions: Question[];
  /** Notes shown during the meeting, with {placeholders}. */
  say?: Record<string, string>;
  /** Print labels of fields that are not asked (e.g. the commitment someone came in with). */
  labels?: Record<string, string>;
}

export const SECTION_IDS = ['opening', 'introductions', 'reflect', 'learning', 'next', 'closing', 'purpose', 'ground_rules', 'format'] as const;
export type SectionId = (typeof SECTION_IDS)[number];
/** The sections' words, and what `meet` says about its own keys and the review (`runner`). */
type Prompts = Record<SectionId, SectionWords> & { runner: Record<string, string> };

/** The words of the mails `circle send` writes: subjects, greetings, headings. */
interface MailWords {
  agenda: Record<'subject' | 'greeting' | 'intro', string>;
  recap: Record<'subject' | 'greeting' | 'intro' | 'learned' | 'topic' | 'speaker' | 'questions' | 'commitments' | 'requests' | 'next' | 'date' | 'none', string>;
  signature: string;
  facilitator: string;
}

/** The English words, as shipped (checked against this shape by test/core/prompts.test.ts): every language has the same sections and questions. */
export const PROMPTS = data as Prompts;
/** The words in the language being printed (core/words.ts). */
export const prompts = (): Prompts => words().catalogue as unknown as Prompts;
export const mailWords = (): MailWords => (words().catalogue as unknown as { mail: MailWords }).mail;

type Values = Record<string, string | number>;

/** A note from templates/prompts.yaml, filled in; `where` names it when it is missing. */
function note(text: string | undefined, where: string, values: Values): string {
  if (text === undefined) throw new Error(`templates/prompts.yaml: ${where}`);
  return fill(text, values);
}

/** A note of a section (`say`), filled in. */
export const say = (section: SectionId, key: string, values: Values = {}) => note(prompts()[section].say?.[key], `${section} has no note "${key}"`, values);

/** What `meet` says about its keys and the review, filled in. */
export const runnerSay = (key: string, values: Values = {}) => note(prompts().runner[key], `runner has no "${key}"`, values);

/** A section with this circle's wording: `format.sections[].prompts` replaces a question's `ask`. */
export function sectionFor(circle: { format: { sections: ReadonlyArray<{ id: string; prompts?: Record<string, string> | undefined }> } }, id: SectionId): SectionWords {
  const base = prompts()[id];
  const overrides = circle.format.sections.find((s) => s.id === id)?.prompts ?? {};
  return { ...base, questions: base.questions.map((q) => (overrides[q.id] ? { ...q, ask: overrides[q.id]! } : q)) };
}

/** The text answers kept for each person in a section: its `each` questions of kind text, in order. */
export function memberFields(section: SectionId): readonly string[] {
  return PROMPTS[section].questions.filter((q) => q.each && (q.kind ?? 'text') === 'text').map((q) => q.id);
}

/** What the group discusses in a section, noted once each: its text questions the agenda prints, in order. */
export function discussed(section: SectionId): readonly string[] {
  return PROMPTS[section].questions.filter((q) => !q.each && q.agenda !== false && (q.kind ?? 'text') === 'text').map((q) => q.id);
}

/** How a field is headed in print. */
export function labelOf(section: SectionId, field: string): string {
  return prompts()[section].questions.find((q) => q.id === field)?.label ?? prompts()[section].labels?.[field] ?? field;
}

export const titleOf = (section: SectionId): string => prompts()[section].title;

/** Fields the program gives a meaning of its own (checked to exist by the prompts test). */
export const FIELD = {
  /** What a member will put into practice: their commitment, followed up next time. */
  commitment: 'will_practice',
  /** What a member wants to learn next: a topic idea. */
  wish: 'wants_to_learn',
  /** New issues raised at Reflect: the agenda lists them. */
  issues: 'new_issues',
  organization: 'organization',
  vision: 'vision',
} as const;

/** A person's entry in a section of the minutes: who, plus their answers by field (see `answerText`), and which are kept in confidence. */
export type Entry = { member: string; private: boolean; in_confidence?: readonly string[] };

/** Whether a person's answer to `field` is kept in confidence: their whole entry is, or that answer is. */
export const confided = (entry: Entry, field: string): boolean => entry.private || (entry.in_confidence?.includes(field) ?? false);

/** A person's text answer to a field, trimmed; undefined when they said nothing. */
export function answerText(entry: Entry, field: string): string | undefined {
  const value = (entry as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Each person's text answer to a field, with who said it and whether in confidence. */
export function answersTo(entries: readonly Entry[], field: string): Array<{ member: string; text: string; private: boolean }> {
  return entries.flatMap((e) => {
    const text = answerText(e, field);
    return text ? [{ member: e.member.trim(), text, private: confided(e, field) }] : [];
  });
}
