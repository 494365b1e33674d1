// Where a part of the meeting stands against the time the circle's format gives it.
import { FIRST_MEETING, splitMinutes } from '../format.js';
import { PROMPTS } from '../prompts.js';
import type { Draft } from './draft.js';
import { MEETING_PARTS, type MeetingPart, type MeetingPlan, type Step } from './step.js';

export interface SectionStatus {
  id: MeetingPart;
  title: string;
  about?: string;
  /** A line on how to answer in this part, e.g. how to note a speaker request. */
  hint?: string;
  /** Minutes since the section began. */
  used: number;
  /** Minutes the circle's format gives it, if any. */
  planned?: number;
}

/** The minutes a part has: at a first meeting its share of the meeting, as the agenda gives it; later, the circle's format. */
export function plannedFor(plan: MeetingPlan, section: MeetingPart): number | undefined {
  if (plan.last !== undefined) return plan.circle.format.sections.find((s) => s.id === section)?.minutes;
  const i = FIRST_MEETING.findIndex((p) => p.id === section);
  return i < 0 ? undefined : splitMinutes(plan.circle.schedule.duration, FIRST_MEETING.map((p) => p.share))[i];
}

/** A part's title as the circle's format names it. */
export const partTitle = (plan: MeetingPlan, section: MeetingPart): string =>
  plan.circle.format.sections.find((s) => s.id === section)?.title ?? PROMPTS[section].title;

/** When a section began: when the last answer of an earlier section was saved, else when the meeting started. */
export function sectionBegan(draft: Draft, section: MeetingPart, all: readonly Step[]): string {
  const rank = MEETING_PARTS.indexOf(section);
  const earlier = all.filter((s) => MEETING_PARTS.indexOf(s.section) < rank && draft.at[s.id]);
  return earlier.map((s) => draft.at[s.id]!).sort().at(-1) ?? draft.started;
}

/** Whole minutes from one ISO time to another (0 when either is unreadable or the second is earlier). */
export function minutesBetween(from: string, to: string): number {
  const used = Math.floor((Date.parse(to) - Date.parse(from)) / 60_000);
  return Number.isFinite(used) ? Math.max(0, used) : 0;
}

/** Where a section stands: it began when the last answer of an earlier section was saved. */
export function sectionStatus(plan: MeetingPlan, draft: Draft, section: MeetingPart, now: string, all: readonly Step[]): SectionStatus {
  const planned = plannedFor(plan, section);
  const words = PROMPTS[section];
  const used = minutesBetween(sectionBegan(draft, section, all), now);
  return {
    id: section,
    title: partTitle(plan, section),
    ...(words.about && { about: words.about }),
    ...(words.hint && { hint: words.hint }),
    used,
    ...(planned !== undefined && { planned }),
  };
}
