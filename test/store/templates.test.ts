// templates/prompts.yaml is embedded as data (vitest.config.ts here, scripts/build.mjs
// in dist/): what loadPrompts returns must be the file as it is on disk.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { promptsSchema } from '../../src/core/prompts.js';
import { loadPrompts, templatePath } from '../../src/store/templates.js';

it('loadPrompts gives the questions of templates/prompts.yaml', async () => {
  const onDisk = promptsSchema.parse(parse(readFileSync(templatePath('prompts.yaml'), 'utf8')));
  expect(await loadPrompts()).toEqual(onDisk);
});
