// templates/prompts.yaml is the one place for the meeting's words and the answer fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { FIELD, memberFields, SECTION_IDS, PROMPTS } from '../../src/core/prompts.js';
import { repoRoot } from '../helpers.js';

/** The sections of words printed around the meeting's parts, not parts themselves. */
const PRINT_WORDS = ['mail', 'dates', 'agenda', 'minutes', 'nametags', 'calendar', 'schedule', 'agreements', 'history', 'topics', 'questions', 'practice', 'stats', 'cadence', 'room', 'document', 'list'];

const question = z.strictObject({
  id: z.string().regex(/^[a-z_]+$/),
  ask: z.string().min(1),
  keys: z.string().optional(),
  kind: z.enum(['text', 'list', 'confirm', 'select', 'checkbox']).optional(),
  each: z.boolean().optional(),
  label: z.string().optional(),
  choices: z.record(z.string(), z.string()).optional(),
  other: z.string().optional(),
  agenda: z.literal(false).optional(),
  long: z.literal(true).optional(),
});
const part = z.strictObject({
  title: z.string().min(1),
  about: z.string().optional(),
  hint: z.string().optional(),
  questions: z.array(question).min(1),
  say: z.record(z.string(), z.string()).optional(),
  labels: z.record(z.string(), z.string()).optional(),
});

describe('templates/prompts.yaml', () => {
  it('has every part, each question once, and a print label for every answer kept per person', () => {
    expect(Object.keys(PROMPTS).filter((k) => !PRINT_WORDS.includes(k)).sort()).toEqual([...SECTION_IDS, 'runner'].sort());
    z.record(z.string(), z.string()).parse(PROMPTS.runner);
    z.record(z.string(), z.string()).parse((PROMPTS as unknown as Record<string, unknown>).room);
    for (const id of SECTION_IDS) {
      const p = part.parse(PROMPTS[id]);
      expect(new Set(p.questions.map((q) => q.id)).size, id).toBe(p.questions.length);
      for (const q of p.questions.filter((q) => q.each && (q.kind ?? 'text') === 'text')) expect(q.label, `${id}.${q.id}`).toBeTruthy();
    }
    expect(memberFields('next')).toContain(FIELD.commitment);
    expect(memberFields('next')).toContain(FIELD.wish);
    expect(memberFields('reflect')).toContain(FIELD.issues);
    expect(memberFields('introductions')).toEqual(expect.arrayContaining([FIELD.organization, FIELD.vision]));
  });

  it('is the program\'s data as shipped (the build bundles the same file)', () => {
    expect(PROMPTS).toEqual(parse(readFileSync(join(repoRoot, 'templates', 'prompts.yaml'), 'utf8')));
  });

  it('a question added there is asked of each person, kept in the minutes, accepted by check and printed', async () => {
    const added = structuredClone(PROMPTS);
    added.reflect.questions.splice(1, 0, { id: 'learned_from', each: true, ask: 'Who did you learn from, {tag}?', label: 'Learned from' });
    vi.resetModules();
    vi.doMock('../../templates/prompts.yaml', () => ({ default: added }));
    const { steps, newDraft, answer, toMinutes } = await import('../../src/core/meet/index.js');
    const { meetingSchema } = await import('../../src/core/schema.js');
    const { buildMinutes } = await import('../../src/core/minutes.js');
    const { minutesDocument } = await import('../../src/render/minutes.js');
    const { toMarkdown } = await import('../../src/render/markdown.js');
    const { plan } = await import('./fixtures.js');
    const p = plan();
    let d = newDraft(p.date, '2026-11-17T18:00:00Z');
    d = answer(d, steps(p, d).find((s) => s.id === 'attendance')!, ['Hương'], d.started);
    const step = steps(p, d).find((s) => s.id === 'reflect.Đặng Thu Hương.learned_from')!;
    expect(step.question).toBe('Who did you learn from, Hương?');
    d = answer(d, step, 'José, about rotas', d.started);
    const minutes = meetingSchema.parse(toMinutes(p, d));
    expect(minutes.reflect.members[0]).toMatchObject({ member: 'Đặng Thu Hương', learned_from: 'José, about rotas' });
    expect(toMarkdown(minutesDocument(buildMinutes(p.circle, minutes)))).toContain('**Learned from:** José, about rotas');
    vi.doUnmock('../../templates/prompts.yaml');
    vi.resetModules();
  });
});
