// Small meetings for the memory tests, built through the schema like real files.
import { meetingSchema, type Meeting } from '../../src/core/schema.js';

export interface Spec {
  date: string;
  present: string[];
  /** member → what they will practise */
  commit?: Record<string, string>;
  /** member → what they tried (their report at Reflect) */
  report?: Record<string, string>;
  topic?: string;
  next?: string;
  guests?: string[];
}

export function meeting(spec: Spec, number = 1): Meeting {
  return meetingSchema.parse({
    date: spec.date,
    number,
    attendance: { present: spec.present, guests: spec.guests ?? [] },
    reflect: { members: Object.entries(spec.report ?? {}).map(([member, tried]) => ({ member, tried })) },
    learning: { topic: spec.topic },
    next: { members: Object.entries(spec.commit ?? {}).map(([member, will_practice]) => ({ member, will_practice })), topic: spec.next },
  });
}

export const meetings = (...specs: Spec[]): Meeting[] => specs.map((s, i) => meeting(s, i + 1));
