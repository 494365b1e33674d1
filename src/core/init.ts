// What a new circle's files say, from the answers given to `circle init`.
import { structuredCadence } from './cadence.js';
import type { Language } from './languages.js';
import { DEFAULT_SECTIONS, MIN_MEETING_MINUTES, splitMinutes } from './format.js';
import { INIT_DEFAULTS, validateInit } from './init-checks.js';
import { slugify } from './slugify.js';

export interface InitAnswers {
  name: string;
  /** The language the group meets in (circle.yaml `language:`); English by default. */
  language?: string | undefined;
  /** Folder name; made from the name when not given. */
  slug?: string | undefined;
  purpose?: string | undefined;
  cadence?: string | undefined;
  start?: string | undefined;
  duration?: string | number | undefined;
  location?: string | undefined;
}

export interface NewCircle {
  slug: string;
  /** Its language: init fills in that language's circle.yaml template. */
  language: Language;
  /** Values to set in the circle.yaml template, by path. */
  set: Array<[path: (string | number)[], value: unknown]>;
  warnings: string[];
}

/** Check the answers and turn them into template edits; returns the problems instead when any. */
export function planCircle(a: InitAnswers, today: string): NewCircle | { problems: string[] } {
  const cadence = a.cadence?.trim() || INIT_DEFAULTS.cadence;
  const start = a.start?.trim() || INIT_DEFAULTS.start;
  const durationText = a.duration === undefined || a.duration === '' ? String(INIT_DEFAULTS.duration) : String(a.duration);
  const slug = a.slug?.trim() || slugify(a.name);
  const language = a.language?.trim() || 'en';
  const slugCheck = a.slug
    ? validateInit.slug(slug)
    : slug || !a.name.trim()
      ? true
      : 'no letters or digits that make a folder name; add --slug, e.g. --slug kyiv-youth-workers';
  const problems = (
    [
      ['--language', validateInit.language(language)],
      ['name', validateInit.name(a.name)],
      [a.slug ? '--slug' : 'name', slugCheck],
      ['--cadence', validateInit.cadence(cadence)],
      ['--start', validateInit.start(start)],
      ['--duration', validateInit.duration(durationText)],
    ] as const
  )
    .filter(([, ok]) => ok !== true)
    .map(([what, why]) => `${what}: ${why}`);
  if (problems.length) return { problems };

  const duration = Number(durationText);
  const minutes = splitMinutes(duration, DEFAULT_SECTIONS.map((s) => s.share));
  const warnings =
    duration < MIN_MEETING_MINUTES
      ? [`${duration} minutes is short: learning, building trust and reflecting usually need ${MIN_MEETING_MINUTES} or more`]
      : [];
  return {
    slug,
    language: language as Language,
    warnings,
    set: [
      ...(language === 'en' ? [] : [[['language'], language] as [(string | number)[], unknown]]),
      [['name'], a.name.trim()],
      [['created'], today],
      [['purpose'], a.purpose?.trim() ?? ''],
      // Another language than English writes the structured form, which reads the same in every language.
      [['schedule', 'cadence'], language === 'en' ? cadence : (structuredCadence(cadence) ?? cadence)],
      [['schedule', 'start'], start],
      [['schedule', 'duration'], duration],
      [['schedule', 'location'], a.location?.trim() ?? ''],
      ...minutes.map((m, i): [(string | number)[], unknown] => [['format', 'sections', i, 'minutes'], m]),
    ],
  };
}
