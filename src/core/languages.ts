// The languages a circle can meet in (circle.yaml `language:`). English is built in; each
// other language is loaded when a circle in it is read: its catalogue (templates/
// prompts.LANG.yaml) and its date-fns locale, in chunks of their own, so a circle loads no
// words or locale data it does not use.
import type { Locale } from 'date-fns';
import { ENGLISH, type Catalogue, type Words } from './words.js';

export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A language's catalogue (templates/prompts.LANG.yaml, bundled as data) and its date-fns locale, loaded side by side. */
async function load(catalogue: Promise<{ default: unknown }>, locale: Promise<Locale>): Promise<{ catalogue: Catalogue; locale: Locale }> {
  return { catalogue: (await catalogue).default as Catalogue, locale: await locale };
}

const LOAD: Record<Exclude<Language, 'en'>, () => ReturnType<typeof load>> = {
  es: () => load(import('../../templates/prompts.es.yaml'), import('date-fns/locale/es').then((m) => m.es)),
  fr: () => load(import('../../templates/prompts.fr.yaml'), import('date-fns/locale/fr').then((m) => m.fr)),
  de: () => load(import('../../templates/prompts.de.yaml'), import('date-fns/locale/de').then((m) => m.de)),
  // Portuguese as written in Brazil, for pt and pt-BR.
  pt: () => load(import('../../templates/prompts.pt.yaml'), import('date-fns/locale/pt-BR').then((m) => m.ptBR)),
  'pt-BR': () => LOAD.pt(),
};

const loaded = new Map<string, Promise<Words>>();

/** The words of a language (English when none is given). */
export async function loadWords(language: Language = 'en'): Promise<Words> {
  if (language === 'en') return ENGLISH;
  let w = loaded.get(language);
  if (!w) loaded.set(language, (w = LOAD[language]().then(({ catalogue, locale }) => ({ language, catalogue, locale }))));
  return w;
}
