import { parse } from 'yaml';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** Test files that mock a module (vi.mock): each runs in a fresh process, so the mock reaches every module and stays in that file. */
const MOCKING = ['test/cli/check.test.ts', 'test/store/faults.test.ts', 'test/store/summaries.test.ts'];

const project = (test: TestProjectInlineConfiguration['test']): TestProjectInlineConfiguration => ({
  // YAML imported by the sources (templates/prompts.yaml) is data, as in the build.
  plugins: [{ name: 'yaml-as-data', transform: (code, id) => (id.endsWith('.yaml') ? `export default ${JSON.stringify(parse(code))};` : undefined) }],
  test: {
    // After each test file, isolated or not: its temp folders go, and per-file fixtures are made again.
    setupFiles: ['test/setup-file.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Processes, not threads: the in-process harness changes the working folder per run.
    pool: 'forks',
    ...test,
  },
});

export default defineConfig({
  test: {
    // Once for the whole run (a project that inherited it would run it again).
    globalSetup: ['test/global-setup.ts'],
    // More workers than cores: many tests wait on child processes (git, tmux, chromium).
    maxWorkers: 4,
    projects: [
      // These files share worker processes, one file after another, and load the sources once per worker, not once per file.
      project({ name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, isolate: false }),
      project({ name: 'mocking', include: MOCKING }),
    ],
  },
});
