// The meeting's format: its sections and their minutes, and how long a meeting runs.
import { formatClock, parseClock } from './dates.js';
import type { Circle } from './schema.js';

/** Under this many minutes a meeting is too short to learn, build trust and reflect. */
export const MIN_MEETING_MINUTES = 90;

/** The sections of every meeting, in order, and their default share of its time (the welcome round too). */
export const DEFAULT_SECTIONS = [
  { id: 'introductions', share: 15 },
  { id: 'reflect', share: 40 },
  { id: 'learning', share: 45 },
  { id: 'next', share: 20 },
] as const;

/** A circle's first meeting: its sections and their share of its time (the agenda and `meet` both use it). */
export const FIRST_MEETING = [
  { id: 'introductions', share: 45 },
  { id: 'purpose', share: 30 },
  { id: 'ground_rules', share: 20 },
  { id: 'format', share: 10 },
  { id: 'next', share: 15 },
] as const;

/** Split a meeting's length in proportion to `shares`, in steps of 5 minutes; the last section takes the rest. */
export function splitMinutes(duration: number, shares: readonly number[]): number[] {
  const total = shares.reduce((sum, s) => sum + s, 0);
  const parts = shares.map((s) => Math.round((duration * s) / total / 5) * 5);
  parts[parts.length - 1] = duration - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

/** What is wrong with a circle's format: too short for the method, or not matching the schedule. */
export function formatWarnings(circle: Pick<Circle, 'format' | 'schedule'>): string[] {
  const total = circle.format.sections.reduce((sum, s) => sum + s.minutes, 0);
  const out: string[] = [];
  if (total < MIN_MEETING_MINUTES) {
    out.push(
      `the format adds up to ${total} minutes; under ${MIN_MEETING_MINUTES} there is not enough time to reflect, learn and plan (format.sections in circle.yaml)`,
    );
  }
  if (total !== circle.schedule.duration) {
    out.push(`the format's sections add up to ${total} minutes but schedule.duration is ${circle.schedule.duration}`);
  }
  return out;
}

/** When a meeting ends: the schedule's start plus its duration, as HH:MM. */
export function meetingEnd(schedule: Pick<Circle['schedule'], 'start' | 'duration'>): string {
  return formatClock(parseClock(schedule.start) + schedule.duration);
}
