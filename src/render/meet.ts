// The few lines shown when a meeting ends.
import type { ChalkInstance } from 'chalk';
import type { MeetingFile } from '../core/meet/index.js';
import { AGREEMENTS } from '../core/agreements.js';
import { FIELD, titleOf } from '../core/prompts.js';
import { plural } from './document.js';

/** Who joined the circle tonight and who came back to it, by name. */
interface RollNames {
  joined: string[];
  back: string[];
  /** Members whose vision or organisation was taken into members.yaml. */
  updated: string[];
  /** Whether circle.yaml changed. */
  circleUpdated: boolean;
}

export function renderMeetSummary(m: MeetingFile, { joined, back, updated, circleUpdated }: RollNames, path: string, c: ChalkInstance): string {
  const talked = AGREEMENTS.filter((section) => m[section]).map(titleOf);
  const present = m.attendance?.present ?? [];
  const guests = m.attendance?.guests ?? [];
  const requests = m.reflect?.requests ?? [];
  const commitments = (m.next?.members ?? []).filter((a) => (a as Record<string, unknown>)[FIELD.commitment]).length;
  const next = m.next;
  const lines = [
    '',
    c.bold(`Meeting ${m.number} on ${m.date}: minutes written to ${path}`),
    `  present      ${plural(present.length, 'person', 'people')}${guests.length ? `, ${plural(guests.length, 'guest')}` : ''}`,
    ...(joined.length ? [`  joined       ${joined.join(', ')} (added to members.yaml)`] : []),
    ...(back.length ? [`  back         ${back.join(', ')} (active again in members.yaml)`] : []),
    ...(updated.length ? [`  updated      ${updated.join(', ')} (what they said of themselves, in members.yaml)`] : []),
    ...(talked.length ? [`  agreed       ${talked.join(', ')}${circleUpdated ? ' (circle.yaml updated)' : ' (no change)'}`] : []),
    ...(m.learning?.topic ? [`  learned      ${m.learning.topic}`] : []),
    `  requests     ${requests.length ? requests.map((r) => r.topic).join('; ') : 'none'}`,
    `  commitments  ${commitments}`,
    `  next         ${next?.topic ?? 'topic not chosen yet'}${next?.speaker ? `, with ${next.speaker}` : ''}${next?.date ? `, on ${next.date}` : ''}`,
  ];
  return lines.join('\n');
}
