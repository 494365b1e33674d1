// Questions on the terminal: the four @inquirer prompts we use (imported one by one:
// @inquirer/prompts would also load the editor prompt and its character-set tables),
// bound to stdin for input and stderr for output, so that `circle … > file` still
// shows its questions.
import checkbox from '@inquirer/checkbox';
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import select from '@inquirer/select';
import type { Deps } from '../cli.js';

export interface Choice<T> {
  name: string;
  value: T;
  checked?: boolean;
  description?: string;
}

export interface Ask {
  text(message: string, options?: { default?: string; validate?: (v: string) => true | string }): Promise<string>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  select<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  checkbox<T>(message: string, choices: Choice<T>[]): Promise<T[]>;
}

export function createAsk(deps: Pick<Deps, 'stdin' | 'stderr'>): Ask {
  const context = { input: deps.stdin, output: deps.stderr as NodeJS.WritableStream };
  return {
    text: (message, o = {}) =>
      input({ message, ...(o.default !== undefined ? { default: o.default } : {}), ...(o.validate ? { validate: o.validate } : {}) }, context),
    confirm: (message, defaultValue = false) => confirm({ message, default: defaultValue }, context),
    select: (message, choices, defaultValue) =>
      select({ message, choices, ...(defaultValue !== undefined ? { default: defaultValue } : {}), pageSize: 12 }, context),
    checkbox: (message, choices) => checkbox({ message, choices, pageSize: 15, loop: false }, context),
  };
}
