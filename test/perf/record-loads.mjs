// Preloaded with `node --import` by loads.test.ts: appends the URL of every module the
// program loads to $CIRCLE_LOADS_FILE (ES modules through a loader hook, CommonJS from
// the require cache at exit).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const out = process.env.CIRCLE_LOADS_FILE;

export async function load(url, context, next) {
  appendFileSync(out, `${url}\n`);
  return next(url, context);
}

if (isMainThread) {
  register(import.meta.url);
  const cache = createRequire(import.meta.url)('node:module')._cache;
  process.on('exit', () => appendFileSync(out, Object.keys(cache).map((f) => `${pathToFileURL(f).href}\n`).join('')));
}
