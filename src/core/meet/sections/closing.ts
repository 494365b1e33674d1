// Before we close: the group's verdict (sections/verdict.ts), then anything else for the minutes.
import { Asker, type MeetingPlan, type Step } from '../step.js';
import { verdictSteps } from './verdict.js';

export function closingSteps(plan: MeetingPlan): Step[] {
  return [...verdictSteps(plan), new Asker('closing', plan).one('notes')];
}
