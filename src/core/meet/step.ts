// The building block of a meeting: a step (one question, asked once or of one person)
// and how a section's questions in templates/prompts.yaml become steps.
import { tagName } from '../members.js';
import { sectionFor, type SectionWords, type SectionId, type Question, type QuestionKind } from '../prompts.js';
import type { Memory } from '../memory.js';
import type { Circle, Meeting, Member } from '../schema.js';
import { fill } from '../words.js';
import { sameName, type Value } from './draft.js';

/** What does not change while the meeting runs. */
export interface MeetingPlan {
  circle: Circle;
  members: Member[];
  /** The meeting before this one (by date); undefined at a circle's first meeting. */
  last: Meeting | undefined;
  date: string;
  /** Its place among the circle's meetings by date. */
  number: number;
  /** What is open from the meetings before it: commitments, the topic backlog. */
  memory: Memory;
}

/**
 * `make` worked out once per plan: what depends on the plan alone is the same for every
 * answer, and the steps are worked out again after each one. The result is shared: never changed.
 */
export function perPlan<T>(make: (plan: MeetingPlan) => T): (plan: MeetingPlan) => T {
  const made = new WeakMap<MeetingPlan, T>();
  return (plan) => {
    if (!made.has(plan)) made.set(plan, make(plan));
    return made.get(plan)!;
  };
}

/** The sections of a meeting, in the order they are asked. */
export const MEETING_SECTIONS = [
  'opening',
  'introductions',
  'purpose',
  'ground_rules',
  'format',
  'reflect',
  'learning',
  'next',
  'closing',
] as const satisfies readonly SectionId[];
export type MeetingSection = (typeof MEETING_SECTIONS)[number];

export interface StepChoice {
  name: string;
  value: string;
  /** Other names an answers file may use for it, e.g. a member's name tag. */
  also?: string[];
}

export interface Step {
  /** Where the answer is kept in the draft and named in an answers file, e.g. `reflect.Ana Souza.tried`. */
  id: string;
  section: MeetingSection;
  member?: string;
  kind: QuestionKind;
  question: string;
  /** How the facilitator answers it, shown after the question in the terminal only. */
  keys?: string;
  /** Shown when the member's turn begins (or resumes), e.g. the commitment they came in with. */
  note?: string;
  default?: Value;
  /** text: the default is put in the answer, ready to edit (the current wording of a rule). */
  edit?: true;
  /** text: several lines (notes, the purpose), kept as paragraphs. */
  long?: true;
  /** A person's answer in Reflect or What's Next: the facilitator may mark it as kept in confidence. */
  confide?: true;
  choices?: StepChoice[];
  /** select: the choice that lets the facilitator type another answer (its label). */
  other?: string;
  validate?: (value: Value) => true | string;
}

/** The sections where one person's answer may be kept in confidence (and a request raised in it with it). */
const CONFIDED: readonly MeetingSection[] = ['reflect', 'next'];

/**
 * How an answer is named in the draft: `SECTION.question`, or `SECTION.NAME.question` for a
 * person's (`introductions.NAME.vision`, `reflect.requests`). The opening and closing name
 * theirs plainly (`facilitator`, `notes`), an absent member's apology `absent.NAME.apology`.
 */
export function stepId(section: MeetingSection, question: string, member?: string): string {
  const prefix = section === 'opening' ? (member ? 'absent' : '') : section === 'closing' ? '' : section;
  return [prefix, member, question].filter(Boolean).join('.');
}

/** Prefixes older drafts and answers files use (`intro.NAME.vision`, `rules.2`), read as today's. */
const FORMER_PREFIX: Readonly<Record<string, MeetingSection>> = { intro: 'introductions', rules: 'ground_rules' };

/** A step id as today's meeting names it, from today's or an older name. */
export function currentStepId(id: string): string {
  const dot = id.indexOf('.');
  const section = dot > 0 ? FORMER_PREFIX[id.slice(0, dot)] : undefined;
  return section ? section + id.slice(dot) : id;
}

/** A section's questions in the circle's words, made into steps. */
export class Asker {
  readonly words: SectionWords;
  constructor(
    readonly section: MeetingSection,
    readonly plan: MeetingPlan,
  ) {
    this.words = sectionFor(plan.circle, section);
  }

  step(q: Question, extra: Partial<Step> = {}, member?: string, values: Record<string, string | number> = {}): Step {
    return {
      id: stepId(this.section, q.id, member),
      section: this.section,
      ...(member && { member }),
      kind: q.kind ?? 'text',
      question: fill(q.ask, { ...(member && { name: member, tag: tagOf(this.plan, member) }), ...values }),
      ...(q.keys && { keys: q.keys }),
      ...(q.choices && { choices: Object.entries(q.choices).map(([value, name]) => ({ name, value })) }),
      ...(q.other && { other: q.other }),
      ...(q.long && { long: true }),
      ...(member && q.each && (q.kind ?? 'text') === 'text' && CONFIDED.includes(this.section) && { confide: true }),
      ...extra,
    };
  }

  /** The question `id`, asked once, or of `member`. */
  one(id: string, extra: Partial<Step> = {}, values: Record<string, string | number> = {}, member?: string): Step {
    const q = this.words.questions.find((x) => x.id === id);
    if (!q) throw new Error(`templates/prompts.yaml: ${this.section} has no question "${id}"`);
    return this.step(q, extra, member, values);
  }

  /** The text questions asked of each person, for `member`. */
  each(member: string, extra: Partial<Step> = {}, keep: (q: Question) => boolean = () => true): Step[] {
    return this.words.questions.filter((q) => q.each && (q.kind ?? 'text') === 'text' && keep(q)).map((q) => this.step(q, extra, member));
  }
}

/** How a person is addressed: their name tag (members.yaml), else their first name. */
export function tagOf(plan: MeetingPlan, name: string): string {
  return tagName(plan.members.find((m) => sameName(m.name, name)) ?? { name });
}
