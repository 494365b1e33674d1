// Answers: a raw answer (typed, or read from an answers file) checked and turned into
// the value its step keeps, and the reducer that adds it to the draft.
import { CONTROL_CHARS } from '../schema.js';
import type { QuestionKind } from '../prompts.js';
import { sameName, type Draft, type Value } from './draft.js';
import type { Step } from './step.js';

type Checked = { ok: true; value: Value } | { ok: false; error: string };

/** Typed or pasted text without control characters (which the minutes may not hold). */
const clean = (s: string) => s.replace(CONTROL_CHARS, '').trim();
const fail = (error: string): Checked => ({ ok: false, error });

function yesNo(raw: unknown): Checked {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (typeof raw === 'string' && /^(y|yes|true)$/i.test(raw.trim())) return { ok: true, value: true };
  if (typeof raw === 'string' && /^(n|no|false)$/i.test(raw.trim())) return { ok: true, value: false };
  return fail('expected yes or no');
}

function oneText(raw: unknown): Checked {
  if (typeof raw !== 'string' && typeof raw !== 'number') return fail('expected text');
  return { ok: true, value: clean(String(raw)) };
}

function listOf(raw: unknown): Checked {
  const items = Array.isArray(raw) ? raw : [raw];
  if (!items.every((i) => typeof i === 'string' || typeof i === 'number')) return fail('expected a list of text');
  return { ok: true, value: items.map((i) => clean(String(i))).filter(Boolean) };
}

/** Names picked among the choices: a full name, or another name (a tag) only one choice has; in the choices' order. */
function picked(raw: unknown, step: Step): Checked {
  const list = listOf(raw);
  if (!list.ok) return list;
  const choices = step.choices ?? [];
  const hits = new Set<string>();
  for (const v of list.value as string[]) {
    const byOther = choices.filter((c) => (c.also ?? []).some((a) => sameName(a, v)));
    const hit = choices.find((c) => sameName(c.value, v)) ?? (byOther.length === 1 ? byOther[0] : undefined);
    if (!hit) return fail(choices.length ? `"${v}" is not one of: ${choices.map((c) => c.value).join(', ')}` : `"${v}": there is nobody to choose`);
    hits.add(hit.value);
  }
  return { ok: true, value: choices.map((c) => c.value).filter((v) => hits.has(v)) };
}

function chosen(raw: unknown, step: Step): Checked {
  const one = oneText(raw);
  if (!one.ok || step.other) return one;
  const choices = step.choices ?? [];
  return choices.some((c) => c.value === one.value) ? one : fail(`expected one of: ${choices.map((c) => c.value).join(', ')}`);
}

/** How each kind of step reads a raw answer. */
const READ: Record<QuestionKind, (raw: unknown, step: Step) => Checked> = {
  text: oneText,
  list: listOf,
  confirm: yesNo,
  select: chosen,
  checkbox: picked,
};

const EMPTY: Record<QuestionKind, Value> = { text: '', list: [], confirm: false, select: '', checkbox: [] };

/** A raw answer as the value its step keeps; absent takes the step's default. */
export function coerce(step: Step, raw: unknown): Checked {
  const checked = raw === undefined || raw === null ? { ok: true as const, value: step.default ?? EMPTY[step.kind] } : READ[step.kind](raw, step);
  if (!checked.ok) return checked;
  const verdict = step.validate?.(checked.value) ?? true;
  return verdict === true ? checked : fail(verdict);
}

/** The reducer: the draft with this step answered. Throws on a bad value. */
export function answer(draft: Draft, step: Step, raw: unknown, at: string): Draft {
  const checked = coerce(step, raw);
  if (!checked.ok) throw new Error(`${step.id}: ${checked.error}`);
  return { ...draft, answers: { ...draft.answers, [step.id]: checked.value }, at: { ...draft.at, [step.id]: at } };
}
