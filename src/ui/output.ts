// The terminal's two streams: data to stdout, everything else to stderr. This is the
// one place that decides colour, Unicode and width; commands ask it and renderers are told.
import type { ChalkInstance } from 'chalk';

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
  /** Whether stdout is a terminal (a person reads it as it comes). */
  terminal: boolean;
  /** Unicode blocks and '…' in the data, or plain ASCII. */
  unicode: boolean;
  /** Columns the data should fit: $COLUMNS, else the terminal's width; undefined in a pipe or file. */
  width: number | undefined;
}

/**
 * Whether to colour a stream: --color/--no-color, else FORCE_COLOR (0 or false is off,
 * anything else on), else NO_COLOR (any non-empty value is off), else a terminal that is not dumb.
 */
export function colorWanted(stream: Stream, env: NodeJS.ProcessEnv, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** A terminal whose locale is not explicitly something other than UTF-8. */
function unicodeWanted(stream: Stream, env: NodeJS.ProcessEnv): boolean {
  if (!stream.isTTY || env.TERM === 'dumb') return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return !locale || /utf-?8/i.test(locale);
}

function widthOf(stream: Stream, env: NodeJS.ProcessEnv): number | undefined {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return stream.isTTY && stream.columns ? stream.columns : undefined; // a terminal may report 0
}

/**
 * chalk, loaded when something is first coloured: `agenda` into a pipe or on a terminal
 * never is, and loading it cost 2% of its run. Required, not imported, as width.ts does
 * string-width, so that the bundle runs it only then.
 */
let Chalk: typeof import('chalk').Chalk | undefined;
export const chalkFor = (on: boolean): ChalkInstance => new (Chalk ??= (require('chalk') as typeof import('chalk')).Chalk)({ level: on ? 1 : 0 });

/**
 * `streams.stderr` is read only when a message is written or coloured: on a pipe, making it costs a millisecond.
 * `options.color`: --color (true) or --no-color (false); undefined leaves it to the environment.
 */
export function createOutput(streams: { stdout: Stream; stderr: Stream }, env: NodeJS.ProcessEnv, options: { color?: boolean | undefined } = {}): Output {
  const { stdout } = streams;
  const chalk = (stream: Stream) => chalkFor(colorWanted(stream, env, options.color));
  let color: ChalkInstance | undefined;
  let messageColor: ChalkInstance | undefined;
  const line = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
  const out: Output = {
    data: (text) => void stdout.write(line(text)),
    info: (text) => void streams.stderr.write(line(text)),
    warn: (text) => void streams.stderr.write(line(out.messageColor.yellow(`warning: ${text}`))),
    get color() {
      return (color ??= chalk(stdout));
    },
    get messageColor() {
      return (messageColor ??= chalk(streams.stderr));
    },
    stdout,
    terminal: Boolean(stdout.isTTY),
    unicode: unicodeWanted(stdout, env),
    width: widthOf(stdout, env),
  };
  return out;
}
