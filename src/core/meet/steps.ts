// The meeting as an ordered list of steps, worked out from the plan (what does not change
// while the meeting runs) and the answers so far, one part after another.
import type { Draft } from './draft.js';
import { closingSteps } from './parts/closing.js';
import { introductionSteps } from './parts/introductions.js';
import { learningSteps } from './parts/learning.js';
import { whatsNextSteps } from './parts/next.js';
import { openingSteps } from './parts/opening.js';
import { reflectSteps } from './parts/reflect.js';
import type { MeetingPlan, Step } from './step.js';

/** Every step of the meeting as far as the answers so far decide it, in order. */
export function steps(plan: MeetingPlan, draft: Draft): Step[] {
  return [
    ...openingSteps(plan, draft),
    ...introductionSteps(plan, draft),
    ...reflectSteps(plan, draft),
    ...learningSteps(plan),
    ...whatsNextSteps(plan, draft),
    ...closingSteps(plan),
  ];
}

/** The first step not yet answered; undefined when the meeting is done. Resuming is just this. */
export function pendingStep(all: readonly Step[], draft: Draft): Step | undefined {
  return all.find((s) => !(s.id in draft.answers));
}
