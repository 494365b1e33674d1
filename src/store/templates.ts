// The files shipped in templates/: scaffolds and default prompts.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promptsSchema, type Prompts } from '../core/prompts.js';
import defaultPrompts from '../../templates/prompts.yaml';

/** templates/ at the package root, found upward from this module (bundled in dist/ or run from src/). */
function findTemplates(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'templates', 'prompts.yaml'))) return join(dir, 'templates');
    if (dirname(dir) === dir) throw new Error('templates/ not found beside the program');
  }
}

export const templatesDir = findTemplates();
export const templatePath = (name: string) => join(templatesDir, name);

/** templates/prompts.yaml, embedded as data when built (scripts/build.mjs; vitest.config.ts for the tests). */
export async function loadPrompts(): Promise<Prompts> {
  return promptsSchema.parse(defaultPrompts);
}
