// A command as data (commands/NAME/command.ts): its arguments, options, help and examples,
// and its run, imported only when it runs. cli.ts lists each command by name and its one
// line; the rest is given to commander only for the command that is about to run.
import { Argument, Option, type Command } from 'commander';
import type { Context } from '../context.js';

/** A command's run: the context, then commander's arguments, options and command. */
export type Run = (ctx: Context, ...args: any[]) => Promise<number | void>;

export interface CommandSpec {
  /** The one line `circle --help` lists it with. */
  about: string;
  /** `<required>`, `[optional]` or `[many...]`, what it is, and the words it may be. */
  args?: Array<[name: string, about?: string, choices?: readonly string[]]>;
  /** Flags, what they do, and the values they take (`repeat`: each use adds one to a list). */
  options?: Array<[flags: string, about: string, values?: { choices?: readonly string[]; default?: string; repeat?: true }]>;
  examples?: string[];
  /** Said after the examples. */
  more?: string;
  run?: () => Promise<Run>;
  /** The run reads every command's definition (completion, help). */
  wholeProgram?: true;
  /** Not in the help (git runs it). */
  hidden?: true;
  subcommands?: Record<string, CommandSpec & { isDefault?: true }>;
}

/** The "Examples:" block of a help text. */
export const examples = (lines: readonly string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** Gives commander the rest of `spec` for `command` (registered with its name and `about`). */
export function define(command: Command, spec: CommandSpec, action: (run: () => Promise<Run>) => (...args: any[]) => Promise<void>): void {
  for (const [name, about, choices] of spec.args ?? []) command.addArgument(choices ? new Argument(name, about).choices(choices) : new Argument(name, about));
  for (const [flags, about, values = {}] of spec.options ?? []) {
    const option = new Option(flags, about);
    if (values.choices) option.choices(values.choices);
    if (values.default !== undefined) option.default(values.default);
    if (values.repeat) option.argParser((value: string, prev: string[] = []) => [...prev, value]);
    command.addOption(option);
  }
  if (spec.examples || spec.more) command.addHelpText('after', (spec.examples ? examples(spec.examples) : '') + (spec.more ?? ''));
  for (const [name, sub] of Object.entries(spec.subcommands ?? {})) define(command.command(name, { isDefault: sub.isDefault }).description(sub.about), sub, action);
  if (spec.run) command.action(action(spec.run));
}
