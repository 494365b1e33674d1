import { parse } from 'yaml';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // YAML imported by the sources (templates/prompts.yaml) is data, as in the build.
  plugins: [{ name: 'yaml-as-data', transform: (code, id) => (id.endsWith('.yaml') ? `export default ${JSON.stringify(parse(code))};` : undefined) }],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Processes, not threads: the in-process harness changes the working folder per run.
    pool: 'forks',
    // More workers than cores: many tests wait on child processes (git, tmux, chromium).
    maxWorkers: 4,
  },
});
