// Calendar dates as ISO strings (YYYY-MM-DD). The core never reads the clock:
// "today" is always passed in.
import { addDays as addDaysFns } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';

export type IsoDate = string;

// Dates people write have four-digit years; dates worked out from them may pass 9999
// (the meeting after 9999-12-28), and are still dates to compute with.
const ISO = /^(\d{4,6})-(\d{2})-(\d{2})$/;

/** A calendar date at local midnight. Throws on anything but a real YYYY-MM-DD (or a later year). */
export function toDate(iso: IsoDate): Date {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not a date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) {
    throw new RangeError(`not a date: ${iso}`);
  }
  return date;
}

/** A real date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-/.test(value)) return false;
  try {
    toDate(value);
    return true;
  } catch {
    return false;
  }
}

export function toIso(date: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return toIso(addDaysFns(toDate(iso), days));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  return toDate(iso).getDay();
}

/** "Tuesday 24 November 2026" */
export function longDate(iso: IsoDate): string {
  return format(toDate(iso), 'EEEE d MMMM yyyy');
}

/** Minutes since midnight for "HH:MM". */
export function parseClock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** "HH:MM" for minutes since midnight (wraps past midnight). */
export function formatClock(total: number): string {
  const t = ((total % 1440) + 1440) % 1440;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}
