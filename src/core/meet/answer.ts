// Answers: a raw answer (typed, or read from an answers file) checked and turned into
// the value its step keeps, and the reducer that adds it to the draft.
import { CONTROL_CHARS } from '../text.js';
import { memberFields, type SectionId, type QuestionKind } from '../prompts.js';
import type { Member } from '../schema.js';
import { findMember, searchKey } from '../members.js';
import { nameKey } from '../names.js';
import type { Draft, Value } from './draft.js';
import { currentStepId, type Step, type StepChoice } from './step.js';

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

/**
 * The choice typed text means: its value, else one of its other names (a name tag, a
 * number, a key), else a name found as members are (first name, start of the name;
 * accents and case aside).
 */
function choiceFor(step: Step, typed: string): StepChoice | undefined {
  const choices = step.choices ?? [];
  const key = searchKey(typed);
  const exact = choices.find((c) => nameKey(c.value) === nameKey(typed));
  if (exact) return exact;
  const named = choices.filter((c) => (c.also ?? []).some((a) => searchKey(a) === key));
  if (named.length === 1) return named[0];
  const hit = findMember(choices.map((c) => ({ name: c.value })), typed);
  return hit.found ? choices[hit.index] : undefined;
}

/** Names picked among the choices, in the choices' order. */
function picked(raw: unknown, step: Step): Checked {
  const list = listOf(raw);
  if (!list.ok) return list;
  const choices = step.choices ?? [];
  const hits = new Set<string>();
  for (const v of list.value as string[]) {
    const hit = choiceFor(step, v);
    if (!hit) return fail(choices.length ? `"${v}" is not one of: ${choices.map((c) => c.value).join(', ')}` : `"${v}": there is nobody to choose`);
    hits.add(hit.value);
  }
  return { ok: true, value: choices.map((c) => c.value).filter((v) => hits.has(v)) };
}

/** One of the choices (a person's name as `picked` reads it); with `other`, any text not among them too. */
function chosen(raw: unknown, step: Step): Checked {
  const one = oneText(raw);
  if (!one.ok) return one;
  const choices = step.choices ?? [];
  const hit = choices.find((c) => c.value === one.value) ?? (choices.some((c) => c.also) ? choiceFor(step, one.value as string) : undefined);
  if (hit) return { ok: true, value: hit.value };
  return step.other ? one : fail(`expected one of: ${choices.map((c) => c.value).join(', ')}`);
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

/**
 * The answer an answers file gives `step`, and under which key: its id (or its older name,
 * `intro.…`), or the same id with the person named another way (`reflect.Zoe.tried` for
 * Zoë Müller, or by her name tag).
 */
export function answerFor(step: Step, answers: Readonly<Record<string, unknown>>, members: readonly Member[]): { key?: string; raw: unknown } {
  if (step.id in answers) return { key: step.id, raw: answers[step.id] };
  const at = step.member ? step.id.indexOf(step.member) : -1;
  const [head, tail] = [step.id.slice(0, at), step.id.slice(at + (step.member?.length ?? 0))];
  const people = !step.member || members.some((m) => m.name === step.member) ? members : [...members, { name: step.member }];
  for (const key of Object.keys(answers)) {
    const id = currentStepId(key);
    if (id === step.id) return { key, raw: answers[key] };
    if (!step.member || !id.startsWith(head) || !id.endsWith(tail) || id.length <= head.length + tail.length) continue;
    if (findMember(people, id.slice(head.length, id.length - tail.length)).found?.name === step.member) return { key, raw: answers[key] };
  }
  return { raw: undefined };
}
/** How an answers file marks a person's answers as kept in confidence: `reflect.NAME.in_confidence: [new_issues]`, as the minutes do. */
const CONFIDED_KEY = 'in_confidence';

/** Whether an answers file marks `step`'s answer as kept in confidence, under which key, and what is wrong with that key. */
export function confidedFor(step: Step, answers: Readonly<Record<string, unknown>>, members: readonly Member[]): { key?: string; confided: boolean; error?: string } {
  if (!step.confide) return { confided: false };
  const dot = step.id.lastIndexOf('.');
  const { key, raw } = answerFor({ ...step, id: `${step.id.slice(0, dot)}.${CONFIDED_KEY}` }, answers, members);
  if (!key) return { confided: false };
  const list = listOf(raw);
  if (!list.ok) return { key, confided: false, error: list.error };
  const fields = memberFields(step.section as SectionId);
  const wrong = (list.value as string[]).find((f) => !fields.includes(f));
  if (wrong) return { key, confided: false, error: `"${wrong}" is not one of: ${fields.join(', ')}` };
  return { key, confided: (list.value as string[]).includes(step.id.slice(dot + 1)) };
}
