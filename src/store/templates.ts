// The files shipped in templates/: scaffolds and default prompts.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { promptsSchema, type Prompts } from '../core/prompts.js';
import { loadYaml } from './yaml-file.js';

export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));
export const templatePath = (name: string) => join(templatesDir, name);

export async function loadPrompts(): Promise<Prompts> {
  return (await loadYaml(templatePath('prompts.yaml'), promptsSchema)).data;
}
