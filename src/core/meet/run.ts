// Running the meeting: ask each step not yet answered, in order, saving after each answer;
// going back a question, and the review of every answer before the minutes are written.
import { answer, answerFor, coerce, confidedFor } from './answer.js';
import { sectionTitle, sectionStatus, type SectionStatus } from './clock.js';
import { inConfidence, reopen, type Draft } from './draft.js';
import type { MeetingSection, MeetingPlan, Step } from './step.js';
import { pendingStep, stepsSoFar } from './steps.js';

/** What a prompter answers to leave the rest of a person's questions in this section unanswered (Esc). */
export const SKIP_REST = Symbol('skip the rest of this turn');
/** What a prompter answers to go back to the question before (at the review: to the last one). */
export const BACK = Symbol('back to the previous question');

/** An answer the facilitator marked as kept in confidence. */
export class Confided {
  constructor(readonly value: unknown) {}
}

/** Where a question starts, and how to keep the items of a list (or the lines of a long answer) as they are typed. */
export interface Progress {
  /** The items (or lines) typed so far. */
  items: string[];
  /** The line typed but not entered when the meeting was interrupted. */
  typed?: string | undefined;
  /** The answer was marked as kept in confidence (it is being given again). */
  confided: boolean;
  keep(items: string[]): Promise<void>;
}

/** One answer as the review shows it: by section, then person. */
export type ReviewEntry = ReturnType<typeof reviewOf>[number];

/**
 * Asks one step and gives back the raw answer, SKIP_REST, BACK or a Confided answer.
 * Interactive, answers-file and test prompters implement it. One with `review` is shown
 * every answer before the minutes are written: it gives back the id of a step to
 * correct, BACK, or undefined to write them.
 */
export interface Prompter {
  ask(step: Step, status: SectionStatus, progress: Progress): Promise<unknown>;
  review?(entries: ReviewEntry[]): Promise<string | typeof BACK | undefined>;
}

/**
 * The draft with `step` and the later text questions of the same person in the same section
 * left unanswered. Their yes-or-no questions (keep it in confidence? keep the commitment
 * open?) are still asked: skipping never decides them.
 */
export function skipRest(plan: MeetingPlan, draft: Draft, step: Step, at: string): Draft {
  const same = (s: Step) => s.section === step.section && s.member === step.member && s.kind === 'text' && !(s.id in draft.answers);
  for (let next: Step | undefined = step; next; next = stepsSoFar(plan, draft).find(same)) draft = answer(draft, next, undefined, at);
  return draft;
}

export interface RunEffects {
  prompter: Prompter;
  /** Called after each answer with the new draft; the answer counts as kept once this resolves. */
  save(draft: Draft, step: Step): Promise<void>;
  /** The time now, ISO. */
  now(): string;
}

/** The step as it is asked: an answer given before (going back) or a half-typed line is where it starts. */
function startingFrom(step: Step, draft: Draft): Step {
  const was = draft.was?.[step.id];
  const typed = draft.typed?.[step.id];
  if (step.kind === 'text' && !step.long && (typed || typeof was === 'string')) return { ...step, default: typed || (was as string), edit: true };
  if (step.kind === 'text' || step.kind === 'list' || was === undefined) return step;
  return { ...step, default: was };
}

/** The items (or lines of a long answer) a list starts from: those typed before an interruption, else its answer before, else a long answer's default. */
function itemsOf(step: Step, draft: Draft): string[] {
  const partial = draft.partial?.[step.id];
  if (partial) return partial;
  const was = draft.was?.[step.id];
  if (Array.isArray(was)) return was;
  const text = was ?? step.default; // a long answer starts from what is agreed now (the purpose)
  return step.long && typeof text === 'string' && text ? text.split('\n') : [];
}

