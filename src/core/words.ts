// The words the group sees, in the circle's language. templates/prompts.yaml is the
// English catalogue (bundled as data); each other language is its own catalogue beside it,
// with the same keys, loaded with its date-fns locale only by a circle in that language.
// A message is a string with {placeholders}, or its plural forms by Intl.PluralRules
// category (`one`, `few`, `many`, `other`), picked by the value of {count}; a `zero` form,
// where a language has one, is taken for a count of 0 (Portuguese puts 0 in `one`).
import { format } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import type { Day, Locale } from 'date-fns';
import { parseCadence, type Cadence } from './cadence.js';
import en from '../../templates/prompts.yaml';
import { toDate, type IsoDate } from './dates.js';

export type Catalogue = Record<string, unknown>;

export interface Words {
  language: string;
  catalogue: Catalogue;
  locale: Locale;
}

export const ENGLISH: Words = { language: 'en', catalogue: en as Catalogue, locale: enUS };
let current = ENGLISH;
const pluralRules = new Map<string, Intl.PluralRules>();

/** The words every message and date is printed in until another language is chosen. */
export const words = (): Words => current;

/** Print in these words from now on (a command prints one circle's documents at a time). */
export function useWords(w: Words): void {
  current = w;
}

/** The message at a dotted key ('agenda.meeting'); the English one when a catalogue lacks it. */
function lookup(catalogue: Catalogue, key: string): unknown {
  let at: unknown = catalogue;
  for (const part of key.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}

/** A message, filled in: a plural one takes the form for `values.count`. Unknown placeholders stay as written. */
export function t(key: string, values: Record<string, string | number> = {}, w: Words = current): string {
  const message = lookup(w.catalogue, key) ?? lookup(ENGLISH.catalogue, key);
  let text: unknown = message;
  if (message && typeof message === 'object') {
    const forms = message as Record<string, string>;
    const count = Number(values.count ?? 0);
    let rules = pluralRules.get(w.language);
    if (!rules) pluralRules.set(w.language, (rules = new Intl.PluralRules(w.language)));
    text = (count === 0 ? forms.zero : undefined) ?? forms[rules.select(count)] ?? forms.other;
  }
  if (typeof text !== 'string') throw new Error(`templates/prompts.yaml: no message "${key}"`);
  return fill(text, values);
}

/** Text with its {placeholders} filled in; unknown ones stay as written. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** A date written out in the language's form: "Tuesday 24 November 2026", "mardi 24 novembre 2026". */
export function longDate(iso: IsoDate, w: Words = current): string {
  return dateAs('long', iso, w);
}

/** A date in one of the language's forms (`dates.FORM`, a date-fns pattern). */
export function dateAs(form: 'long' | 'weekday', iso: IsoDate, w: Words = current): string {
  return format(toDate(iso), t(`dates.${form}`, {}, w), { locale: w.locale });
}

/** A topic with how often and by whom it was asked for: "Grants (asked 3 times: Ana, Ben)". */
export function topicAsked(topic: string, count: number, by: string): string {
  if (count > 1) return t(by ? 'next.say.idea_asked' : 'next.say.idea_asked_anon', { topic, count, by });
  return by ? t('next.say.idea_by', { topic, by }) : topic;
}

/** A meeting rhythm in the language: "every 2 weeks on Tuesday", "toutes les 2 semaines, le mardi". */
export function cadenceText(c: Cadence, w: Words = current): string {
  const day = w.locale.localize.day(c.weekday as Day, { width: 'wide' });
  if (c.kind === 'weekly') return c.every === 1 ? t('cadence.weekly', { day }, w) : t('cadence.every', { count: c.every, day }, w);
  return t('cadence.monthly', { nth: t(`cadence.nth.${c.nth === -1 ? 'last' : c.nth}`, {}, w), day }, w);
}

/** The rhythm circle.yaml writes (`cadence:`) in the language; as written when it does not read as one. */
export function cadenceOfText(text: string, w: Words = current): string {
  const parsed = parseCadence(text);
  return parsed.ok ? cadenceText(parsed.cadence, w) : text;
}
