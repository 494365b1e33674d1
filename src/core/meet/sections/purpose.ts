// Our purpose: what should be different because we learned together (the circle's
// outcomes), then the purpose itself. What the circle agreed before is the default.
import { OUTCOMES, type Agreements } from '../../agreements.js';
import { textOf, type Draft } from '../draft.js';
import type { MeetingFile } from '../minutes.js';
import { Asker, stepId, type MeetingPlan, type Step } from '../step.js';

export function purposeSteps(plan: MeetingPlan, base: Agreements): Step[] {
  const a = new Asker('purpose', plan);
  return [
    ...OUTCOMES.map((id) => a.one(id, { default: base.outcomes[id] ?? '', edit: true })),
    a.one('statement', { default: base.purpose, edit: true }),
    a.one('vision', { default: base.vision ?? '', edit: true }),
  ];
}

/**
 * The minutes' `purpose`: the outcomes as now said, the statement and, at a later
 * meeting, how what changed read before ('' when there was nothing).
 */
export function purposeAgreed(base: Agreements, draft: Draft, first: boolean): MeetingFile['purpose'] {
  const said = (id: string) => textOf(draft.answers[stepId('purpose', id)]);
  const notes = Object.fromEntries(OUTCOMES.map((id) => [id, said(id)]).filter(([, v]) => v));
  const statement = said('statement');
  const vision = said('vision');
  const before: Record<string, string | undefined> = { statement: base.purpose, vision: base.vision, ...base.outcomes };
  const now: Record<string, string> = { ...notes, ...(statement && { statement }), ...(vision && { vision }) };
  const was = first ? {} : Object.fromEntries(Object.entries(now).flatMap(([k, v]) => ((before[k] ?? '') !== v ? [[k, before[k] ?? '']] : [])));
  return { notes, ...(statement && { statement }), ...(vision && { vision }), ...(Object.keys(was).length && { was }) };
}
