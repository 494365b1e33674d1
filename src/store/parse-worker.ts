// A parsing thread for a cold summary cache: parses the meeting files it is given and
// posts back the summaries and problems (see parseAll in summaries.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { parseStale, VIEWS } from './summaries.js';

const { dir, view, stale } = workerData as { dir: string; view: string; stale: Parameters<typeof parseStale>[2] };
void parseStale(dir, VIEWS[view]!, stale).then((parsed) => parentPort!.postMessage(parsed));
