// What a command's definition (commands/NAME/command.ts) gets from the command line.
import type { Command } from 'commander';
import type { Context } from '../context.js';

/** A command's run module, imported only when the command runs. */
type RunModule = { run(ctx: Context, ...args: any[]): Promise<number | void> };

/** The commander action for a run module: loads it, makes the context, runs it and keeps its exit code. */
export type Wire = (load: () => Promise<RunModule>) => (...args: any[]) => Promise<void>;

/** Defines one command (or a few) on the program. */
export type Define = (program: Command, wire: Wire) => void;

/** The "Examples:" block of a command's help. */
export const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
