// The program's one entry point and the only place that sets the exit code.
import { clockFor, runCli } from './cli.js';
import { EXIT, fsReason } from './errors.js';

// stdin and stderr are made when first used: on a pipe or a file, making one sets up
// Node's streams (stdin on /dev/null also loads fs/promises and readline).
// Messages are a courtesy: a closed or broken stderr never changes the outcome.
let stderr: NodeJS.WriteStream | undefined;
const messages = () => (stderr ??= process.stderr.on('error', () => {}));

// A closed pipe (`circle history | head`) is not an error; any other failed write
// (a full disk, `> /dev/full`) is, as the output is lost.
let outputLost = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  if (outputLost) return;
  outputLost = true;
  messages().write(`circle: cannot write the output: ${fsReason(error) ?? error.message}\n`);
  if (!process.exitCode) process.exitCode = EXIT.failure;
});

// Not a top-level await: the build makes each module CommonJS (see scripts/build.mjs).
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  get stderr() {
    return messages();
  },
  now: clockFor(process.env.CIRCLE_TODAY),
}).then((code) => {
  process.exitCode = code || (outputLost ? EXIT.failure : EXIT.ok);
});
