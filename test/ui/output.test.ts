// Output decides colour, Unicode and width, once, for every command.
import { describe, expect, it } from 'vitest';
import { colorWanted, createOutput, type Stream } from '../../src/ui/output.js';

const tty = (columns = 100): Stream => ({ write: () => true, isTTY: true, columns });
const pipe: Stream = { write: () => true };

describe('colour', () => {
  it.each([
    ['a terminal', tty(), {}, undefined, true],
    ['a pipe', pipe, {}, undefined, false],
    ['a dumb terminal', tty(), { TERM: 'dumb' }, undefined, false],
    ['NO_COLOR on a terminal', tty(), { NO_COLOR: '1' }, undefined, false],
    ['an empty NO_COLOR', tty(), { NO_COLOR: '' }, undefined, true],
    ['FORCE_COLOR in a pipe', pipe, { FORCE_COLOR: '1' }, undefined, true],
    ['FORCE_COLOR=0 on a terminal', tty(), { FORCE_COLOR: '0' }, undefined, false],
    ['FORCE_COLOR=false on a terminal', tty(), { FORCE_COLOR: 'false' }, undefined, false],
    ['FORCE_COLOR over NO_COLOR', pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, undefined, true],
    ['--color in a pipe, even with NO_COLOR', pipe, { NO_COLOR: '1' }, true, true],
    ['--no-color on a terminal, even with FORCE_COLOR', tty(), { FORCE_COLOR: '1' }, false, false],
  ] as const)('%s', (_, stream, env, flag, expected) => {
    expect(colorWanted(stream, env, flag)).toBe(expected);
  });

  it('decides stdout and stderr each by its own stream', () => {
    const out = createOutput(pipe, tty(), {});
    expect(out.color.level).toBe(0);
    expect(out.messageColor.level).toBeGreaterThan(0);
  });
});

describe('width and Unicode', () => {
  it('takes COLUMNS first, then the terminal, and sets no width for a pipe', () => {
    expect(createOutput(tty(100), pipe, { COLUMNS: '60' }).width).toBe(60);
    expect(createOutput(pipe, pipe, { COLUMNS: '60' }).width).toBe(60);
    expect(createOutput(tty(100), pipe, {}).width).toBe(100);
    expect(createOutput(tty(100), pipe, { COLUMNS: 'wide' }).width).toBe(100);
    expect(createOutput(tty(0), pipe, {}).width).toBeUndefined(); // a terminal that reports no size
    expect(createOutput(pipe, pipe, {}).width).toBeUndefined();
  });

  it('draws Unicode on a terminal unless its locale says otherwise', () => {
    expect(createOutput(tty(), pipe, { LANG: 'en_GB.UTF-8' }).unicode).toBe(true);
    expect(createOutput(tty(), pipe, {}).unicode).toBe(true);
    expect(createOutput(tty(), pipe, { LANG: 'en_GB.UTF-8', LC_ALL: 'C' }).unicode).toBe(false);
    expect(createOutput(pipe, pipe, { LANG: 'C.UTF-8' }).unicode).toBe(false);
    expect(createOutput(tty(), pipe, { TERM: 'dumb' }).unicode).toBe(false);
  });
});
