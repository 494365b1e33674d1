// Time to Reflect: each person present, with the commitment they have open.
import { longDate } from '../../words.js';
import { say } from '../../prompts.js';
import { present, sameName, textOf, type Draft } from '../draft.js';
import { Asker, stepId, type MeetingPlan, type Step } from '../step.js';

/** The commitment `name` has open (made at an earlier meeting and not yet reported on). */
export function openCommitment(plan: MeetingPlan, name: string) {
  return plan.memory.commitments.find((c) => sameName(c.member, name));
}

export function reflectSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const a = new Asker('reflect', plan);
  const steps = present(draft).flatMap((name) => {
    const open = openCommitment(plan, name);
    const values = open && { name, commitment: open.text, made: longDate(open.made) };
    const note = !values
      ? say('reflect', 'no_commitment', { name })
      : open.made < (plan.last?.date ?? open.made)
        ? say('reflect', 'older_commitment', values)
        : say('reflect', 'commitment', values);
    const questions = a.each(name, { note });
    const said = questions.some((q) => textOf(draft.answers[q.id]));
    // Whether to keep it in confidence, once they said something; whether to keep a
    // commitment open, when they said nothing about it.
    const then = said ? [a.one('private', { default: false, note }, {}, name)] : open ? [a.one('keep', { default: true, note }, {}, name)] : [];
    return [...questions, ...then];
  });
  steps.push(a.one('requests'));
  return steps;
}

/** Whether the facilitator let `name`'s open commitment go. */
export const droppedCommitment = (draft: Draft, name: string): boolean => draft.answers[stepId('reflect', 'keep', name)] === false;
