// The shape of a circle's files. These schemas are the authority on the data:
// every file is checked against them on load. A key they do not know is a problem
// (a misspelt `skips:` must not quietly cancel nothing), except keys of one's own,
// which start with `x-`: kept on disk, never read. Empty values (`key:` with nothing
// after it) count as absent.
import * as z from 'zod';
import { CONTROL_PROBLEM, nameKey, nameProblem, showName } from './names.js';
import { cadencePhrase, parseCadence } from './cadence.js';
import { LANGUAGES } from './languages.js';
import { isIsoDate, latestNextDate } from './dates.js';
import { discussed, memberFields, type SectionId } from './prompts.js';
import { editDistance, hasControlChars, isEmailAddress } from './text.js';

const text = z.string({ error: 'expected text' }).refine((v) => !hasControlChars(v), { message: CONTROL_PROBLEM });
/** A person's or circle's name: one line, no control characters (see nameProblem). */
const name = (what: string) =>
  z.string({ error: 'expected text' }).superRefine((v, ctx) => {
    const problem = nameProblem(v, what);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/** Absent or empty (`key:`) reads as undefined. */
const optional = <T extends z.ZodTypeAny>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const optText = optional(text);
const isoDate = z
  .string({ error: 'expected a date, written year-month-day, e.g. 2027-01-13' })
  .refine(isIsoDate, {
    error: (issue) =>
      /^\d{4}-\d{2}-\d{2}$/.test(String(issue.input))
        ? 'expected a real date as YYYY-MM-DD: this day does not exist'
        : 'dates are written year-month-day, e.g. 2027-01-13',
  });
const optDate = optional(isoDate);
/** The language the group meets in (and a meeting was written in): en when not given. */
const language = optional(z.enum(LANGUAGES, { error: `expected one of ${LANGUAGES.join(', ')}` }));
const hhmm = z
  .string({ error: 'expected a time like "18:00" (quote it)' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a 24-hour time like "18:00"' });
const minutes = z
  .number({ error: 'expected a number of minutes' })
  .int({ message: 'expected whole minutes' })
  .min(0, { message: 'minutes cannot be negative' })
  .max(24 * 60, { message: 'more than a day of minutes' });
/** What's Next reviews the outcomes every sixth meeting unless circle.yaml says otherwise. */
const DEFAULT_REVIEW_EVERY = 6;
/** A rating from 1 to 5 (the group's verdict, an outcome's progress). */
const rating = z
  .number({ error: 'expected a number from 1 to 5' })
  .int({ message: 'expected a whole number from 1 to 5' })
  .min(1, { message: 'expected a number from 1 to 5' })
  .max(5, { message: 'expected a number from 1 to 5' });
/** Keys that start with this are the reader's own: kept in the file, never read. */
const OWN_KEY_PREFIX = 'x-';

/** The known key a misspelt one most likely meant, if any is close. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const norm = (k: string) => k.toLowerCase().replace(/[\s-]/g, '_');
  let best: { key: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(norm(key), norm(k));
    if (d <= (k.length <= 4 ? 1 : 2) && (!best || d < best.d)) best = { key: k, d };
  }
  return best?.key;
}

function unknownKeyMessage(key: string, known: readonly string[], hint: string | undefined): string {
  const quoted = JSON.stringify(key);
  const close = closestKey(key, known);
  if (close) return `unknown key ${quoted}: did you mean "${close}"?`;
  if (hint) return `unknown key ${quoted}: ${hint}`;
  return `unknown key ${quoted}; known here: ${known.join(', ')}. A key of your own starts with ${OWN_KEY_PREFIX}, e.g. ${OWN_KEY_PREFIX}${key}`;
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A key that names a secret: such a value must never sit in a circle, which git shares. */
const SECRET_KEY = /(^|[^a-z])(pass|passwd|password|passphrase|secret|token|api_?key|credentials?)([^a-z]|$)/i;
const SECRET_MESSAGE =
  'looks like a password or other secret: a circle is shared through git, so mail settings and passwords live in your own ' +
  'configuration ($XDG_CONFIG_HOME/circle/mail.yaml, mode 600, or CIRCLE_SMTP_* variables). Remove it, and change that password if this file was ever shared';

/** The path of every secret-looking key in a value of one's own (`x-…`), nested or not. */
function secretKeys(value: unknown, path: Array<string | number>): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => secretKeys(v, [...path, i]));
  if (!isMapping(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => [...(SECRET_KEY.test(k.replace(/-/g, '_')) ? [[...path, k]] : []), ...secretKeys(v, [...path, k])]);
}

/**
 * A mapping with exactly these keys (plus keys of one's own). Each unknown key is its
 * own problem, found even when other values are wrong, so one `check` reports them all.
 * `hint` explains an unknown key that is no misspelling (e.g. a member's field at the top).
 */
function strictObject<S extends z.ZodRawShape>(shape: S, hint?: (key: string) => string | undefined): z.ZodType<z.output<z.ZodObject<S>>, z.input<z.ZodObject<S>>> {
  const known = Object.keys(shape);
  // Unknown keys are reported from the input, before the object (which then drops them,
  // zod's default and quickest way) is checked.
  return z.preprocess((value, ctx) => {
    if (isMapping(value)) {
      for (const key of Object.keys(value)) {
        if (key.startsWith(OWN_KEY_PREFIX)) {
          for (const path of secretKeys({ [key]: value[key] }, [])) ctx.addIssue({ code: 'custom', path, message: `"${path.at(-1)}" ${SECRET_MESSAGE}`, continue: true });
        }
        if (Object.hasOwn(shape, key) || key.startsWith(OWN_KEY_PREFIX)) continue;
        if (SECRET_KEY.test(key.replace(/-/g, '_'))) {
          ctx.addIssue({ code: 'unrecognized_keys', keys: [key], path: [key], message: `${JSON.stringify(key)} ${SECRET_MESSAGE}`, continue: true });
          continue;
        }
        // 'unrecognized_keys' lets the object's own problems be reported too (other issues stop a pipe).
        ctx.addIssue({ code: 'unrecognized_keys', keys: [key], path: [key], message: unknownKeyMessage(key, known, hint?.(key)), continue: true });
      }
    }
    return value;
  }, z.object(shape)) as unknown as z.ZodType<z.output<z.ZodObject<S>>, z.input<z.ZodObject<S>>>;
}

/** Optional text under each of these keys. */
const textFields = (keys: readonly string[]) => strictObject(Object.fromEntries(keys.map((k) => [k, optText])) as Record<string, typeof optText>);

const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .array(item, { error: 'expected a list (lines starting with "- ")' })
    .nullish()
    .transform((v) => v ?? []);

const sectionSchema = strictObject({
  id: z.string({ error: 'expected a section id such as reflect, learning or next' }),
  title: text,
  minutes,
  /** Per-question wording that replaces the default prompt: question id → text. */
  prompts: optional(z.record(z.string(), text)),
});

/** `cadence: every 2 weeks on Tuesday`, or the structured form every language shares (see cadencePhrase). */
const cadenceFields = strictObject({
  every: z.union([text, z.number()], { error: 'expected "week", "2 weeks" or "month"' }),
  on: text,
  nth: z.union([text, z.number()]).optional(),
}).transform(cadencePhrase);

const scheduleSchema = strictObject({
  cadence: z.union([text, cadenceFields], { error: 'expected a phrase such as "every 2 weeks on Tuesday", or every: and on:' }).superRefine((value, ctx) => {
    const parsed = parseCadence(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  }),
  /** A date the cadence counts from (for "every N weeks"); defaults to the circle's creation date. */
  anchor: optDate,
  start: hhmm,
  duration: minutes,
  location: optText,
  /** Dates with no meeting (holidays). */
  skip: list(isoDate),
});

export const circleSchema = strictObject({
  name: name('the circle'),
  created: isoDate,
  language,
  purpose: optText,
  vision: optText,
  /** What we want to be different: one answer to each question of the purpose discussion. */
  outcomes: textFields(discussed('purpose'))
    .nullish()
    .transform((v) => v ?? {}),
  ground_rules: list(text),
  format: strictObject({
    sections: z.array(sectionSchema, { error: 'expected a list of sections' }).min(1, {
      message: 'the format needs at least one section',
    }),
  }),
  schedule: scheduleSchema,
  traditions: list(text),
  /** Who facilitates (facilitators and co-facilitators, members or not): offered first at "Who is facilitating today?"; `meet` adds each new one. */
  facilitators: list(name('a facilitator')),
  /** Topics the group let go of (`circle topics drop`): asks up to that day leave the backlog. */
  dropped_topics: list(strictObject({ topic: text, on: isoDate })),
  /** Open questions and issues the group let go of (`circle questions drop`): raised up to that day, they are closed. */
  dropped_questions: list(strictObject({ question: text, on: isoDate })),
  /** Every this many meetings, What's Next asks how the group is moving towards each outcome (0: never). */
  review_outcomes_every: z
    .number({ error: 'expected a number of meetings, e.g. 6' })
    .int({ message: 'expected a whole number of meetings' })
    .min(0, { message: 'expected 0 (never) or more' })
    .nullish()
    .transform((v) => v ?? DEFAULT_REVIEW_EVERY),
  git: strictObject({ commit: z.boolean({ error: 'expected true or false' }).nullish() })
    .nullish()
    .transform((v) => ({ commit: v?.commit ?? undefined })),
});

const memberShape = {
  name: name('a member'),
  /** First name, big on the name tag. */
  tag: optText,
  organization: optText,
  joined: optDate,
  /** Their answer to "if your mission succeeded, what would the community look like?". */
  vision: optText,
  /** Where `circle send` mails the agenda and the recap. */
  email: z
    .string({ error: 'expected a mail address, e.g. ana@example.org' })
    .transform((v) => v.trim())
    .refine(isEmailAddress, { message: 'expected a mail address such as ana@example.org (no name or <brackets> around it)' })
    .nullish()
    .transform((v) => v || undefined),
  active: z
    .boolean({ error: 'expected true or false' })
    .nullish()
    .transform((v) => v ?? true),
};
export const memberSchema = strictObject(memberShape);

const MEMBER_KEYS = new Set(Object.keys(memberShape));

export const membersSchema = strictObject({ members: list(memberSchema) }, (key) =>
  MEMBER_KEYS.has(key) ? 'members are listed under "members:", each starting with "- name:"' : undefined,
).superRefine((file, ctx) => {
  const seen = new Map<string, string>();
  file.members.forEach((m, i) => {
    const key = nameKey(m.name);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, m.name);
      return;
    }
    const how = first === m.name ? '' : ` (it differs from ${showName(first)} only in ${first.toLowerCase() === m.name.toLowerCase() ? 'capital letters' : 'invisible characters or spacing'})`;
    ctx.addIssue({ code: 'custom', path: ['members', i, 'name'], message: `${showName(m.name)} is listed twice; names must be unique${how}` });
  });
});

/** Each person's text answers in a section, one optional field per question of templates/prompts.yaml. */
function answerFields(section: SectionId) {
  return Object.fromEntries(memberFields(section).map((f) => [f, optText])) as Record<string, typeof optText>;
}

const flag = z.boolean({ error: 'expected true or false' }).nullish().transform((v) => v ?? false);
/** The answers (their fields) kept in confidence, when not the whole entry is: `in_confidence: [new_issues]`. */
const confidedFields = (section: SectionId) => list(z.enum(memberFields(section) as [string, ...string[]]));

const introductionSchema = strictObject({ ...answerFields('introductions'), member: text, private: flag });

const reflectionSchema = strictObject({
  ...answerFields('reflect'),
  member: text,
  /** The commitment they came in with: their last "will practice" not yet reported on. */
  commitment: optText,
  /** The facilitator let that commitment go: it is no longer followed up. */
  dropped: flag,
  private: flag,
  in_confidence: confidedFields('reflect'),
});

const requestSchema = strictObject({
  topic: text,
  by: optText,
  /** Raised in a reflection, or an answer, shared in confidence: left off agendas and public minutes. */
  private: flag,
});

const nextAnswerSchema = strictObject({ ...answerFields('next'), member: text, private: flag, in_confidence: confidedFields('next') });

/** What the group said to each question it discussed in a section. */
const notesOf = (section: SectionId) => textFields(discussed(section)).nullish().transform((v) => v ?? {});
/** Kept, dropped and added items of a list the group went over (ground rules, traditions). */
const listChanges = {
  kept: list(text),
  dropped: list(text),
  added: list(text),
};

/** The purpose agreed: the discussion (which became the outcomes), the statement, and how what changed read before. */
const purposeEntrySchema = strictObject({
  notes: notesOf('purpose'),
  statement: optText,
  vision: optText,
  was: optional(textFields(['statement', 'vision', ...discussed('purpose')])),
});

const rulesEntrySchema = strictObject({
  notes: notesOf('ground_rules'),
  ...listChanges,
  reworded: list(strictObject({ from: text, to: text })),
});

/** How the meetings run, as agreed, and how what changed was before. */
const formatEntrySchema = strictObject({
  /** Minutes for each section, by section id. */
  sections: optional(z.record(z.string(), minutes)),
  cadence: optText,
  start: optional(hhmm),
  location: optText,
  /** The date an "every N weeks" cadence counts from, when this meeting set it. */
  anchor: optDate,
  traditions: optional(strictObject(listChanges)),
  was: optional(
    strictObject({
      sections: optional(z.record(z.string(), minutes)),
      cadence: optText,
      start: optText,
      location: optText,
    }),
  ),
});

export const meetingSchema = strictObject({
  date: isoDate,
  number: z.number({ error: 'expected a meeting number' }).int().min(1),
  language,
  facilitator: optText,
  attendance: strictObject({
      present: list(text),
      guests: list(text),
      /** Members who were not there, with the apology or note they sent. */
      absent: list(strictObject({ member: text, apology: optText })),
      /** The active members as known when the meeting ran: who was expected (missing from minutes written before it was kept). */
      expected: list(text).optional(),
    })
    .nullish()
    .transform((v) => v ?? { expected: undefined, present: [], guests: [], absent: [] }),
  introductions: list(introductionSchema),
  purpose: optional(purposeEntrySchema),
  ground_rules: optional(rulesEntrySchema),
  format: optional(formatEntrySchema),
  reflect: strictObject({
      members: list(reflectionSchema),
      requests: list(requestSchema),
    })
    .nullish()
    .transform((v) => v ?? { members: [], requests: [] }),
  learning: strictObject({
      format: optional(z.enum(['speaker', 'dialogue'], { error: 'expected speaker or dialogue' })),
      topic: optText,
      speaker: optText,
      notes: optText,
      questions: list(text),
      /** Questions and issues left open at earlier meetings that the group answered at this one. */
      answered: list(text),
    })
    .nullish()
    .transform(
      (v) => v ?? { format: undefined, topic: undefined, speaker: undefined, notes: undefined, questions: [] as string[], answered: [] as string[] },
    ),
  next: strictObject({
      members: list(nextAnswerSchema),
      topic: optText,
      speaker: optText,
      date: optDate,
      /** Notes for next time (who brings food, reminders): printed on the next agenda. */
      notes: optText,
      /** At an outcome review: how the group sees itself moving towards each outcome, 1–5. */
      outcomes: optional(strictObject(Object.fromEntries(discussed('purpose').map((k) => [k, optional(rating)])) as Record<string, ReturnType<typeof optional<typeof rating>>>)),
    })
    .nullish()
    .transform((v) => v ?? { members: [], topic: undefined, speaker: undefined, date: undefined, notes: undefined, outcomes: undefined }),
  /** The group's verdict at the close: how useful the meeting was (1–5) and one thing to change. */
  verdict: optional(strictObject({ useful: optional(rating), change: optText })),
  notes: optText,
}).superRefine((m, ctx) => {
  // Run even when other fields failed: only two real dates are compared.
  if (typeof m.date !== 'string' || !isIsoDate(m.date) || typeof m.next?.date !== 'string') return;
  const latest = latestNextDate(m.date);
  if (m.next.date > latest) {
    ctx.addIssue({ code: 'custom', path: ['next', 'date'], message: `at most two years after this meeting (by ${latest}); choose a nearer date` });
  }
});

export type Circle = z.infer<typeof circleSchema>;
export type Member = z.infer<typeof memberSchema>;
export type MembersFile = z.infer<typeof membersSchema>;
export type Reflection = z.infer<typeof reflectionSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
