// Run before each test file, even when files share a worker process (vitest.config.ts):
// after the file, its temp folders go and what was made once per file is made again, and
// the words printed go back to English (a circle read in another language sets them).
// Every property test is seeded: fast-check prints the seed with a counterexample, and
// FAST_CHECK_SEED=N replays it.
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { ENGLISH, useWords } from '../src/core/words.js';
import { endOfFile } from './helpers.js';

fc.configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20261207) });

afterAll(endOfFile);
afterAll(() => useWords(ENGLISH));
