// The languages a circle can meet in (circle.yaml `language:`). English is built in; each
// other language is loaded when a circle in it is read: its catalogue (templates/
// prompts.LANG.yaml) and its date-fns locale, one chunk per language, so a circle loads no
// words or locale data it does not use.
import type { Locale } from 'date-fns';
import { ENGLISH, type Catalogue, type Words } from './words.js';

export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];

type Loaded = { catalogue: Catalogue; locale: Locale };
const LOAD: Record<Exclude<Language, 'en'>, () => Promise<Loaded>> = {
  es: () => import('./languages/es.js'),
  fr: () => import('./languages/fr.js'),
  de: () => import('./languages/de.js'),
  pt: () => import('./languages/pt.js'),
  'pt-BR': () => import('./languages/pt.js'),
};

const loaded = new Map<string, Promise<Words>>();

/** The words of a language (English when none is given). */
export async function loadWords(language: Language = 'en'): Promise<Words> {
  if (language === 'en') return ENGLISH;
  let w = loaded.get(language);
  if (!w) loaded.set(language, (w = LOAD[language]().then(({ catalogue, locale }) => ({ language, catalogue, locale }))));
  return w;
}
