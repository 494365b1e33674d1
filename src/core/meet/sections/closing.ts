// Before we close: the group's verdict (sections/verdict.ts), then anything else for the minutes.
import { Asker, perPlan, type Step } from '../step.js';
import { verdictSteps } from './verdict.js';

export const closingSteps = perPlan((plan): Step[] => [...verdictSteps(plan), new Asker('closing', plan).one('notes')]);
