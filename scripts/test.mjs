// npm test: the typecheck beside vitest, not before it (tsc keeps one core busy for a while,
// vitest takes the rest; after the first run tsc checks only what changed); what tsc says is printed after vitest's summary, and the run fails
// if either fails. Arguments go to vitest: `npm test -- test/cli/agenda.test.ts`.
// On Linux it also prints the CPU time each took, with every process they started: on a
// busy machine that says more about the suite's cost than the wall clock.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU seconds (user + system) of the child processes reaped so far, and of theirs; undefined without /proc. */
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime, in USER_HZ (100 on Linux)
  } catch {
    return undefined;
  }
}

/** Run a command; resolves with its exit code (1 if a signal ended it), its CPU seconds and, when `quiet`, what it printed. */
function run(command, args, quiet = false) {
  const child = spawn(command, args, { stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'] });
  let output = '';
  if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (output += d));
  // A child is reaped just before its 'exit' ('close' waits for its pipes too): the rise in the children's CPU time since the last reap is its own.
  let cpu;
  child.on('exit', () => {
    const now = childrenCpu();
    cpu = now === undefined ? undefined : now - reaped;
    reaped = now ?? 0;
  });
  return new Promise((done) => child.on('close', (code) => done({ code: code ?? 1, output, cpu })));
}
let reaped = childrenCpu() ?? 0;

// tsc keeps what it learnt (node_modules/.cache): the next run checks only what changed since.
const incremental = ['--incremental', '--tsBuildInfoFile', 'node_modules/.cache/circle/tsc.tsbuildinfo'];
const [typecheck, tests] = await Promise.all([run('npm', ['run', '--silent', 'typecheck', '--', ...incremental], true), run('vitest', ['run', ...process.argv.slice(2)])]);
process.stdout.write(typecheck.code ? `\nTypecheck (tsc) failed:\n${typecheck.output}` : 'Typecheck (tsc): no errors.\n');
if (tests.cpu !== undefined) process.stdout.write(`CPU time: vitest ${tests.cpu.toFixed(1)} s, tsc ${typecheck.cpu.toFixed(1)} s (user + system, with the processes each started)\n`);
process.exitCode = typecheck.code || tests.code;
