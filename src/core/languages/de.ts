// The words in this language, with its date-fns locale: one chunk, loaded by a circle that uses it.
import data from '../../../templates/prompts.de.yaml';
import type { Catalogue } from '../words.js';

export { de as locale } from 'date-fns/locale/de';
export const catalogue = data as Catalogue;
