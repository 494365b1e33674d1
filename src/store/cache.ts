// What the derived files in circles/<slug>/.cache/ share (local state, git-ignored): where
// they live, the build that wrote them, and when a file's times can be trusted.
import { join } from 'node:path';

/** The build (a hash of the sources, set by scripts/build.mjs): a cache from any other build is worked out again. */
declare const __CIRCLE_BUILD__: string | undefined;
export const BUILD = typeof __CIRCLE_BUILD__ === 'string' ? __CIRCLE_BUILD__ : 'source';

export const cacheDir = (dir: string) => join(dir, '.cache');

/**
 * A file modified less than this long before it was read may be edited again within the
 * same tick of a coarse clock, leaving its size and times unchanged: what was read from it
 * is not trusted later (git's "racy clean" rule).
 */
export const RACY_MS = 2000;
