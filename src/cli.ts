// The command line: the program, its global options and the wiring of the commands.
// Each command is defined (arguments, options, help) in commands/NAME/command.ts; its
// run, and what that needs (the store, colours, dates), is imported only when it runs,
// so `circle --help` stays light.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help } from 'commander';
import { agenda } from './commands/agenda/command.js';
import { purpose, rules } from './commands/agreements/command.js';
import { check } from './commands/check/command.js';
import { completion } from './commands/completion/command.js';
import { edit } from './commands/edit/command.js';
import { history } from './commands/history/command.js';
import { init } from './commands/init/command.js';
import { list } from './commands/list/command.js';
import { meet } from './commands/meet/command.js';
import { members } from './commands/members/command.js';
import { mergeFile } from './commands/merge-file/command.js';
import { minutes } from './commands/minutes/command.js';
import { nametags } from './commands/nametags/command.js';
import { practice } from './commands/practice/command.js';
import { questions } from './commands/questions/command.js';
import { schedule } from './commands/schedule/command.js';
import { send } from './commands/send/command.js';
import { define, examples, type CommandSpec, type Run } from './commands/spec.js';
import { stats } from './commands/stats/command.js';
import { sync } from './commands/sync/command.js';
import { topics } from './commands/topics/command.js';
import type { Deps, GlobalOptions } from './context.js';
import { CircleError, displayPath, EXIT, fsReason, quoteControls } from './errors.js';

/** The version: set by the build (scripts/build.mjs), else read from package.json. */
declare const __CIRCLE_VERSION__: string | undefined;
function version(): string {
  if (typeof __CIRCLE_VERSION__ === 'string') return __CIRCLE_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** `circle help members add`: that command's help. */
const help: CommandSpec = { about: 'show the help of a command, e.g. circle help members add', args: [['[command...]', 'the command and its subcommand']], wholeProgram: true };

/** The commands, in the order the help lists them; each is defined in commands/NAME/command.ts. */
const COMMANDS: Record<string, CommandSpec> = {
  init,
  list,
  agenda,
  nametags,
  members,
  meet,
  topics,
  questions,
  purpose,
  rules,
  check,
  minutes,
  history,
  practice,
  stats,
  schedule,
  send,
  sync,
  edit,
  'merge-file': mergeFile,
  completion,
  help,
};

/**
 * The program; each command's exit code goes to onExit. Every command is registered by
 * name and one line; commander picks the one to run, and only that one gets the rest of
 * its definition (options, arguments, help), just before its own arguments are parsed.
 */
function createProgram(deps: Deps, onExit: (code: number) => void): Command {
  const program = new Command('circle');

  /** The commands not yet given the rest of their definition. */
  const pending = new Map<Command, CommandSpec>();

  /** A command's action: its run, loaded when it runs, given the context and the command's arguments. */
  const wire = (load: () => Promise<Run>) => async (...args: unknown[]): Promise<void> => {
    const command = args.at(-1) as Command;
    const [run, { createContext }] = await Promise.all([load(), import('./context.js')]);
    const code = await run(createContext(deps, command.optsWithGlobals() as GlobalOptions), ...args);
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
    .configureHelp({
      // Every command's help lists --home, --circle and the colour options too.
      showGlobalOptions: true,
      // `circle --help` lists each command with its arguments as its spec gives them, defining none.
      subcommandTerm(command) {
        const spec = pending.get(command);
        if (!spec) return Help.prototype.subcommandTerm.call(this, command);
        return [command.name(), ...(spec.options?.length ? ['[options]'] : []), ...(spec.args ?? []).map(([arg]) => arg)].join(' ');
      },
    })
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void deps.stdout.write(s),
      writeErr: (s) => void deps.stderr.write(quoteControls(s)),
    })
    .addHelpText(
      'after',
      examples(['circle init "Eastside Youth Workers"', 'circle agenda', 'circle meet', 'circle --circle riverside-leaders history']) +
        '\nExit codes: 0 ok, 1 failure, 2 usage error, 3 not found (a circle, member, meeting or topic), 65 bad data file,\n130 interrupted.\n',
    );

  const complete = (command: Command) => {
    const spec = pending.get(command);
    if (!spec) return;
    pending.delete(command);
    define(command, spec, wire);
    if (spec.wholeProgram) completeAll();
  };
  const completeAll = () => [...pending.keys()].forEach(complete);
  for (const [name, spec] of Object.entries(COMMANDS)) pending.set(program.command(name, { hidden: spec.hidden }).description(spec.about), spec);
  program.hook('preSubcommand', (_, command) => complete(command));

  program.commands.find((c) => c.name() === 'help')!.action((names: string[]) => {
    let command: Command = program;
    for (const name of names) {
      const next = program.createHelp().visibleCommands(command).find((c) => c.name() === name);
      if (!next) return program.error(`error: no command "circle ${names.join(' ')}"; see circle --help`, { exitCode: EXIT.usage });
      command = next;
    }
    command.help();
  });
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

