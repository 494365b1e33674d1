// Questions on the terminal: @inquirer prompts bound to stdin for input and stderr
// for output, so that `circle … > file` still shows its questions. Each is imported on
// its own: @inquirer/prompts would also load the editor prompt and its character sets.
// The terminal is read through KeyInput (key-input.ts), which gives Esc and Shift-Tab
// their meaning whatever is typed after them.
import checkbox from '@inquirer/checkbox';
import confirm from '@inquirer/confirm';
import select, { Separator } from '@inquirer/select';
import type { Deps } from '../context.js';
import { InterruptedError } from '../errors.js';
import { keyInput, type KeyInput, type SpecialKey } from './key-input.js';
import { linePrompt, type LineAnswer, type LineConfig } from './line-prompt.js';

export interface Choice<T> {
  name: string;
  value: T;
  checked?: boolean;
}
/** A heading between choices (the review's sections). */
export interface Heading {
  separator: string;
}

/** The keys that leave a question without answering it: Esc (`escape`), Shift-Tab (`back`). */
export type Leave = Partial<Record<SpecialKey, boolean>>;

/** A question left with one of the keys of `Leave`: which. */
export class KeyExit extends Error {
  constructor(readonly key: SpecialKey) {
    super(`left with ${key}`);
    this.name = 'KeyExit';
  }
}

export interface Ask {
  /** One line; with `edit`, the default is put in the line to change. */
  text(message: string, options?: { default?: string; validate?: (v: string) => true | string; edit?: boolean }): Promise<string>;
  /** One line of the meeting: may be left (KeyExit) and, with `confide`, marked as kept in confidence (Ctrl-T). */
  line(message: string, options: Omit<LineConfig, 'message' | 'onLine'>, leave: Leave): Promise<LineAnswer>;
  confirm(message: string, defaultValue?: boolean, leave?: Leave): Promise<boolean>;
  select<T>(message: string, choices: Array<Choice<T> | Heading>, defaultValue?: T, leave?: Leave): Promise<T>;
  checkbox<T>(message: string, choices: Choice<T>[], leave?: Leave): Promise<T[]>;
}

/** What an inquirer prompt is given besides its config: the streams, an abort signal and `clearPromptOnDone`. */
type Context = NonNullable<Parameters<typeof confirm>[1]>;

/**
 * A prompt that ends like the rest of the program: Ctrl-C (inquirer's ExitPromptError)
 * is an InterruptedError (exit 130), and so is the end of the input (Ctrl-D), which
 * inquirer never answers: the process would just stop with nothing pending but the prompt.
 * The interruption carries the line typed and not entered (`typed`). A key of `leave`
 * takes the question off the screen and ends it with a KeyExit.
 */
function asking<T>(input: KeyInput, output: NodeJS.WritableStream, leave: Leave, start: (context: Context) => Promise<T>, typed?: () => string): Promise<T> {
  const abort = new AbortController();
  let left: SpecialKey | undefined;
  const context: Context = { input, output, signal: abort.signal, clearPromptOnDone: false };
  const onExit = () => abort.abort();
  process.once('beforeExit', onExit);
  input.onKey = (key) => {
    if (!leave[key] || left) return false;
    left = key;
    context.clearPromptOnDone = true; // read by inquirer once the prompt ends
    abort.abort();
    return true;
  };
  const asked = start(context);
  input.release(); // what was typed after the key that ended the last question is for this one
  const interrupted = (message?: string) => Object.assign(new InterruptedError(message), { typed: typed?.() ?? '' });
  return asked
    .catch((error: unknown) => {
      if (error instanceof Error && error.name === 'AbortPromptError' && left) throw new KeyExit(left);
      if (error instanceof Error && error.name === 'ExitPromptError') throw interrupted();
      if (error instanceof Error && error.name === 'AbortPromptError') throw interrupted('input ended (Ctrl-D)');
      throw error;
    })
    .finally(() => {
      process.off('beforeExit', onExit);
      input.onKey = () => false;
    });
}

export function createAsk(deps: Pick<Deps, 'stdin' | 'stderr'>): Ask {
  const input = keyInput(deps.stdin);
  const output = deps.stderr as NodeJS.WritableStream;
  const line: Ask['line'] = (message, o, leave) => {
    let now = '';
    return asking(input, output, leave, (c) => linePrompt({ message, ...o, onLine: (l) => (now = l) }, c), () => now);
  };
  return {
    line,
    text: async (message, o = {}) => (await line(message, o, {})).text,
    confirm: (message, defaultValue = false, leave = {}) => asking(input, output, leave, (c) => confirm({ message, default: defaultValue }, c)),
    select: (message, choices, defaultValue, leave = {}) =>
      asking(input, output, leave, (c) =>
        select(
          {
            message,
            choices: choices.map((ch) => ('separator' in ch ? new Separator(ch.separator) : ch)),
            ...(defaultValue !== undefined ? { default: defaultValue } : {}),
            pageSize: 12,
          },
          c,
        ),
      ),
    checkbox: (message, choices, leave = {}) => asking(input, output, leave, (c) => checkbox({ message, choices, pageSize: 15, loop: false }, c)),
  };
}
