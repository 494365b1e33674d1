// Terminal manners: help for every command (global options included, `circle help a b`),
// colour as asked (--color, FORCE_COLOR, NO_COLOR), tables that fit COLUMNS.
import { describe, expect, it } from 'vitest';
import { circle } from '../helpers.js';
import { displayWidth } from '../../src/render/width.js';

const env = { CIRCLE_TODAY: '2026-11-10' };
const ESC = '\u001b[';

describe('help', () => {
  it('circle help members add shows that subcommand, like members add --help', () => {
    const help = circle(['help', 'members', 'add']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: circle members add \[options\] \[name\]/);
    expect(help.stdout).toBe(circle(['members', 'add', '--help']).stdout);
    const wrong = circle(['help', 'members', 'invite']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no command "circle members invite"');
  });

  it.each([['agenda'], ['meet'], ['members', 'add'], ['sync'], ['edit'], ['completion']])('circle %s --help lists the global options', (...command) => {
    const r = circle([...command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Global Options:');
    for (const option of ['--home <dir>', '--circle <slug>', '--color', '--no-color']) expect(r.stdout).toContain(option);
  });

  it('keeps the merge driver out of the list of commands', () => {
    const r = circle(['--help']);
    expect(r.stdout).toContain('sync');
    expect(r.stdout).not.toContain('merge-file');
  });
});

describe('colour', () => {
  it('follows --color, FORCE_COLOR and --no-color in a pipe (NO_COLOR=1 is set for tests)', () => {
    expect(circle(['members'], { env }).stdout).not.toContain(ESC);
    expect(circle(['--color', 'members'], { env }).stdout).toContain(`${ESC}1mName`);
    expect(circle(['members'], { env: { ...env, FORCE_COLOR: '1' } }).stdout).toContain(`${ESC}1mName`);
    expect(circle(['members', '--no-color'], { env: { ...env, FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(circle(['members'], { env: { ...env, FORCE_COLOR: '0', NO_COLOR: undefined } }).stdout).not.toContain(ESC);
  });
});

describe('width', () => {
  it.each([['history'], ['members', 'list', '--all'], ['list'], ['stats']])('circle %s fits COLUMNS=50', (...command) => {
    const r = circle(command, { env: { ...env, COLUMNS: '50' } });
    expect(r.code, r.stderr).toBe(0);
    for (const line of r.stdout.trimEnd().split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(50);
  });

  it('leaves a piped table whole when no width is given', () => {
    const r = circle(['history'], { env });
    expect(r.stdout).toContain('Preventing burnout: sustaining ourselves and our teams');
  });
});
