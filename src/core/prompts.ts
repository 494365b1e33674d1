// The questions for each part of a meeting. Defaults come from templates/prompts.yaml;
// a circle rewords any of them with format.sections[].prompts.
import * as z from 'zod';
import type { Circle } from './schema.js';

const questionSchema = z.object({ id: z.string(), ask: z.string() });
const partSchema = z.object({
  title: z.string().optional(),
  about: z.string(),
  questions: z.array(questionSchema),
});

export const promptsSchema = z.object({
  introductions: partSchema,
  reflect: partSchema,
  learning: partSchema,
  next: partSchema,
  purpose: partSchema,
  ground_rules: partSchema,
  format: partSchema,
});

export type Part = z.infer<typeof partSchema>;
export type Prompts = z.infer<typeof promptsSchema>;
export type PartId = keyof Prompts;

/** A part's questions in this circle's words: its section's `prompts` override the defaults. */
export function partFor(prompts: Prompts, circle: Pick<Circle, 'format'>, id: PartId): Part {
  const base = prompts[id];
  const overrides = circle.format.sections.find((s) => s.id === id)?.prompts ?? {};
  return {
    ...base,
    questions: base.questions.map((q) => ({ id: q.id, ask: overrides[q.id] ?? q.ask })),
  };
}
