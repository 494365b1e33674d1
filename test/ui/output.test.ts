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
    const out = createOutput({ stdout: pipe, stderr: tty() }, {});
    expect(out.color.level).toBe(0);
    expect(out.messageColor.level).toBeGreaterThan(0);
  });
});

describe('stderr', () => {
  it('is asked for only when a message is written or coloured (making it costs Node a stream)', () => {
    const asked: string[] = [];
    const streams = {
      stdout: pipe,
      get stderr() {
        asked.push('stderr');
        return pipe;
      },
    };
    const out = createOutput(streams, {});
    out.data('the agenda');
    expect(asked).toEqual([]);
    out.info('Wrote agenda.md');
    expect(asked).toEqual(['stderr']);
  });
});

describe('width and Unicode', () => {
  it('takes COLUMNS first, then the terminal, and sets no width for a pipe', () => {
    expect(createOutput({ stdout: tty(100), stderr: pipe }, { COLUMNS: '60' }).width).toBe(60);
    expect(createOutput({ stdout: pipe, stderr: pipe }, { COLUMNS: '60' }).width).toBe(60);
    expect(createOutput({ stdout: tty(100), stderr: pipe }, {}).width).toBe(100);
    expect(createOutput({ stdout: tty(100), stderr: pipe }, { COLUMNS: 'wide' }).width).toBe(100);
    expect(createOutput({ stdout: tty(0), stderr: pipe }, {}).width).toBeUndefined(); // a terminal that reports no size
    expect(createOutput({ stdout: pipe, stderr: pipe }, {}).width).toBeUndefined();
  });

  it('draws Unicode on a terminal unless its locale says otherwise', () => {
    expect(createOutput({ stdout: tty(), stderr: pipe }, { LANG: 'en_GB.UTF-8' }).unicode).toBe(true);
    expect(createOutput({ stdout: tty(), stderr: pipe }, {}).unicode).toBe(true);
    expect(createOutput({ stdout: tty(), stderr: pipe }, { LANG: 'en_GB.UTF-8', LC_ALL: 'C' }).unicode).toBe(false);
    expect(createOutput({ stdout: pipe, stderr: pipe }, { LANG: 'C.UTF-8' }).unicode).toBe(false);
    expect(createOutput({ stdout: tty(), stderr: pipe }, { TERM: 'dumb' }).unicode).toBe(false);
  });
});
