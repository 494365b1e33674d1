// The commit of the files a command wrote, and what the user is told about it.
import type { Context } from '../context.js';
import { displayPath } from '../errors.js';
import { commitIfWanted, type Committed } from '../store/git.js';

/**
 * Tell the user what became of the commit; the exit code it leaves (1 when git failed, said
 * as a warning): `written` says what stays on disk, `shown` the files to commit by hand.
 */
export function reportCommit(out: Context['out'], done: Committed, message: string, written: string, shown: readonly string[]): 0 | 1 {
  if (done.ok === true) out.info(`Committed: ${message}`);
  if (done.ok === 'no-repo') out.info('Not committed: this workspace is not a git repository (`git init` to keep the history in git).');
  if (done.ok !== false) return 0;
  const them = shown.length > 1 ? 'them' : 'it';
  const files = shown.join(' ');
  out.warn(`${written}, but git could not commit ${them}:\n  ${done.reason}\nCommit ${them} yourself: git add -- ${files} && git commit -- ${files}`);
  return 1;
}

/** Commit `files` when the circle wants it (`git.commit`), and say how it went; `written` defaults to "FILE is written". */
export async function commitWritten(ctx: Context, dir: string, wanted: boolean | undefined, files: string[], message: string, written?: string): Promise<0 | 1> {
  const shown = files.map((f) => displayPath(f, ctx.deps.cwd));
  const done = await commitIfWanted(dir, wanted, files, message, ctx.deps.env);
  return reportCommit(ctx.out, done, message, written ?? `${shown[0]} is written`, shown);
}
