// The program's one entry point and the only place that sets the exit code.
import { clockFor, runCli } from './cli.js';
import { EXIT, fsReason } from './errors.js';

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

// Not a top-level await: the build makes each module CommonJS (see scripts/build.mjs).
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  // Opened only when a command reads it: stdin on a file or /dev/null loads fs streams, fs/promises and readline.
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  now: clockFor(process.env.CIRCLE_TODAY),
}).then((code) => {
  process.exitCode = code || (outputLost ? EXIT.failure : EXIT.ok);
});
