// A parsing thread for a cold summary cache: parses the meeting files it is given and
// posts back the summaries and problems (see parseAll in parse-meetings.ts). It takes its
// files a few at a time from a counter it shares with the other threads.
import { parentPort, workerData } from 'node:worker_threads';
import { parseShare } from './parse-meetings.js';
import { VIEWS } from './summaries.js';

const { dir, view, stale, next } = workerData as { dir: string; view: string; stale: Parameters<typeof parseShare>[2]; next: Int32Array };
void parseShare(dir, VIEWS[view]!, stale, next).then((parsed) => parentPort!.postMessage(parsed));
