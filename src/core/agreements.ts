// What the circle has agreed: why it meets (purpose and outcomes), its ground rules, and
// how its meetings run. The first meeting sets them; a later one may revisit any of them
// (`circle meet --revisit purpose|rules|format`).
import { discussed } from './prompts.js';
import type { Circle, Meeting } from './schema.js';

/** The sections of a meeting that set or change an agreement, in meeting order. */
export const AGREEMENTS = ['purpose', 'ground_rules', 'format'] as const;
export type AgreementId = (typeof AGREEMENTS)[number];

/** How each is named for short: on the command line (`meet --revisit rules`, `circle rules`) and in `history`. */
export const SHORT_NAME: Readonly<Record<AgreementId, string>> = { purpose: 'purpose', ground_rules: 'rules', format: 'format' };

/** `meet --revisit` names: the section each one adds to the meeting. */
export const REVISIT_NAMES: Readonly<Record<string, AgreementId>> = Object.fromEntries(AGREEMENTS.map((p) => [SHORT_NAME[p], p]));

/** The outcomes' keys in circle.yaml: the questions of the purpose discussion. */
export const OUTCOMES = discussed('purpose');

/**
 * The agreements as a meeting found them. The draft keeps a copy, so a resumed meeting
 * asks about the same rules, and the minutes say what changed, even if circle.yaml was
 * edited (or already updated) in between.
 */
export type Agreements = ReturnType<typeof agreementsOf>;

const trimmed = (s: string | undefined) => s?.trim() ?? '';

export function agreementsOf(circle: Circle) {
  return {
    purpose: trimmed(circle.purpose),
    ...(circle.vision?.trim() && { vision: circle.vision.trim() }),
    outcomes: Object.fromEntries(OUTCOMES.map((k) => [k, trimmed(circle.outcomes[k])])),
    ground_rules: circle.ground_rules.map((r) => r.trim()).filter(Boolean),
    sections: circle.format.sections.map(({ id, title, minutes }) => ({ id, title, minutes })),
    cadence: circle.schedule.cadence.trim(),
    start: circle.schedule.start,
    location: trimmed(circle.schedule.location),
    ...(circle.schedule.anchor && { anchor: circle.schedule.anchor }),
    traditions: circle.traditions.map((t) => t.trim()).filter(Boolean),
  };
}

/** The circle's outcomes that say something, in the order of the purpose questions. */
export function outcomesOf(circle: Pick<Circle, 'outcomes'>): Array<{ id: string; text: string }> {
  return OUTCOMES.flatMap((id) => {
    const text = trimmed(circle.outcomes[id]);
    return text ? [{ id, text }] : [];
  });
}

/** The agreements a meeting set (a first meeting: all it discussed) or changed (a later one). */
export function agreementsChanged(m: Pick<Meeting, 'number' | AgreementId>): AgreementId[] {
  const first = m.number === 1;
  const changed: Record<AgreementId, boolean> = {
    purpose: Boolean(m.purpose && (first || m.purpose.was)),
    ground_rules: Boolean(m.ground_rules && (first || m.ground_rules.reworded.length || m.ground_rules.dropped.length || m.ground_rules.added.length)),
    format: Boolean(m.format && (first || m.format.was || m.format.traditions?.dropped.length || m.format.traditions?.added.length)),
  };
  return AGREEMENTS.filter((section) => changed[section]);
}
