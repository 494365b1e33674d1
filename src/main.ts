// The program's one entry point and the only place that sets the exit code.
import { runCli } from './cli.js';
import { CircleError, displayPath, EXIT, fsReason, quoteControls } from './errors.js';

/** The message for an error that reached the top, with the exit code it means. */
function explain(error: unknown, debug: boolean): { text: string; code: number } {
  if (error instanceof CircleError) return { text: `${error.message}\n${debug ? `${error.stack}\n` : ''}`, code: error.exitCode };
  if (error instanceof Error && error.name === 'ExitPromptError') return { text: 'interrupted\n', code: EXIT.interrupted };
  // A file the system refused (a full or read-only disk, no permission): plain words, not a stack.
  const { path } = error as NodeJS.ErrnoException;
  const reason = fsReason(error);
  if (reason && path) return { text: `circle: ${displayPath(path)}: ${reason}\n${debug ? `${(error as Error).stack}\n` : ''}`, code: EXIT.failure };
  const message = error instanceof Error ? error.message : String(error);
  const details = debug ? `${(error as Error).stack}\n` : 'Run again with CIRCLE_DEBUG=1 to see the details.\n';
  return { text: `circle: unexpected error: ${message}\n${details}`, code: EXIT.failure };
}

function report(error: unknown): number {
  const { text, code } = explain(error, Boolean(process.env.CIRCLE_DEBUG));
  // Messages echo file contents and arguments: never let them drive the terminal.
  process.stderr.write(quoteControls(text));
  return code;
}

// A closed pipe (`circle history | head`) is not an error; any other failed write
// (a full disk, `> /dev/full`) is, as the output is lost.
let outputLost = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  if (outputLost) return;
  outputLost = true;
  process.stderr.write(`circle: cannot write the output: ${fsReason(error) ?? error.message}\n`);
  if (!process.exitCode) process.exitCode = EXIT.failure;
});
// Messages are a courtesy: a closed or broken stderr never changes the outcome.
process.stderr.on('error', () => {});

/** The clock; CIRCLE_TODAY=YYYY-MM-DD moves it to that day (for demos and tests), keeping the time running. */
function clock(today: string | undefined): () => Date {
  const m = today ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(today) : null;
  if (!m) return () => new Date();
  return () => {
    const d = new Date();
    d.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return d;
  };
}

let code: number;
try {
  code = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    now: clock(process.env.CIRCLE_TODAY),
  });
} catch (error) {
  code = report(error);
}
process.exitCode = code || (outputLost ? EXIT.failure : EXIT.ok);
