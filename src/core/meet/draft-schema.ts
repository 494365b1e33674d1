// What .draft.yaml must hold to be resumed (read only when there is a draft to read).
import * as z from 'zod';
import { AGREEMENTS, type Agreements } from '../agreements.js';
import { isIsoDate } from '../dates.js';
import { currentStepId } from './step.js';

/** The agreements as the meeting found them (see agreementsOf). */
const agreementsSchema = z.object({
  purpose: z.string(),
  vision: z.string().optional(),
  outcomes: z.record(z.string(), z.string()),
  ground_rules: z.array(z.string()),
  sections: z.array(z.object({ id: z.string(), title: z.string(), minutes: z.number() })),
  cadence: z.string(),
  start: z.string(),
  location: z.string(),
  anchor: z.string().optional(),
  traditions: z.array(z.string()),
}) satisfies z.ZodType<Agreements>;

const value = z.union([z.string(), z.boolean(), z.array(z.string())]);
/** A mapping by step id, older names (`intro.…`, `rules.…`) read as today's. */
const byStep = <T extends z.ZodType>(v: T) => z.record(z.string(), v).transform((m) => Object.fromEntries(Object.entries(m).map(([id, x]) => [currentStepId(id), x])));

export const draftSchema = z.object({
  date: z.string().refine(isIsoDate),
  /** When the meeting started (ISO date-time). */
  started: z.string(),
  answers: byStep(value),
  /** When each answer was saved (ISO date-time): the section clocks are read from these. */
  at: byStep(z.string()),
  /** Agreements a regular meeting comes back to (`meet --revisit`). */
  revisit: z.array(z.enum(AGREEMENTS)).optional(),
  /** The agreements as the meeting found them, when it discusses any. */
  base: agreementsSchema.optional(),
  /** The items of a list answer typed so far, each saved at Enter, until the list is finished. */
  partial: byStep(z.array(z.string())).optional(),
  /** Answers taken back to be given again (going back, or a correction at the review): where the question starts. */
  was: byStep(value).optional(),
  /** A line typed but not yet entered when the meeting was interrupted: where the question starts on resume. */
  typed: byStep(z.string()).optional(),
  /** The answers the facilitator marked as kept in confidence (step ids). */
  confidential: z.array(z.string().transform(currentStepId)).optional(),
  /** Where the room view (`meet --room`) listens, so a resumed meeting keeps its address and an open page finds it again. */
  room: z.object({ host: z.string(), port: z.number().int().min(1).max(65535), token: z.string().regex(/^[\w-]{22,}$/) }).optional(),
});
