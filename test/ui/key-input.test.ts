// The terminal's bytes before readline: Esc and Shift-Tab read whatever follows them.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyInput, type SpecialKey } from '../../src/ui/key-input.js';

function wired(ends: (key: SpecialKey) => boolean) {
  const tty = new PassThrough();
  const input = new KeyInput(tty);
  const keys: string[] = [];
  const seen: string[] = [];
  input.onKey = (key) => (keys.push(key), ends(key));
  input.on('data', (b: Buffer) => seen.push(b.toString('latin1')));
  const send = async (bytes: string) => {
    tty.write(Buffer.from(bytes, 'latin1'));
    await new Promise((r) => setImmediate(r));
  };
  return { input, keys, seen, send, passed: () => seen.join('') };
}

describe('KeyInput', () => {
  it('reads Esc then Enter sent at once as Esc, and holds the Enter for the next question', async () => {
    const t = wired(() => true);
    await t.send('ab\x1b\r');
    expect(t.keys).toEqual(['escape']);
    expect(t.passed()).toBe('ab');
    await t.send('cd'); // typed before the next question: held too
    expect(t.passed()).toBe('ab');
    t.input.release();
    await new Promise((r) => setImmediate(r));
    expect(t.passed()).toBe('ab\rcd');
  });

  it('passes arrows and other keys of their own sequences through, and takes Shift-Tab as back', async () => {
    const t = wired(() => false);
    await t.send('\x1b[A\x1bOB\x1b[1;5C\x1b[Zx');
    expect(t.keys).toEqual(['back']);
    expect(t.passed()).toBe('\x1b[A\x1bOB\x1b[1;5Cx'); // a key that ends nothing holds nothing back
  });

  // The wait for what follows an Esc runs on a fake clock: however slow the machine, the
  // second half of a cut sequence arrives "in time", and a lone Esc acts when the wait is over.
  afterEach(() => {
    vi.useRealTimers();
  });

  it('acts on an Esc alone once nothing follows it, and reads a sequence cut in two as one key', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const t = wired(() => false);
    await t.send('\x1b');
    await t.send('[B');
    expect(t.keys).toEqual([]);
    expect(t.passed()).toBe('\x1b[B');
    await t.send('\x1b');
    expect(t.keys).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(t.keys).toEqual(['escape']);
    expect(t.passed()).toBe('\x1b[B');
  });
});
