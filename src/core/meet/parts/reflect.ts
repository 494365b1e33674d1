// Time to Reflect: each person present, with the commitment they came in with.
import { commitmentsFrom } from '../../meeting.js';
import { say } from '../../prompts.js';
import { present, sameName, type Draft } from '../draft.js';
import { Asker, type MeetingPlan, type Step } from '../step.js';

export function reflectSteps(plan: MeetingPlan, draft: Draft): Step[] {
  const a = new Asker('reflect', plan);
  const commitments = commitmentsFrom(plan.last);
  const steps = present(draft).flatMap((name) => {
    const commitment = commitments.find((c) => sameName(c.member, name))?.commitment;
    const note = commitment ? say('reflect', 'commitment', { name, commitment }) : say('reflect', 'no_commitment', { name });
    return a.each(name, { note });
  });
  steps.push(a.one('requests'));
  return steps;
}
