// Questions on the terminal: @inquirer/prompts bound to stdin for input and stderr
// for output, so that `circle … > file` still shows its questions.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import type { Deps } from '../context.js';
import { InterruptedError } from '../errors.js';

export interface Choice<T> {
  name: string;
  value: T;
  checked?: boolean;
  description?: string;
}

export interface Ask {
  /** `edit`: the default is put in the answer, ready to change (else Enter takes it). */
  text(message: string, options?: { default?: string; edit?: boolean; validate?: (v: string) => true | string }): Promise<string>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  select<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  checkbox<T>(message: string, choices: Choice<T>[]): Promise<T[]>;
}

/** Ctrl-C on a prompt: inquirer's ExitPromptError becomes the program's InterruptedError (exit 130). */
function interruptible<T>(prompt: Promise<T>): Promise<T> {
  return prompt.catch((error: unknown) => {
    throw error instanceof Error && error.name === 'ExitPromptError' ? new InterruptedError() : error;
  });
}

export function createAsk(deps: Pick<Deps, 'stdin' | 'stderr'>): Ask {
  const context = { input: deps.stdin, output: deps.stderr as NodeJS.WritableStream };
  return {
    text: (message, o = {}) =>
      interruptible(
        input(
          { message, ...(o.default !== undefined ? { default: o.default } : {}), ...(o.edit ? { prefill: 'editable' as const } : {}), ...(o.validate ? { validate: o.validate } : {}) },
          context,
        ),
      ),
    confirm: (message, defaultValue = false) => interruptible(confirm({ message, default: defaultValue }, context)),
    select: (message, choices, defaultValue) =>
      interruptible(select({ message, choices, ...(defaultValue !== undefined ? { default: defaultValue } : {}), pageSize: 12 }, context)),
    checkbox: (message, choices) => interruptible(checkbox({ message, choices, pageSize: 15, loop: false }, context)),
  };
}
