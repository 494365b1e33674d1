// Committing the minutes: git run with execFile (never a shell), committing only the given paths.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Run git in `cwd` and return what it printed; a failure rejects with git's stderr, stdout and exit code. */
export async function git(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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
