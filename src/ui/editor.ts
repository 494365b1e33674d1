// The person's own text editor: $VISUAL, else $EDITOR, else vi, run as git runs it
// (through sh, so "code --wait" works), on the terminal, and waited for.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export function editorOf(env: NodeJS.ProcessEnv): string {
  return env.VISUAL || env.EDITOR || 'vi';
}

/** Open `file` and resolve to the editor's exit code once it is closed. */
export function openEditor(file: string, env: NodeJS.ProcessEnv): Promise<number> {
  const editor = editorOf(env);
  // Ctrl-C belongs to the editor while it runs (vi uses it); circle waits.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  return new Promise<number>((resolve, reject) => {
    const child = spawn('sh', ['-c', `${editor} "$@"`, editor, file], { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  }).finally(() => process.off('SIGINT', ignore));
}
