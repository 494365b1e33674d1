// A circle file's bytes as text: bytes that are not UTF-8 (a Latin-1 "é" from an old
// editor) are an error at their file:line:col, never turned into U+FFFD and written back.
import { isUtf8 } from 'node:buffer';
import { DataError, displayPath } from '../errors.js';

export function decodeUtf8(file: string, bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  // The line of the first bad byte, then the character it starts on that line.
  let start = 0;
  let line = 1;
  for (let end = bytes.indexOf(10); end !== -1 && isUtf8(bytes.subarray(start, end)); end = bytes.indexOf(10, start)) {
    start = end + 1;
    line++;
  }
  const end = bytes.indexOf(10, start) === -1 ? bytes.length : bytes.indexOf(10, start);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let col = 1;
  let char = start; // where the character being decoded began
  try {
    for (let at = start; at < end; at++) {
      const out = decoder.decode(bytes.subarray(at, at + 1), { stream: true });
      if (out) {
        col += [...out].length;
        char = at + 1;
      }
    }
    decoder.decode();
  } catch {
    // `char` is the first byte of the bad character
  }
  const byte = bytes[char]!.toString(16).toUpperCase().padStart(2, '0');
  const message = `not UTF-8 text (byte 0x${byte}); save the file as UTF-8 in your editor, then retype the character there`;
  throw new DataError([{ file: displayPath(file), line, col, message }]);
}
