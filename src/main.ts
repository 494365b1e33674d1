// The program's one entry point and the only place that sets the exit code.
import { clockFor, runCli } from './cli.js';
import { EXIT } from './errors.js';

// A closed pipe (`circle history | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
});

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  now: clockFor(process.env.CIRCLE_TODAY),
});
