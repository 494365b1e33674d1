// The command line: the program, its global options and the wiring of the commands.
// Each command is defined (arguments, options, help) in commands/NAME/command.ts; its
// run, and what that needs (the store, colours, dates), is imported only when it runs,
// so `circle --help` stays light.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { define as agenda } from './commands/agenda/command.js';
import { define as agreements } from './commands/agreements/command.js';
import { define as check } from './commands/check/command.js';
import { define as completion } from './commands/completion/command.js';
import { define as edit } from './commands/edit/command.js';
import { define as help } from './commands/help/command.js';
import { define as history } from './commands/history/command.js';
import { define as init } from './commands/init/command.js';
import { define as list } from './commands/list/command.js';
import { define as meet } from './commands/meet/command.js';
import { define as members } from './commands/members/command.js';
import { define as mergeFile } from './commands/merge-file/command.js';
import { define as minutes } from './commands/minutes/command.js';
import { define as nametags } from './commands/nametags/command.js';
import { define as practice } from './commands/practice/command.js';
import { define as questions } from './commands/questions/command.js';
import { define as schedule } from './commands/schedule/command.js';
import { define as send } from './commands/send/command.js';
import { define as stats } from './commands/stats/command.js';
import { define as sync } from './commands/sync/command.js';
import { define as topics } from './commands/topics/command.js';
import { examples, type Define, type Wire } from './commands/wire.js';
import type { Deps, GlobalOptions } from './context.js';
import { CircleError, displayPath, EXIT, fsReason, quoteControls } from './errors.js';

/** The version: set by the build (scripts/build.mjs), else read from package.json. */
declare const __CIRCLE_VERSION__: string | undefined;
function version(): string {
  if (typeof __CIRCLE_VERSION__ === 'string') return __CIRCLE_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The commands, in the order the help lists them; each is defined in commands/NAME/command.ts. */
const COMMANDS: Define[] = [init, list, agenda, nametags, members, meet, topics, questions, agreements, check, minutes, history, practice, stats, schedule, send, sync, edit, mergeFile, completion, help];

/** The program; each command's exit code goes to onExit. */
function createProgram(deps: Deps, onExit: (code: number) => void): Command {
  const program = new Command('circle');

  /** A command's action: its run module, loaded when it runs, given the context and the command's arguments. */
  const wire: Wire = (load) => async (...args) => {
    const command = args.at(-1) as Command;
    const [mod, { createContext }] = await Promise.all([load(), import('./context.js')]);
    const code = await mod.run(createContext(deps, command.optsWithGlobals() as GlobalOptions), ...args);
    onExit(typeof code === 'number' ? code : EXIT.ok);
  };

  program
    .description(
      'A companion for facilitators of learning circles: scaffold a circle, print the\n' +
        "next agenda from last meeting's What's Next, run the meeting, keep the minutes in git.",
    )
    .version(version(), '-V, --version', 'print the version')
    .option('--home <dir>', 'workspace folder holding circles/ (default: $CIRCLE_HOME, else the nearest folder upward with circles/)')
    .option('--circle <slug>', 'which circle (default: the folder you stand in, else the only one)')
    .option('--color', 'colours even when not on a terminal (FORCE_COLOR=1 does the same)')
    .option('--no-color', 'no colours, even on a terminal (NO_COLOR=1 does the same)')
    .showHelpAfterError('(add --help for usage)')
    // Every command's help lists --home, --circle and the colour options too.
    .configureHelp({ showGlobalOptions: true })
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void deps.stdout.write(s),
      writeErr: (s) => void deps.stderr.write(quoteControls(s)),
    })
    .addHelpText(
      'after',
      examples('circle init "Eastside Youth Workers"', 'circle agenda', 'circle meet', 'circle --circle riverside-leaders history') +
        '\nExit codes: 0 ok, 1 failure, 2 usage error, 3 not found (a circle, member, meeting or topic), 65 bad data file,\n130 interrupted.\n',
    );
  for (const define of COMMANDS) define(program, wire);
  return program;
}

/** The message for an error that reached the top, with the exit code it means. */
function explain(error: unknown, deps: Deps): { text: string; code: number } {
  const stack = deps.env.CIRCLE_DEBUG ? `${(error as Error).stack}\n` : '';
  if (error instanceof CircleError) return { text: `${error.message}\n${stack}`, code: error.exitCode };
  // A file the system refused (a full or read-only disk, no permission): plain words, not a stack.
  const { path } = error as NodeJS.ErrnoException;
  const reason = fsReason(error);
  if (reason && path) return { text: `circle: ${displayPath(path, deps.cwd)}: ${reason}\n${stack}`, code: EXIT.failure };
  const message = error instanceof Error ? error.message : String(error);
  return { text: `circle: unexpected error: ${message}\n${stack || 'Run again with CIRCLE_DEBUG=1 to see the details.\n'}`, code: EXIT.failure };
}

/** Tell the user why a command failed; messages echo file contents and arguments, so they never drive the terminal. */
function report(error: unknown, deps: Deps): number {
  const { text, code } = explain(error, deps);
  deps.stderr.write(quoteControls(text));
  return code;
}

/** Parse argv and run; returns the exit code (the caller sets it). Every error is reported here. */
export async function runCli(argv: string[], deps: Deps): Promise<number> {
  let code: number = EXIT.ok;
  const onExit = (c: number) => (code = c);
  const program = createProgram(deps, onExit);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, help <command>, --version
      return EXIT.usage;
    }
    return report(error, deps);
  }
  return code;
}

/** The clock; `today` (YYYY-MM-DD, from CIRCLE_TODAY) moves it to that day, keeping the time running. */
export function clockFor(today: string | undefined): () => Date {
  const m = today ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(today) : null;
  if (!m) return () => new Date();
  return () => {
    const d = new Date();
    d.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return d;
  };
}

