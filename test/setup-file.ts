// Run before each test file, even when files share a worker process (vitest.config.ts):
// after the file, its temp folders go and what was made once per file is made again.
import { afterAll } from 'vitest';
import { endOfFile } from './helpers.js';

afterAll(endOfFile);
