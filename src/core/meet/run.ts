// Running the meeting: ask each step not yet answered, in order, saving after each answer.
import { answer, answerFor, coerce } from './answer.js';
import { sectionStatus, type SectionStatus } from './clock.js';
import type { Draft } from './draft.js';
import type { MeetingPlan, Step } from './step.js';
import { pendingStep, steps } from './steps.js';

/** What a prompter answers to leave the rest of a person's questions in this part unanswered (Esc). */
export const SKIP_REST = Symbol('skip the rest of this turn');

/** A list answer in progress: the items typed so far, and how to keep each new one at once. */
export interface ListProgress {
  items: string[];
  keep(items: string[]): Promise<void>;
}

/** Asks one step and gives back the raw answer (or SKIP_REST). Interactive, answers-file and test prompters implement it. */
export interface Prompter {
  ask(step: Step, status: SectionStatus, list: ListProgress): Promise<unknown>;
}

/**
 * The draft with `step` and the later text questions of the same person in the same part
 * left unanswered. Their yes-or-no questions (keep it in confidence? keep the commitment
 * open?) are still asked: skipping never decides them.
 */
export function skipRest(plan: MeetingPlan, draft: Draft, step: Step, at: string): Draft {
  const same = (s: Step) => s.section === step.section && s.member === step.member && s.kind === 'text' && !(s.id in draft.answers);
  for (let next: Step | undefined = step; next; next = steps(plan, draft).find(same)) draft = answer(draft, next, undefined, at);
  return draft;
}

export interface RunEffects {
  prompter: Prompter;
  /** Called after each answer with the new draft; the answer counts as kept once this resolves. */
  save(draft: Draft, step: Step): Promise<void>;
  /** The time now, ISO. */
  now(): string;
}

export async function runMeeting(plan: MeetingPlan, draft: Draft, fx: RunEffects): Promise<Draft> {
  for (;;) {
    const all = steps(plan, draft); // once per answer: the answers so far decide what comes next
    const step = pendingStep(all, draft);
    if (!step) return draft;
    const list: ListProgress = {
      items: draft.partial?.[step.id] ?? [],
      keep: async (items) => {
        draft = { ...draft, partial: { ...draft.partial, [step.id]: items } };
        await fx.save(draft, step);
      },
    };
    const raw = await fx.prompter.ask(step, sectionStatus(plan, draft, step.section, fx.now(), all), list);
    const { [step.id]: _done, ...partial } = draft.partial ?? {};
    draft = { ...draft, partial };
    draft = raw === SKIP_REST && step.member ? skipRest(plan, draft, step, fx.now()) : answer(draft, step, raw === SKIP_REST ? undefined : raw, fx.now());
    await fx.save(draft, step);
  }
}

/**
 * Play an answers file (step id → raw answer) through the meeting without saving
 * anything: every bad value (the step then takes its default, so later steps are still
 * checked) and every id the meeting never asks.
 */
export function rehearse(plan: MeetingPlan, draft: Draft, answers: Readonly<Record<string, unknown>>): { bad: string[]; unknown: string[] } {
  const asked = new Set<string>();
  const bad: string[] = [];
  for (;;) {
    const step = pendingStep(steps(plan, draft), draft);
    if (!step) break;
    const { key, raw } = answerFor(step, answers, plan.members);
    if (key) asked.add(key);
    const checked = coerce(step, raw);
    if (!checked.ok) bad.push(`${key ?? step.id}: ${checked.error}`);
    draft = answer(draft, step, checked.ok ? raw : undefined, draft.started);
  }
  return { bad, unknown: Object.keys(answers).filter((id) => !asked.has(id) && !(id in draft.answers)) };
}
