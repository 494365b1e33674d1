// The meeting in progress: every answer so far, by step id, and when each was given.
import type * as z from 'zod';
import type { draftSchema } from './draft-schema.js';
import { nameKey } from '../names.js';

export type Value = string | boolean | string[];

/** The meeting in progress, as .draft.yaml keeps it (its fields: meet/draft-schema.ts). */
export type Draft = z.output<typeof draftSchema>;

export function newDraft(date: string, now: string): Draft {
  return { date, started: now, answers: {}, at: {} };
}

/** A text answer, trimmed ('' when absent). */
export const textOf = (a: Value | undefined): string => (typeof a === 'string' ? a.trim() : '');
/** A list answer, trimmed, empty items left out. */
export const namesOf = (a: Value | undefined): string[] => (Array.isArray(a) ? a.map((s) => s.trim()).filter(Boolean) : []);
export const sameName = (a: string, b: string) => nameKey(a) === nameKey(b);

/**
 * The members ticked as present, as the draft keeps them. Never recomputed from
 * members.yaml: someone removed from it mid-meeting keeps the answers already given.
 */
export function present(draft: Draft): string[] {
  const ticked = namesOf(draft.answers.attendance);
  return ticked.filter((n, i) => ticked.findIndex((m) => sameName(m, n)) === i);
}

export function newcomers(draft: Draft): string[] {
  return namesOf(draft.answers.newcomers);
}

/** Everyone present who belongs to the circle after tonight: members ticked, then newcomers. */
export const everyone = (draft: Draft): string[] => [...present(draft), ...newcomers(draft)];

/**
 * The draft with the answer to `id` taken back, to be asked again: it stays as where the
 * question starts (`was`), and the time it was first given stays too (the sections' clocks
 * are read from those times, and a correction is not time spent in that section).
 */
export function reopen(draft: Draft, id: string): Draft {
  if (!(id in draft.answers)) return draft;
  const { [id]: value, ...answers } = draft.answers;
  return { ...draft, answers, was: { ...draft.was, [id]: value! } };
}

/** Whether the facilitator marked the answer to `id` as kept in confidence. */
export const inConfidence = (draft: Draft, id: string): boolean => draft.confidential?.includes(id) ?? false;
