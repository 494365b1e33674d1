// Where a section of the meeting stands against the time the circle's format gives it.
import { FIRST_MEETING, splitMinutes } from '../format.js';
import { prompts } from '../prompts.js';
import type { Draft } from './draft.js';
import { MEETING_SECTIONS, type MeetingSection, type MeetingPlan, type Step } from './step.js';

/** The minutes a section has: at a first meeting its share of the meeting, as the agenda gives it; later, the circle's format. */
export function plannedFor(plan: MeetingPlan, section: MeetingSection): number | undefined {
  if (plan.last !== undefined) return plan.circle.format.sections.find((s) => s.id === section)?.minutes;
  const i = FIRST_MEETING.findIndex((p) => p.id === section);
  return i < 0 ? undefined : splitMinutes(plan.circle.schedule.duration, FIRST_MEETING.map((p) => p.share))[i];
}

/** A section's title as the circle's format names it. */
export const sectionTitle = (plan: MeetingPlan, section: MeetingSection): string =>
  plan.circle.format.sections.find((s) => s.id === section)?.title ?? prompts()[section].title;

/** When a section began: when the last answer of an earlier section was saved, else when the meeting started. */
export function sectionBegan(draft: Draft, section: MeetingSection, all: readonly Step[]): string {
  const rank = MEETING_SECTIONS.indexOf(section);
  const earlier = all.filter((s) => MEETING_SECTIONS.indexOf(s.section) < rank && draft.at[s.id]);
  return earlier.map((s) => draft.at[s.id]!).sort().at(-1) ?? draft.started;
}

/** Whole minutes from one ISO time to another (0 when either is unreadable or the second is earlier). */
export function minutesBetween(from: string, to: string): number {
  const used = Math.floor((Date.parse(to) - Date.parse(from)) / 60_000);
  return Number.isFinite(used) ? Math.max(0, used) : 0;
}

/**
 * Where a section stands: its words (with a `hint` on how to answer in it), the minutes used
 * since it began (when the last answer of an earlier section was saved) and those it has.
 */
export function sectionStatus(plan: MeetingPlan, draft: Draft, section: MeetingSection, now: string, all: readonly Step[]) {
  const planned = plannedFor(plan, section);
  const words = prompts()[section];
  const used = minutesBetween(sectionBegan(draft, section, all), now);
  return {
    id: section,
    title: sectionTitle(plan, section),
    ...(words.about && { about: words.about }),
    ...(words.hint && { hint: words.hint }),
    used,
    ...(planned !== undefined && { planned }),
  };
}
export type SectionStatus = ReturnType<typeof sectionStatus>;
