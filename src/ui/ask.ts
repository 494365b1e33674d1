// Questions on the terminal: @inquirer prompts bound to stdin for input and stderr
// for output, so that `circle … > file` still shows its questions. Each is imported on
// its own: @inquirer/prompts would also load the editor prompt and its character sets.
import checkbox from '@inquirer/checkbox';
import confirm from '@inquirer/confirm';
import select from '@inquirer/select';
import type { Deps } from '../context.js';
import { InterruptedError } from '../errors.js';
import { linePrompt } from './line-prompt.js';

export interface Choice<T> {
  name: string;
  value: T;
  checked?: boolean;
  description?: string;
}

export interface Ask {
  /** One line; with `escapable`, Esc answers ESCAPED (from line-prompt.ts); with `edit`, the default is put in the line to change. */
  text(message: string, options?: { default?: string; validate?: (v: string) => true | string; escapable?: boolean; edit?: boolean }): Promise<string>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  select<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  checkbox<T>(message: string, choices: Choice<T>[]): Promise<T[]>;
}

/**
 * A prompt that ends like the rest of the program: Ctrl-C (inquirer's ExitPromptError)
 * is an InterruptedError (exit 130), and so is the end of the input (Ctrl-D), which
 * inquirer never answers: the process would just stop with nothing pending but the prompt.
 */
function interruptible<T>(start: (context: { signal: AbortSignal }) => Promise<T>): Promise<T> {
  const inputEnded = new AbortController();
  const onExit = () => inputEnded.abort();
  process.once('beforeExit', onExit);
  return start({ signal: inputEnded.signal })
    .catch((error: unknown) => {
      if (error instanceof Error && error.name === 'ExitPromptError') throw new InterruptedError();
      if (error instanceof Error && error.name === 'AbortPromptError') throw new InterruptedError('input ended (Ctrl-D)');
      throw error;
    })
    .finally(() => process.off('beforeExit', onExit));
}

export function createAsk(deps: Pick<Deps, 'stdin' | 'stderr'>): Ask {
  const streams = { input: deps.stdin, output: deps.stderr as NodeJS.WritableStream };
  return {
    text: (message, o = {}) => interruptible((c) => linePrompt({ message, ...o }, { ...streams, ...c })),
    confirm: (message, defaultValue = false) => interruptible((c) => confirm({ message, default: defaultValue }, { ...streams, ...c })),
    select: (message, choices, defaultValue) =>
      interruptible((c) => select({ message, choices, ...(defaultValue !== undefined ? { default: defaultValue } : {}), pageSize: 12 }, { ...streams, ...c })),
    checkbox: (message, choices) => interruptible((c) => checkbox({ message, choices, pageSize: 15, loop: false }, { ...streams, ...c })),
  };
}
