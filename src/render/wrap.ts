// Text that fits the terminal: each line longer than the width is wrapped at word
// boundaries (wrap-ansi), its continuation lines under its text ("  1. " or "-> " items
// hang under the words after the marker).
import { displayWidth } from './width.js';

type WrapAnsi = (text: string, columns: number, options: { hard: boolean; trim: boolean }) => string;
/** Loaded only when a line is too long (required, as width.ts does string-width). */
let wrapAnsi: WrapAnsi | undefined;

/** The marker a continuation line hangs under: indentation, then a number, bullet or arrow. */
const HANG = /^\s*(?:(?:\d+\.|[-*•]|->)\s+)?/;
/** Narrower than this beside its hang, a line wraps from the margin instead. */
const MIN_TEXT = 16;

/** `text` wrapped to `width` columns; as it is when the width is unknown (a pipe, a file). */
export function fitWidth(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const head = HANG.exec(line)![0];
      const hang = width - head.length >= MIN_TEXT ? head.length : 0;
      const body = (wrapAnsi ??= require('wrap-ansi') as WrapAnsi)(line.slice(hang), width - hang, { hard: true, trim: true });
      return body
        .split('\n')
        .map((part, i) => (i === 0 ? line.slice(0, hang) : ' '.repeat(hang)) + part)
        .join('\n');
    })
    .join('\n');
}
