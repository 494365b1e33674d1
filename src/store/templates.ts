// The files shipped in templates/: the scaffold of a new circle.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** templates/ at the package root, found upward from this module (bundled in dist/ or run from src/). */
function findTemplates(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'templates', 'circle.yaml'))) return join(dir, 'templates');
    if (dirname(dir) === dir) throw new Error('templates/ not found beside the program');
  }
}

const templatesDir = findTemplates();
export const templatePath = (name: string) => join(templatesDir, name);
