// The words in this language, with its date-fns locale: one chunk, loaded by a circle that uses it.
import data from '../../../templates/prompts.fr.yaml';
import type { Catalogue } from '../words.js';

export { fr as locale } from 'date-fns/locale/fr';
export const catalogue = data as Catalogue;
