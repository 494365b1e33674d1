// Calendar dates as ISO strings (YYYY-MM-DD). The core never reads the clock:
// "today" is always passed in.
import { addDays as addDaysFns } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';

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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real date as YYYY-MM-DD, by the calendar alone (not the clock): quick for 10 000 file names, the same in every time zone. */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const [y, mo, d] = [digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10)];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

/** The number written in value[from..to), or -1 if anything there is not a digit 0-9. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function toIso(date: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return toIso(addDaysFns(toDate(iso), days));
}

/** The latest next date a meeting may choose: two years on (a far date would make `schedule` list thousands of years). */
export function latestNextDate(meeting: IsoDate): IsoDate {
  return meeting >= '9998-01-01' ? '9999-12-31' : addDays(meeting, 730);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  return toDate(iso).getDay();
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The weekday's name, capitalised: 0 is Sunday. */
export const dayName = (weekday: number): string => DAYS[weekday]!;

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
