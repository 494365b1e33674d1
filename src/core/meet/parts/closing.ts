// Before we close: anything else for the minutes.
import { Asker, type MeetingPlan, type Step } from '../step.js';

export function closingSteps(plan: MeetingPlan): Step[] {
  return [new Asker('closing', plan).one('notes')];
}
