// circle merge-file BASE OURS THEIRS [PATH]: the merge driver git runs for circle.yaml,
// members.yaml and meetings/*.yaml (registered by `circle init` and `circle sync`); not for
// people to type.
import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { EXIT } from '../../errors.js';
import { SYNC_LABELS } from '../../store/conflict-markers.js';
import { mergeFiles } from '../../store/merge-driver.js';
import { SYNC_ENV } from '../../store/sync.js';

export async function run(ctx: Context, base: string, ours: string, theirs: string, path: string | undefined): Promise<number> {
  const at = (p: string) => resolve(ctx.deps.cwd, p);
  // In `circle sync` (a rebase) git's "ours" is what is already shared and "theirs" the local change.
  const labels: [string, string] = ctx.deps.env[SYNC_ENV] ? SYNC_LABELS : ['ours', 'theirs'];
  const result = await mergeFiles({ base: at(base), ours: at(ours), theirs: at(theirs) }, labels, ctx.deps.env);
  if (!result.conflicts.length) return EXIT.ok;
  ctx.out.info(`circle: ${path ?? ours}: changed on both sides, each differently: ${result.conflicts.join('; ')}`);
  return EXIT.failure;
}
