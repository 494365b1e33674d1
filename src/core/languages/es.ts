// The words in this language, with its date-fns locale: one chunk, loaded by a circle that uses it.
import data from '../../../templates/prompts.es.yaml';
import type { Catalogue } from '../words.js';

export { es as locale } from 'date-fns/locale/es';
export const catalogue = data as Catalogue;
