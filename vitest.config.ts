import { parse } from 'yaml';
import { defineConfig, type Plugin } from 'vitest/config';

/** A YAML file the program imports is its data, as in the build (scripts/build.mjs). */
const yamlData: Plugin = {
  name: 'yaml-data',
  enforce: 'pre',
  transform: (text, id) => (id.endsWith('.yaml') ? `export default ${JSON.stringify(parse(text, { uniqueKeys: true }))};` : undefined),
};

export default defineConfig({
  plugins: [yamlData],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