/** The draft with `step` answered (a marked answer kept in confidence), taking back what only stood for where it started. */
function answered(plan: MeetingPlan, draft: Draft, step: Step, raw: unknown, at: string): Draft {
  const confided = raw instanceof Confided;
  const { [step.id]: _p, ...partial } = draft.partial ?? {};
  const { [step.id]: _t, ...typed } = draft.typed ?? {};
  const { [step.id]: _w, ...was } = draft.was ?? {};
  const first = draft.at[step.id]; // a question given again keeps the time it was first answered
  let next: Draft = { ...draft, partial, typed, was, confidential: (draft.confidential ?? []).filter((id) => id !== step.id) };
  next = raw === SKIP_REST && step.member ? skipRest(plan, next, step, at) : answer(next, step, raw === SKIP_REST ? undefined : confided ? raw.value : raw, at);
  if (confided && step.confide) next = { ...next, confidential: [...next.confidential!, step.id] };
  return first ? { ...next, at: { ...next.at, [step.id]: first } } : next;
}

/** The nearest step before `from` (the end when undefined) that has an answer. */
function previousStep(all: readonly Step[], draft: Draft, from: Step | undefined): Step | undefined {
  const end = from ? all.findIndex((s) => s.id === from.id) : all.length;
  return all.slice(0, end).findLast((s) => s.id in draft.answers);
}

/** Every answer of the meeting, in order (the review). */
function reviewOf(plan: MeetingPlan, draft: Draft, all: readonly Step[]) {
  const titles = new Map<MeetingSection, string>();
  return all.flatMap((step) => {
    if (!(step.id in draft.answers)) return [];
    if (!titles.has(step.section)) titles.set(step.section, sectionTitle(plan, step.section));
    return [{ step, title: titles.get(step.section)!, value: draft.answers[step.id]!, confided: inConfidence(draft, step.id) }];
  });
}

export async function runMeeting(plan: MeetingPlan, draft: Draft, fx: RunEffects): Promise<Draft> {
  const askAgain = async (step: Step | undefined) => {
    if (!step) return;
    draft = reopen(draft, step.id);
    await fx.save(draft, step);
  };
  for (;;) {
    const all = stepsSoFar(plan, draft); // once per answer: the answers so far decide what comes next
    const step = pendingStep(all, draft);
    if (!step) {
      const choice = fx.prompter.review ? await fx.prompter.review(reviewOf(plan, draft, all)) : undefined;
      if (choice === undefined) return draft;
      await askAgain(choice === BACK ? previousStep(all, draft, undefined) : all.find((s) => s.id === choice));
      continue;
    }
    const progress: Progress = {
      items: itemsOf(step, draft),
      typed: draft.typed?.[step.id],
      confided: inConfidence(draft, step.id),
      keep: async (items) => {
        draft = { ...draft, partial: { ...draft.partial, [step.id]: items } };
        await fx.save(draft, step);
      },
    };
    const asked = startingFrom(step, draft);
    let raw: unknown;
    try {
      raw = await fx.prompter.ask(asked, sectionStatus(plan, draft, step.section, fx.now(), all), progress);
    } catch (error) {
      // Interrupted with a line typed and not entered: it is kept, to start from on resume.
      const typed = (error as { typed?: unknown } | null)?.typed;
      if (typeof typed === 'string' && typed.trim()) {
        draft = { ...draft, typed: { ...draft.typed, [step.id]: typed } };
        await fx.save(draft, step);
      }
      throw error;
    }
    if (raw === BACK) {
      await askAgain(previousStep(all, draft, step));
      continue;
    }
    draft = answered(plan, draft, asked, raw, fx.now());
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
    const step = pendingStep(stepsSoFar(plan, draft), draft);
    if (!step) break;
    const { key, raw } = answerFor(step, answers, plan.members);
    if (key) asked.add(key);
    const confided = confidedFor(step, answers, plan.members);
    if (confided.key) asked.add(confided.key);
    if (confided.error) bad.push(`${confided.key}: ${confided.error}`);
    const checked = coerce(step, raw);
    if (!checked.ok) bad.push(`${key ?? step.id}: ${checked.error}`);
    draft = answer(draft, step, checked.ok ? raw : undefined, draft.started);
  }
  return { bad: [...new Set(bad)], unknown: Object.keys(answers).filter((id) => !asked.has(id) && !(id in draft.answers)) };
}
