// The terminal's two streams: data to stdout, everything else to stderr.
// Colour only where the stream is a TTY and NO_COLOR is unset (chalk alone ignores NO_COLOR).
import { Chalk, type ChalkInstance } from 'chalk';

export interface Stream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Output {
  /** Data for stdout (what a pipe receives). */
  data(text: string): void;
  /** A line of information on stderr. */
  info(text: string): void;
  warn(text: string): void;
  /** Colours for stdout and for stderr. */
  color: ChalkInstance;
  messageColor: ChalkInstance;
  stdout: Stream;
  stderr: Stream;
  /** Width of the data stream, for charts and tables. */
  columns: number;
}

export function colorAllowed(stream: Stream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0') return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export function createOutput(stdout: Stream, stderr: Stream, env: NodeJS.ProcessEnv): Output {
  const color = new Chalk({ level: colorAllowed(stdout, env) ? 1 : 0 });
  const messageColor = new Chalk({ level: colorAllowed(stderr, env) ? 1 : 0 });
  const line = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
  return {
    data: (text) => void stdout.write(line(text)),
    info: (text) => void stderr.write(line(text)),
    warn: (text) => void stderr.write(line(messageColor.yellow(`warning: ${text}`))),
    color,
    messageColor,
    stdout,
    stderr,
    columns: stdout.columns || 80, // a terminal may report 0
  };
}
