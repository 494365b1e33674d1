// The shape of a circle's files. These schemas are the authority on the data:
// every file is checked against them on load. Unknown keys are allowed (and kept
// on disk by the store); empty values (`key:` with nothing after it) count as absent.
import * as z from 'zod';
import { nameKey } from './names.js';
import { parseCadence } from './schedule.js';
import { isIsoDate } from './dates.js';

/** Control characters (terminal escape codes and the like); tab and newline are fine. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const HAS_CONTROL_CHARS = new RegExp(CONTROL_CHARS.source); // without the g flag, safe to reuse
const text = z
  .string({ error: 'expected text' })
  .refine((v) => !HAS_CONTROL_CHARS.test(v), { message: 'contains control characters (such as terminal escape codes)' });
/** A person's or circle's name: one line, no control characters. */
const name = (what: string) =>
  text
    .min(1, { message: `${what} needs a name` })
    .regex(/^[^\u0000-\u001f\u007f]*$/, { message: 'a name must be one line, without control characters' });
/** Optional text: absent, empty (`key:`) or a string. */
const optText = text.nullish().transform((v) => v ?? undefined);
const isoDate = z
  .string({ error: 'expected a date like 2026-11-24' })
  .refine(isIsoDate, { message: 'expected a real date as YYYY-MM-DD, e.g. 2026-11-24' });
const optDate = isoDate.nullish().transform((v) => v ?? undefined);
const hhmm = z
  .string({ error: 'expected a time like "18:00" (quote it)' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a 24-hour time like "18:00"' });
const minutes = z
  .number({ error: 'expected a number of minutes' })
  .int({ message: 'expected whole minutes' })
  .min(0, { message: 'minutes cannot be negative' })
  .max(24 * 60, { message: 'more than a day of minutes' });
const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .array(item, { error: 'expected a list (lines starting with "- ")' })
    .nullish()
    .transform((v) => v ?? []);

export const sectionSchema = z.object({
  id: z.string({ error: 'expected a section id such as reflect, learning or next' }),
  title: text,
  minutes,
  /** Per-question wording that replaces the default prompt: question id → text. */
  prompts: z.record(z.string(), text).nullish().transform((v) => v ?? undefined),
});

export const scheduleSchema = z.object({
  cadence: text.superRefine((value, ctx) => {
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

export const circleSchema = z.object({
  name: name('the circle'),
  created: isoDate,
  purpose: optText,
  vision: optText,
  outcomes: z
    .object({
      community: optText,
      together: optText,
      individually: optText,
      engagement: optText,
    })
    .nullish()
    .transform((v) => v ?? {}),
  ground_rules: list(text),
  format: z.object({
    sections: z.array(sectionSchema, { error: 'expected a list of sections' }).min(1, {
      message: 'the format needs at least one section',
    }),
  }),
  schedule: scheduleSchema,
  traditions: list(text),
  git: z
    .object({ commit: z.boolean({ error: 'expected true or false' }).nullish() })
    .nullish()
    .transform((v) => ({ commit: v?.commit ?? undefined })),
});

export const memberSchema = z.object({
  name: name('a member'),
  /** First name, big on the name tag. */
  tag: optText,
  organization: optText,
  joined: optDate,
  /** Their answer to "if your mission succeeded, what would the community look like?". */
  vision: optText,
  active: z
    .boolean({ error: 'expected true or false' })
    .nullish()
    .transform((v) => v ?? true),
});

export const membersSchema = z
  .object({ members: list(memberSchema) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.members.forEach((m, i) => {
      const key = nameKey(m.name);
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'name'],
          message: `"${m.name}" is listed twice; names must be unique`,
        });
      }
      seen.add(key);
    });
  });

export const introductionSchema = z.object({
  member: text,
  organization: optText,
  /** If your mission succeeded, what would the community look like? */
  vision: optText,
  /** What could this group accomplish for each other? */
  hopes: optText,
  private: z.boolean().nullish().transform((v) => v ?? false),
});

export const reflectionSchema = z.object({
  member: text,
  /** The commitment they came in with (copied from last time's "will practice"). */
  commitment: optText,
  tried: optText,
  surprised: optText,
  excited: optText,
  changed: optText,
  disappointing: optText,
  new_issues: optText,
  private: z.boolean({ error: 'expected true or false' }).nullish().transform((v) => v ?? false),
});

export const requestSchema = z.object({
  topic: text,
  by: optText,
  /** Raised in a reflection shared in confidence: left off agendas and public minutes. */
  private: z.boolean({ error: 'expected true or false' }).nullish().transform((v) => v ?? false),
});

export const nextAnswerSchema = z.object({
  member: text,
  stood_out: optText,
  will_practice: optText,
  wants_to_learn: optText,
  private: z.boolean({ error: 'expected true or false' }).nullish().transform((v) => v ?? false),
});

export const meetingSchema = z.object({
  date: isoDate,
  number: z.number({ error: 'expected a meeting number' }).int().min(1),
  facilitator: optText,
  attendance: z
    .object({
      present: list(text),
      guests: list(text),
    })
    .nullish()
    .transform((v) => v ?? { present: [], guests: [] }),
  introductions: list(introductionSchema),
  reflect: z
    .object({
      members: list(reflectionSchema),
      requests: list(requestSchema),
    })
    .nullish()
    .transform((v) => v ?? { members: [], requests: [] }),
  learning: z
    .object({
      format: z
        .enum(['speaker', 'dialogue'], { error: 'expected speaker or dialogue' })
        .nullish()
        .transform((v) => v ?? undefined),
      topic: optText,
      speaker: optText,
      notes: optText,
      questions: list(text),
    })
    .nullish()
    .transform(
      (v) => v ?? { format: undefined, topic: undefined, speaker: undefined, notes: undefined, questions: [] as string[] },
    ),
  next: z
    .object({
      members: list(nextAnswerSchema),
      topic: optText,
      speaker: optText,
      date: optDate,
    })
    .nullish()
    .transform((v) => v ?? { members: [], topic: undefined, speaker: undefined, date: undefined }),
  notes: optText,
});

export type Section = z.infer<typeof sectionSchema>;
export type Circle = z.infer<typeof circleSchema>;
export type Member = z.infer<typeof memberSchema>;
export type MembersFile = z.infer<typeof membersSchema>;
export type Introduction = z.infer<typeof introductionSchema>;
export type Reflection = z.infer<typeof reflectionSchema>;
export type NextAnswer = z.infer<typeof nextAnswerSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
