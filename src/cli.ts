// The command line: commander wiring and global options. Each command's code, and
// what it needs (the store, colours, dates), is loaded only when that command runs,
// so `circle --help` stays light.
import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import type { Context, Deps, GlobalOptions } from './context.js';
import { CircleError, displayPath, EXIT, fsReason, quoteControls } from './errors.js';
import { DOCUMENT_FORMATS } from './render/formats.js';


type CommandModule = { run(ctx: Context, ...args: any[]): Promise<number | void> };

/** The version: set by the build (scripts/build.mjs), else read from package.json. */
declare const __CIRCLE_VERSION__: string | undefined;
function version(): string {
  if (typeof __CIRCLE_VERSION__ === 'string') return __CIRCLE_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/**
 * The program (exported for scripts/build.mjs, which makes the top-level help from it).
 * With `only`, just that command is defined: building all of them is a good part of
 * starting up, and a command's run needs only its own definition.
 */
export function createProgram(deps: Deps, onExit: (code: number) => void, only?: string): Command {
  const program = new Command('circle');
  const wanted = (name: string) => only === undefined || only === name;

  /** Wire a command to its module, loaded on first use; its exit code goes to onExit. */
  const action =
    (load: () => Promise<CommandModule>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const global = command.optsWithGlobals() as GlobalOptions;
      const [mod, { createContext }] = await Promise.all([load(), import('./context.js')]);
      const code = await mod.run(createContext(deps, global), ...args.slice(0, -1));
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
        '\nExit codes: 0 ok, 1 failure, 2 usage error, 65 bad data file, 130 interrupted.\n',
    );

  if (wanted('init')) {
    program
      .command('init')
      .description('scaffold a new circle in circles/<slug>/ (asks on a terminal; --yes takes the defaults)')
      .argument('[name]', 'the circle\'s name, e.g. "Eastside Youth Workers"')
      .option('-y, --yes', 'do not ask: use flags and defaults')
      .option('--purpose <text>', 'why the circle meets')
      .option('--cadence <rule>', 'e.g. "weekly on Tuesday", "every 2 weeks on Tuesday", "monthly on the 2nd Tuesday"')
      .option('--start <HH:MM>', 'start time, 24 h')
      .option('--duration <minutes>', 'length of a meeting in minutes (120 by default)')
      .option('--location <place>', 'where the circle meets')
      .option('--slug <folder>', 'folder name under circles/ (default: made from the name)')
      .addHelpText('after', examples('circle init "Eastside Youth Workers" --yes', 'circle init "Eastside Youth Workers" --cadence "monthly on the 1st Thursday" --start 18:30 --yes'))
      .action(action(() => import('./commands/init.js')));
  }

  if (wanted('list')) {
    program
      .command('list')
      .description('the circles in this workspace, with members, meetings and the last and next meeting')
      .option('--json', 'print JSON')
      .addHelpText('after', examples('circle list', 'circle list --json'))
      .action(action(() => import('./commands/list.js')));
  }

  if (wanted('agenda')) {
    program
      .command('agenda')
      .description("the next meeting's agenda, built from the circle and what the group decided last time")
      .option('--date <YYYY-MM-DD>', 'the meeting date (default: the date chosen last time, else the next one by the schedule)')
      .addOption(new Option('--format <format>', 'markdown (default), text for lp, html with print CSS, or pdf').choices(DOCUMENT_FORMATS))
      .option('--out <file>', 'write to a file ("-" for stdout); without --format, its extension (.md, .txt, .html, .pdf, .json) picks the format; pdf goes to print/agenda-DATE.pdf in the circle\'s folder by default')
      .option('--full', 'every open topic, question and issue, and each part\'s questions as a list (the handout keeps to two pages)')
      .option('--json', 'print the agenda data as JSON')
      .addHelpText(
        'after',
        examples('circle agenda', 'circle agenda --format text | lp', 'circle agenda --format pdf', 'circle agenda --date 2026-12-15 --format html --out agenda.html'),
      )
      .action(action(() => import('./commands/agenda.js')));
  }

  if (wanted('nametags')) {
    program
      .command('nametags')
      .description('big first-name name tags for the active members and guests, 8 to a sheet (A4 or Letter)')
      .addOption(new Option('--format <format>', 'pdf (default) or html').choices(['pdf', 'html']))
      .option('--out <file>', 'write to this file ("-" for stdout); without --format, .html or .pdf picks the format; pdf goes to print/nametags.pdf in the circle\'s folder by default')
      .option('--guest <name>', 'add a tag for a guest (repeat for more)', (value: string, prev: string[] = []) => [...prev, value])
      .addHelpText('after', examples('circle nametags', 'circle nametags --guest "Ana Souza" --guest "Dr Nadia Karim"', 'circle nametags --format html --out tags.html'))
      .action(action(() => import('./commands/nametags.js')));
  }

  if (wanted('members')) {
    const members = program
      .command('members')
      .description('the people in the circle: list, add or remove')
      .addHelpText('after', examples('circle members', 'circle members add "Ana Souza" --org "Eastside Library"', 'circle members remove "Ana Souza"'));
    members
      .command('list', { isDefault: true })
      .description('list the members (active first)')
      .option('--all', 'include members who have left')
      .option('--json', 'print JSON')
      .addHelpText('after', examples('circle members list --all'))
      .action(action(() => import('./commands/members.js').then((m) => ({ run: m.list }))));
    members
      .command('add')
      .description('add a member (asks on a terminal for what the flags leave out)')
      .argument('[name]', 'full name')
      .option('--tag <first-name>', 'name for the name tag (default: the first name)')
      .option('--org <organization>', 'their organisation')
      .option('--joined <YYYY-MM-DD>', 'date they joined (default: today)')
      .option('--vision <text>', 'their answer to "if your mission succeeded, what would the community look like?"')
      .option('-y, --yes', 'do not ask')
      .addHelpText('after', examples('circle members add "Ana Souza" --org "Eastside Library" --yes'))
      .action(action(() => import('./commands/members.js').then((m) => ({ run: m.add }))));
    members
      .command('remove')
      .description('mark a member as no longer active (their history stays)')
      .argument('<name>', 'full name, or the start of it if that is unique')
      .addHelpText('after', examples('circle members remove "Ana Souza"'))
      .action(action(() => import('./commands/members.js').then((m) => ({ run: m.remove }))));
  }

  if (wanted('meet')) {
    program
      .command('meet')
      .description('run the meeting: asks section by section, saves every answer at once, writes the minutes and commits them')
      .option('--date <YYYY-MM-DD>', 'the meeting date (default: today)')
      .option('--resume', 'carry on with the interrupted meeting in .draft.yaml')
      .option('--answers <file>', 'take the answers from a YAML file of step id → answer instead of asking (for scripts)')
      .option('--revisit <part>', 'also go over the purpose, the ground rules or the format with the group (repeat for more)', (value: string, prev: string[] = []) => [...prev, value])
      .addHelpText(
        'after',
        examples('circle meet', 'circle meet --resume', 'circle meet --revisit rules', 'circle meet --date 2026-11-17 --answers answers.yaml') +
          '\nEnter skips a question; in Time to Reflect and What\'s Next, "++ topic" in an answer notes a speaker request.\n' +
          "A circle's first meeting agrees its purpose, ground rules and format; --revisit brings one back later.\n" +
          'Ctrl-C keeps the draft: `circle meet --resume` continues at the first unanswered question.\n',
      )
      .action(action(() => import('./commands/meet.js')));
  }

  if (wanted('topics')) {
    const topics = program
      .command('topics')
      .description('the backlog: every topic the group asked to learn about and has not learned yet, most-asked first')
      .addHelpText(
        'after',
        examples('circle topics', 'circle topics --json', 'circle topics drop 3', 'circle topics drop "Board recruitment"') +
          '\nA topic leaves the backlog when it is the topic of a Learning Together, or when you drop it.\n',
      );
    topics
      .command('list', { isDefault: true })
      .description('list the open topics, numbered, with who asked and since when')
      .option('--json', 'print JSON')
      .action(action(() => import('./commands/topics.js').then((m) => ({ run: m.list }))));
    topics
      .command('drop')
      .description('let a topic go (recorded in circle.yaml under dropped_topics); asking for it again brings it back')
      .argument('<topic>', 'its number in `circle topics`, or the topic itself')
      .addHelpText('after', examples('circle topics drop 3'))
      .action(action(() => import('./commands/topics.js').then((m) => ({ run: m.drop }))));
  }

  if (wanted('questions')) {
    const questions = program
      .command('questions')
      .description('the questions left open at Learning Together and the new issues raised at Reflect, until answered or let go')
      .addHelpText(
        'after',
        examples('circle questions', 'circle questions --json', 'circle questions drop 2', 'circle questions drop "Who pays for the checks?"') +
          '\nA question leaves the list when a meeting marks it answered (Learning Together offers the open ones), or when you drop it.\n',
      );
    questions
      .command('list', { isDefault: true })
      .description('list what is open, numbered, most raised first, with who raised it and since when')
      .option('--json', 'print JSON')
      .action(action(() => import('./commands/questions.js').then((m) => ({ run: m.list }))));
    questions
      .command('drop')
      .description('let a question or issue go (recorded in circle.yaml under dropped_questions); raising it again brings it back')
      .argument('<question>', 'its number in `circle questions`, or its text (or the start of it)')
      .addHelpText('after', examples('circle questions drop 2'))
      .action(action(() => import('./commands/questions.js').then((m) => ({ run: m.drop }))));
  }

  if (wanted('purpose')) {
    program
      .command('purpose')
      .description('why the circle meets, and what it wants to be different (agreed at the first meeting)')
      .option('--json', 'print JSON')
      .addHelpText('after', examples('circle purpose', 'circle purpose --json', 'circle meet --revisit purpose'))
      .action(action(() => import('./commands/agreements.js').then((m) => ({ run: m.purpose }))));
  }

  if (wanted('rules')) {
    program
      .command('rules')
      .description("the circle's ground rules (agreed at the first meeting)")
      .option('--json', 'print JSON')
      .addHelpText('after', examples('circle rules', 'circle rules --json', 'circle meet --revisit rules'))
      .action(action(() => import('./commands/agreements.js').then((m) => ({ run: m.rules }))));
  }

  if (wanted('check')) {
    program
      .command('check')
      .description('validate every file of the circle and print each problem as file:line:col')
      .option('--all', 'check every circle in the workspace')
      .option('--json', 'print the problems as JSON (exit code as without)')
      .addHelpText('after', examples('circle check', 'circle check --all'))
      .action(action(() => import('./commands/check.js')));
  }

  if (wanted('minutes')) {
    program
      .command('minutes')
      .description("one meeting's minutes (the last meeting by default), for members or, with --public, for anyone")
      .argument('[date]', 'the meeting, YYYY-MM-DD (default: the last one)')
      .addOption(new Option('--format <format>', 'markdown (default), text, html, pdf or json').choices([...DOCUMENT_FORMATS, 'json']))
      .option('--json', 'the same as --format json')
      .option('--out <file>', 'write to a file; without --format, its extension (.md, .txt, .html, .pdf, .json) picks the format (pdf: print/minutes-DATE.pdf in the circle\'s folder by default)')
      .option('--public', 'only what the circle learned and decided, for people outside it: no reflections or answers of members, no list of who came (Learning Together notes are kept as written)')
      .addHelpText(
        'after',
        examples('circle minutes', 'circle minutes 2026-09-22 --format text', 'circle minutes --public --format html --out minutes.html', 'circle minutes 2026-10-20 --format pdf'),
      )
      .action(action(() => import('./commands/minutes.js')));
  }

  if (wanted('history')) {
    program
      .command('history')
      .description('one line per meeting: date, number, members present of members, the learning topic, the topic chosen for next time')
      .option('--json', 'print JSON')
      .addHelpText('after', examples('circle history', 'circle history --json'))
      .action(action(() => import('./commands/history.js')));
  }

  if (wanted('practice')) {
    program
      .command('practice')
      .description("each member's commitments meeting to meeting, what they reported at the next Reflect, and which were never followed up")
      .argument('[member]', 'one member: full name, first name, or the start of the name')
      .option('--json', 'print JSON')
      .addHelpText('after', examples('circle practice', 'circle practice José', 'circle practice --json'))
      .action(action(() => import('./commands/practice.js')));
  }

  if (wanted('stats')) {
    program
      .command('stats')
      .description('attendance per meeting and per member, topics learned, commitments followed up: as a chart')
      .addOption(new Option('--format <format>', 'text (a terminal chart, the default) or html (one page with SVG charts)').choices(['text', 'html']))
      .option('--json', 'print the numbers as JSON')
      .option('--out <file>', 'write to a file')
      .addHelpText('after', examples('circle stats', 'circle stats --format html --out stats.html', 'circle stats --json'))
      .action(action(() => import('./commands/stats.js')));
  }

  if (wanted('schedule')) {
    program
      .command('schedule')
      .description("the next meeting dates from the circle's schedule (and which rule gave them), with skipped dates; --ics writes a calendar file")
      .option('--count <n>', 'how many meetings', '6')
      .option('--from <date>', 'first date to consider, YYYY-MM-DD (default: today)')
      .option('--ics <file>', 'also write the meetings as an iCalendar file to import into a calendar app')
      .option('--json', 'print JSON')
      .addHelpText('after', examples('circle schedule', 'circle schedule --count 12 --ics riverside.ics', 'circle schedule --from 2027-01-01 --json'))
      .action(action(() => import('./commands/schedule.js')));

    // Sharing and editing by hand (issue 13): sync, edit, the git merge driver, help, completion.
  }

  if (wanted('sync')) {
    program
      .command('sync')
      .description("share the circles through the workspace's git remote: commit their changed files, pull (rebase), push, and say what came in")
      .addHelpText(
        'after',
        examples('circle sync') +
          "\nThe circles' YAML files are merged member by member and field by field; only a field both\n" +
          'sides changed is left for you to settle, and sync says where.\n',
      )
      .action(action(() => import('./commands/sync.js')));
  }

  if (wanted('edit')) {
    program
      .command('edit')
      .description('edit circle.yaml, members.yaml or a meeting in $VISUAL/$EDITOR; the file is replaced only once the edit checks')
      .addArgument(new Argument('[file]', 'circle (default), members, or minutes').choices(['circle', 'members', 'minutes']))
      .argument('[date]', 'with minutes: the meeting, YYYY-MM-DD (default: the last one)')
      .addHelpText('after', examples('circle edit', 'circle edit members', 'circle edit minutes 2026-10-20', 'EDITOR=nano circle edit members'))
      .action(action(() => import('./commands/edit.js')));
  }

  if (wanted('merge-file')) {
    program
      .command('merge-file', { hidden: true })
      .description('the git merge driver for circle.yaml, members.yaml and meetings/*.yaml (git runs it: %O %A %B %P)')
      .argument('<base>')
      .argument('<ours>')
      .argument('<theirs>')
      .argument('[path]')
      .action(action(() => import('./commands/merge-file.js')));
  }

  if (wanted('completion')) {
    program
      .command('completion')
      .description('print a tab-completion script for your shell')
      .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
      .addHelpText(
        'after',
        examples('source <(circle completion bash)        # in ~/.bashrc', 'circle completion zsh > "${fpath[1]}/_circle"', 'circle completion fish > ~/.config/fish/completions/circle.fish'),
      )
      .action(async (shell: 'bash' | 'zsh' | 'fish') => {
        const { completionScript } = await import('./commands/completion.js');
        deps.stdout.write(completionScript(program, shell));
        onExit(EXIT.ok);
      });
  }

  if (wanted('help')) {
    program
      .command('help')
      .description('show the help of a command, e.g. circle help members add')
      .argument('[command...]', 'the command and its subcommand')
      .action((names: string[]) => {
        const help = program.createHelp();
        let command: Command = program;
        for (const name of names) {
          const next = help.visibleCommands(command).find((c) => c.name() === name);
          if (!next) return program.error(`error: no command "circle ${names.join(' ')}"; see circle --help`, { exitCode: EXIT.usage });
          command = next;
        }
        command.help();
      });
  }

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

/** The command argv names: its first word that is not an option or a global option's value. */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (arg === '-h' || arg === '--help') return undefined; // the top-level help, listing them all
    if (arg === '--home' || arg === '--circle') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Parse argv and run; returns the exit code (the caller sets it). Every error is reported here. */
export async function runCli(argv: string[], deps: Deps): Promise<number> {
  let code: number = EXIT.ok;
  const onExit = (c: number) => (code = c);
  // `help` and `completion` show the others; an unknown name gets suggestions from all of them.
  const name = commandName(argv);
  let program = name === 'help' || name === 'completion' ? undefined : createProgram(deps, onExit, name);
  if (!program?.commands.length) program = createProgram(deps, onExit);
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

