// The checks and defaults of `circle init`'s answers; the meeting's format part asks some of
// them again. Apart from core/init.ts so that meet does not load the slug library.
import { parseCadence } from './cadence.js';
import { LANGUAGES } from './languages.js';
import { isSlug } from './slug.js';

export const INIT_DEFAULTS = { cadence: 'every 2 weeks on Tuesday', start: '18:00', duration: 120 } as const;

/** Each check returns true or the reason, as inquirer's validate expects. */
export const validateInit = {
  language: (v: string): true | string =>
    (LANGUAGES as readonly string[]).includes(v.trim()) ? true : `the circle's language is one of ${LANGUAGES.join(', ')}`,
  name: (v: string): true | string => (v.trim() === '' ? 'the circle needs a name' : true),
  slug: (v: string): true | string =>
    isSlug(v) ? true : 'a folder name takes lower-case letters, digits and single dashes, e.g. kyiv-youth-workers',
  cadence: (v: string): true | string => {
    const r = parseCadence(v);
    return r.ok ? true : r.error;
  },
  start: (v: string): true | string => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v.trim()) ? true : 'use a 24-hour time like 18:00'),
  duration: (v: string): true | string => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 15 && n <= 600 ? true : 'use whole minutes between 15 and 600, e.g. 120';
  },
};
