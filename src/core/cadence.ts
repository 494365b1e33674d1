// Meeting cadence: the human sentence in circle.yaml, parsed, and the dates its rule gives.
import { addDays, dayName, daysBetween, type IsoDate, toDate, toIso, weekday } from './dates.js';

export type Cadence =
  | { kind: 'weekly'; every: number; weekday: number }
  | { kind: 'monthly'; nth: number; weekday: number }; // nth: 1..5, or -1 for the last

type CadenceResult = { ok: true; cadence: Cadence } | { ok: false; error: string };

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6].map((d) => dayName(d).toLowerCase());
const ORDINALS: Record<string, number> = {
  '1st': 1, first: 1, '2nd': 2, second: 2, '3rd': 3, third: 3, '4th': 4, fourth: 4,
  '5th': 5, fifth: 5, last: -1,
};
const EXAMPLES = '"weekly on Tuesday", "every 2 weeks on Tuesday" or "monthly on the 2nd Tuesday"';

function dayIndex(word: string | undefined): number {
  if (!word) return -1;
  return WEEKDAYS.indexOf(word.toLowerCase().replace(/s$/, ''));
}

export function parseCadence(input: string): CadenceResult {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const fail = (error: string): CadenceResult => ({ ok: false, error });
  const DAY = '(sunday|monday|tuesday|wednesday|thursday|friday|saturday)s?';

  let m = new RegExp(`^(?:weekly|every week) on ${DAY}$`).exec(s) ?? new RegExp(`^every ${DAY}$`).exec(s);
  if (m) return { ok: true, cadence: { kind: 'weekly', every: 1, weekday: dayIndex(m[1]) } };

  m = new RegExp(`^(?:every (\\d+) weeks|every other week|fortnightly) on ${DAY}$`).exec(s);
  if (m) {
    const every = m[1] ? Number(m[1]) : 2;
    if (every < 1 || every > 52) return fail(`"every ${every} weeks" is out of range (1 to 52)`);
    return { ok: true, cadence: { kind: 'weekly', every, weekday: dayIndex(m[2]) } };
  }

  const ORD = '(1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth|last)';
  m =
    new RegExp(`^(?:monthly|every month) on the ${ORD} ${DAY}$`).exec(s) ??
    new RegExp(`^(?:on )?the ${ORD} ${DAY} of (?:each|every|the) month$`).exec(s);
  if (m) {
    return { ok: true, cadence: { kind: 'monthly', nth: ORDINALS[m[1]!]!, weekday: dayIndex(m[2]) } };
  }

  if (new RegExp(`^every (second|2nd|third|3rd|fourth|4th) ${DAY}$`).test(s)) {
    return fail(`"${input.trim()}" is ambiguous: say "every 2 weeks on …" or "monthly on the 2nd …"`);
  }
  return fail(`"${input.trim()}" is not a cadence I know; try ${EXAMPLES}`);
}

/** The nth weekday of a month as the phrase writes it (1st to 5th). */
export const NTH = ['', '1st', '2nd', '3rd', '4th', '5th'];

/**
 * The structured form circle.yaml may use in any language, as the phrase parseCadence reads:
 * `{ every: 2 weeks, on: tuesday }`, `{ every: week, on: thursday }`, `{ every: month, nth: 2, on: tuesday }`
 * (`nth: last` for the last one of the month).
 */
export function cadencePhrase(f: { every: string | number; on: string; nth?: string | number | undefined }): string {
  const every = String(f.every).trim().toLowerCase();
  const weeks = /^(\d+)(?: weeks?)?$/.exec(every);
  if (every === 'week' || every === 'weekly' || weeks?.[1] === '1') return `weekly on ${f.on}`;
  if (weeks) return `every ${weeks[1]} weeks on ${f.on}`;
  if (every === 'month' || every === 'monthly') {
    const nth = String(f.nth ?? '').trim().toLowerCase();
    return `monthly on the ${NTH[Number(nth)] ?? nth} ${f.on}`;
  }
  return `every ${every} on ${f.on}`;
}

/** A phrase in the structured form (what `init` writes for a circle in another language than English). */
export function structuredCadence(phrase: string) {
  const parsed = parseCadence(phrase);
  if (!parsed.ok) return undefined;
  const c = parsed.cadence;
  const on = WEEKDAYS[c.weekday]!;
  if (c.kind === 'monthly') return { every: 'month', nth: c.nth === -1 ? 'last' : c.nth, on };
  return c.every === 1 ? { every: 'week', on } : { every: `${c.every} weeks`, on };
}

/** The nth (or last, nth = -1) given weekday of a month (counted on past December); undefined when the month has none. */
function nthWeekdayOfMonth(year: number, month: number, nth: number, day: number): IsoDate | undefined {
  if (nth === -1) {
    const last = new Date(year, month + 1, 0);
    const back = (last.getDay() - day + 7) % 7;
    return toIso(new Date(year, month, last.getDate() - back));
  }
  const first = new Date(year, month, 1);
  const date = 1 + ((day - first.getDay() + 7) % 7) + (nth - 1) * 7;
  const result = new Date(year, month, date);
  return result.getMonth() === first.getMonth() ? toIso(result) : undefined;
}

export interface DatesQuery {
  cadence: Cadence;
  /** Where "every N weeks" counts from. */
  anchor: IsoDate;
  /** First date that may be returned (inclusive). */
  from: IsoDate;
  skip?: readonly IsoDate[];
}

export interface ScheduledDate {
  date: IsoDate;
  /** A date the rule gives but circle.yaml lists under `skip`. */
  skipped: boolean;
}

/** The rule's dates from `from` to the year 9999 (compared as text), the skipped ones marked; `untilHeld` takes what is needed. */
export function* scheduleDates(q: DatesQuery): Generator<ScheduledDate> {
  const skip = new Set(q.skip ?? []);
  const c = q.cadence;
  const start = toDate(q.from);
  const first = addDays(q.anchor, (c.weekday - weekday(q.anchor) + 7) % 7);
  const gap = daysBetween(first, q.from);
  for (let i = 0; ; i++) {
    let d: IsoDate | undefined;
    if (c.kind === 'weekly') d = addDays(first, (Math.max(0, Math.ceil(gap / (7 * c.every))) + i) * 7 * c.every);
    else d = nthWeekdayOfMonth(start.getFullYear(), start.getMonth() + i, c.nth, c.weekday);
    if (d && d.length > 10) return;
    if (d && d >= q.from) yield { date: d, skipped: skip.has(d) };
  }
}

/** The dates up to the `count`th one held (the skipped ones among them kept). */
export function untilHeld<T extends ScheduledDate>(dates: Iterable<T>, count: number): T[] {
  const out: T[] = [];
  let held = 0;
  for (const d of dates) {
    if (held === count) break;
    out.push(d);
    if (!d.skipped) held += 1;
  }
  return out;
}
