// Errors that carry what the user should read and the exit code to leave with.
export const EXIT = { ok: 0, failure: 1, usage: 2, data: 65, interrupted: 130 } as const;

export class CircleError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CircleError';
  }
}

/** Wrong flags or arguments: exit 2. */
export class UsageError extends CircleError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

/** One or more bad data files: exit 65, one line per problem. */
export class DataError extends CircleError {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'), EXIT.data);
    this.name = 'DataError';
  }
}

/** Ctrl-C: exit 130. */
export class InterruptedError extends CircleError {
  constructor(message = 'interrupted') {
    super(message, EXIT.interrupted);
    this.name = 'InterruptedError';
  }
}
