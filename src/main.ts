// The program's one entry point and the only place that sets the exit code.
import { runCli } from './cli.js';
import { CircleError, EXIT } from './errors.js';

function report(error: unknown): number {
  const debug = Boolean(process.env.CIRCLE_DEBUG);
  if (error instanceof CircleError) {
    process.stderr.write(`${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && error.name === 'ExitPromptError') {
    process.stderr.write('interrupted\n');
    return EXIT.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`circle: unexpected error: ${message}\n`);
  process.stderr.write(debug ? `${(error as Error).stack}\n` : 'Run again with CIRCLE_DEBUG=1 to see the details.\n');
  return EXIT.failure;
}

// A closed pipe (`circle history | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
});

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

async function main(): Promise<void> {
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
  process.exitCode = code;
}

void main();
