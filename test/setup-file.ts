// Run before each test file, even when files share a worker process (vitest.config.ts):
// after the file, its temp folders go and what was made once per file is made again, and
// the words printed go back to English (a circle read in another language sets them).
import { afterAll } from 'vitest';
import { ENGLISH, useWords } from '../src/core/words.js';
import { endOfFile } from './helpers.js';

afterAll(endOfFile);
afterAll(() => useWords(ENGLISH));
