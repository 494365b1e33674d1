// Portuguese as written in Brazil (pt, pt-BR), with its date-fns locale: one chunk, loaded by a circle that uses it.
import data from '../../../templates/prompts.pt.yaml';
import type { Catalogue } from '../words.js';

export { ptBR as locale } from 'date-fns/locale/pt-BR';
export const catalogue = data as Catalogue;
