// npm test: the typecheck beside vitest, not before it (tsc keeps one core busy for a while,
// vitest takes the rest); what tsc says is printed after vitest's summary, and the run fails
// if either fails. Arguments go to vitest: `npm test -- test/cli/agenda.test.ts`.
import { spawn } from 'node:child_process';

/** Run a command; resolves with its exit code (1 if a signal ended it) and, when `quiet`, what it printed. */
function run(command, args, quiet = false) {
  const child = spawn(command, args, { stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'] });
  let output = '';
  if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (output += d));
  return new Promise((done) => child.on('close', (code) => done({ code: code ?? 1, output })));
}

const [typecheck, tests] = await Promise.all([run('npm', ['run', '--silent', 'typecheck'], true), run('vitest', ['run', ...process.argv.slice(2)])]);
process.stdout.write(typecheck.code ? `\nTypecheck (tsc) failed:\n${typecheck.output}` : 'Typecheck (tsc): no errors.\n');
process.exitCode = typecheck.code || tests.code;
