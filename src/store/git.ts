// Committing what a command wrote: git run with execFile (never a shell), committing only the given paths.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env, encoding: 'utf8' });
  return stdout;
}

/** True when `dir` is inside a git work tree (and git is installed). */
export async function insideWorkTree(dir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    return (await git(dir, ['rev-parse', '--is-inside-work-tree'], env)).trim() === 'true';
  } catch {
    return false;
  }
}

export type CommitResult = { ok: true } | { ok: false; reason: string };

/** `git add -- paths` then `git commit -m message -- paths`: nothing else staged is committed. */
export async function commitPaths(dir: string, paths: string[], message: string, env: NodeJS.ProcessEnv): Promise<CommitResult> {
  try {
    await git(dir, ['add', '--', ...paths], env);
    await git(dir, ['commit', '--quiet', '-m', message, '--', ...paths], env);
    return { ok: true };
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    const reason = (e.stderr || e.message).trim().split('\n').filter(Boolean).slice(0, 6).join('\n  ');
    return { ok: false, reason };
  }
}

/** What became of a commit: made, not asked for (git.commit false, or no repository and not asked outright), or failed. */
export type Committed = CommitResult | { ok: 'off' | 'no-repo' };

/** Commit `paths` when the circle asks for it (`git.commit`, on unless false) and the workspace is a git repository. */
export async function commitIfWanted(dir: string, wanted: boolean | undefined, paths: string[], message: string, env: NodeJS.ProcessEnv): Promise<Committed> {
  if (wanted === false) return { ok: 'off' };
  if (!(await insideWorkTree(dir, env))) return { ok: wanted ? 'no-repo' : 'off' };
  return commitPaths(dir, paths, message, env);
}
