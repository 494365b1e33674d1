// The terminal's bytes on their way to the prompts, with two keys read here, before Node's
// readline: Esc and Shift-Tab. Readline takes Esc and whatever follows within half a second
// as one key (Esc then Enter reads as Alt-Enter) and acts on Esc alone only after that
// half second. Here an Esc is an Esc whatever follows it, unless it opens a key's own
// sequence (arrows, function keys: ESC [ … or ESC O …); an Esc at the end of what the
// terminal sent acts once nothing more came for a moment. The bytes after a key that
// ends the question are held back for the next question, so "Esc, Enter" typed at once
// answers the next question with Enter, as the facilitator meant.
import { Readable } from 'node:stream';

export type SpecialKey = 'escape' | 'back';

const ESC = 0x1b;
/** Shift-Tab: ESC [ Z. */
const BACK_TAB = '\x1b[Z';
/** How long an Esc at the end of a read waits for the rest of a key's sequence (terminals send a sequence at once). */
const LONE_ESC_MS = 30;

/** The length of the key sequence opened by the ESC at `i` (ESC [ … final, ESC O x); 0 when it is not one, -1 when it is cut off. */
function sequenceAt(b: Buffer, i: number): number {
  const kind = b[i + 1];
  if (kind === undefined) return -1;
  if (kind === 0x4f /* O */) {
    let j = i + 2;
    while (j < b.length && b[j]! >= 0x30 && b[j]! <= 0x39) j++; // a modifier, as some terminals send
    return j < b.length ? j + 1 - i : -1;
  }
  if (kind !== 0x5b /* [ */) return 0;
  let j = i + 2;
  if (b[j] === 0x5b) j += 1; // ESC [ [ A: the Linux console's function keys
  while (j < b.length && b[j]! >= 0x20 && b[j]! <= 0x3f) j++; // parameters and intermediates
  return j < b.length && b[j]! >= 0x40 && b[j]! <= 0x7e ? j + 1 - i : -1;
}

export class KeyInput extends Readable {
  readonly isTTY: boolean;
  /** Told of each Esc and Shift-Tab; true when the key ends the question asked (what follows is then held back). */
  onKey: (key: SpecialKey) => boolean = () => false;
  private pending: Buffer = Buffer.alloc(0);
  private held: Buffer[] = [];
  private holding = false;
  private timer: NodeJS.Timeout | undefined;
  private listening = false;

  constructor(private readonly tty: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown }) {
    super();
    this.isTTY = Boolean(tty.isTTY);
    if (typeof tty.setRawMode === 'function') {
      (this as unknown as { setRawMode: (mode: boolean) => KeyInput }).setRawMode = (mode) => {
        tty.setRawMode!(mode);
        return this;
      };
    }
    // Readline pauses and resumes its input as questions come and go: the terminal follows.
    this.on('resume', () => this.listen());
    this.on('pause', () => tty.pause());
  }

  private listen(): void {
    if (!this.listening) {
      this.listening = true;
      this.tty.on('data', (chunk: Buffer | string) => this.arrive(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)));
      this.tty.on('end', () => {
        this.flushEsc();
        this.push(null);
      });
    }
    this.tty.resume();
  }

  /** The next question is asked: what was held back after the key that ended the last one goes to it. */
  release(): void {
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const b of held) this.scan(b);
  }

  private arrive(chunk: Buffer): void {
    clearTimeout(this.timer);
    const bytes = Buffer.concat([this.pending, chunk]);
    this.pending = Buffer.alloc(0);
    if (this.holding) this.held.push(bytes);
    else this.scan(bytes);
  }

  private scan(b: Buffer): void {
    let from = 0;
    for (let i = 0; i < b.length; i++) {
      if (b[i] !== ESC) continue;
      const n = sequenceAt(b, i);
      if (n === -1) {
        // Cut off at the end of the read: wait a moment for the rest.
        this.push(b.subarray(from, i));
        this.pending = Buffer.from(b.subarray(i));
        this.timer = setTimeout(() => this.flushEsc(), LONE_ESC_MS);
        return;
      }
      const key: SpecialKey | undefined = n === 0 ? 'escape' : b.toString('latin1', i, i + n) === BACK_TAB ? 'back' : undefined;
      if (!key) {
        i += n - 1;
        continue;
      }
      this.push(b.subarray(from, i));
      from = i + (n || 1);
      if (this.onKey(key)) {
        this.holding = true;
        if (from < b.length) this.held.push(Buffer.from(b.subarray(from)));
        return;
      }
      i = from - 1;
    }
    this.push(b.subarray(from));
  }

  /** Nothing followed: a lone Esc (or a cut-off sequence, passed on as it came). */
  private flushEsc(): void {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    if (!rest.length) return;
    if (rest.length === 1) {
      if (this.onKey('escape')) this.holding = true;
    } else this.push(rest);
  }

  override _read(): void {} // the terminal's 'data' pushes

  override push(chunk: Buffer | null): boolean {
    return chunk === null || chunk.length ? super.push(chunk) : true;
  }
}

const inputs = new WeakMap<object, KeyInput>();

/** The one KeyInput of a terminal (every prompt of the process reads through it). */
export function keyInput(tty: NodeJS.ReadableStream): KeyInput {
  let input = inputs.get(tty);
  if (!input) inputs.set(tty, (input = new KeyInput(tty)));
  return input;
}
