// Running the meeting: ask each step not yet answered, in order, saving after each answer.
import { answer, coerce } from './answer.js';
import { sectionStatus, type SectionStatus } from './clock.js';
import type { Draft } from './draft.js';
import type { MeetingPlan, Step } from './step.js';
import { pendingStep, steps } from './steps.js';

/** Asks one step and gives back the raw answer. Interactive, answers-file and test prompters implement it. */
export interface Prompter {
  ask(step: Step, status: SectionStatus): Promise<unknown>;
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
    const raw = await fx.prompter.ask(step, sectionStatus(plan, draft, step.section, fx.now(), all));
    draft = answer(draft, step, raw, fx.now());
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
    asked.add(step.id);
    const checked = coerce(step, answers[step.id]);
    if (!checked.ok) bad.push(`${step.id}: ${checked.error}`);
    draft = checked.ok ? answer(draft, step, answers[step.id], draft.started) : answer(draft, step, undefined, draft.started);
  }
  return { bad, unknown: Object.keys(answers).filter((id) => !asked.has(id) && !(id in draft.answers)) };
}
