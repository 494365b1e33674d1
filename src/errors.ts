// Errors that carry what the user should read and the exit code to leave with.
import { relative, sep } from 'node:path';
import { CONTROL_CHARS } from './core/text.js';

export const EXIT = { ok: 0, failure: 1, usage: 2, notFound: 3, data: 65, interrupted: 130 } as const;

export class CircleError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = new.target.name; // NotFoundError, DataError…, as stack traces show it
  }
}

/** What was asked for (a circle, a member, a meeting, a topic) is not there: exit 3. */
export class NotFoundError extends CircleError {
  constructor(message: string) {
    super(message, EXIT.notFound);
  }
}

/** Wrong flags or arguments: exit 2. */
export class UsageError extends CircleError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

/** `file:line:col: message`, safe to print (messages quote what the file holds). */
export function formatProblem(p: Problem): string {
  return quoteControls(`${p.file}:${p.line}:${p.col}: ${p.message}`);
}

/** One or more bad data files: exit 65, one line per problem. */
export class DataError extends CircleError {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'), EXIT.data);
  }
}

/** Ctrl-C: exit 130. */
export class InterruptedError extends CircleError {
  constructor(message = 'interrupted') {
    super(message, EXIT.interrupted);
  }
}

/** A path for messages: relative to `cwd` inside it; without a cwd, a circle's file from circles/ on, anything else in full. */
export function displayPath(path: string, cwd?: string): string {
  if (cwd === undefined) {
    const at = path.lastIndexOf(`${sep}circles${sep}`);
    return at >= 0 ? path.slice(at + 1) : path;
  }
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** What a failed read or write means, for the errors people meet (a full disk, a read-only one…). */
const FS_REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'part of the path is not a folder',
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder',
  EIO: 'the disk reported an input/output error',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EFBIG: 'the file is too large for this disk',
};

/** What `work` gives, or undefined when a file it needs is missing (ENOENT); any other failure stays one. */
export const unlessMissing = <T>(work: Promise<T>): Promise<T | undefined> =>
  work.catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));

export function fsReason(error: unknown): string | undefined {
  return FS_REASONS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
}

/** A file that could not be read or written, named as the user knows it (never a temp file), with the system's `code`. */
export class FileError extends CircleError {
  readonly code: string | undefined;
  /** The plain reason, e.g. "the disk is full". */
  readonly reason: string;
  constructor(
    readonly action: 'read' | 'write' | 'create',
    readonly shown: string,
    cause: unknown,
    after = '',
  ) {
    const reason = fsReason(cause) ?? (cause as Error).message;
    super(`cannot ${action} ${shown}: ${reason}${after}`);
    this.reason = reason;
    this.code = (cause as NodeJS.ErrnoException).code;
  }
}

/** Control characters (which could retitle or clear the terminal) shown as \u001b and the like; newlines and tabs stay. */
export function quoteControls(text: string): string {
  return text.replace(CONTROL_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
