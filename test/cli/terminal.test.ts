// Terminal manners: help for every command (global options included, `circle help a b`),
// colour as asked (--color, FORCE_COLOR, NO_COLOR), tables that fit COLUMNS.
import { describe, expect, it } from 'vitest';
import { cli } from '../harness.js';
import { exampleWorkspace } from '../helpers.js';
import { displayWidth } from '../../src/render/width.js';

const env = { CIRCLE_TODAY: '2026-11-10' };
const cwd = exampleWorkspace();
const ESC = '\u001b[';

describe('help', () => {
  it('circle help members add shows that subcommand, like members add --help', async () => {
    const help = await cli(['help', 'members', 'add'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: circle members add \[options\] \[name\]/);
    expect(help.stdout).toBe((await cli(['members', 'add', '--help'], { cwd })).stdout);
    const wrong = await cli(['help', 'members', 'invite'], { cwd });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no command "circle members invite"');
  });

  it.each([['agenda'], ['meet'], ['members', 'add'], ['sync'], ['edit'], ['completion']])('circle %s --help lists the global options', async (...command) => {
    const r = await cli([...command, '--help'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Global Options:');
    for (const option of ['--home <dir>', '--circle <slug>', '--color', '--no-color']) expect(r.stdout).toContain(option);
  });

  it('keeps the merge driver out of the list of commands', async () => {
    const r = await cli(['--help'], { cwd });
    expect(r.stdout).toContain('sync');
    expect(r.stdout).not.toContain('merge-file');
  });
});

describe('colour', () => {
  it('follows --color, FORCE_COLOR and --no-color in a pipe (NO_COLOR=1 is set for tests)', async () => {
    expect((await cli(['members'], { cwd, env })).stdout).not.toContain(ESC);
    expect((await cli(['--color', 'members'], { cwd, env })).stdout).toContain(`${ESC}1mName`);
    expect((await cli(['members'], { cwd, env: { ...env, FORCE_COLOR: '1' } })).stdout).toContain(`${ESC}1mName`);
    expect((await cli(['members', '--no-color'], { cwd, env: { ...env, FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli(['members'], { cwd, env: { ...env, FORCE_COLOR: '0', NO_COLOR: undefined } })).stdout).not.toContain(ESC);
  });
});

describe('width', () => {
  it.each([['history'], ['members', 'list', '--all'], ['list'], ['stats']])('circle %s fits COLUMNS=50', async (...command) => {
    const r = await cli(command, { cwd, env: { ...env, COLUMNS: '50' } });
    expect(r.code, r.stderr).toBe(0);
    for (const line of r.stdout.trimEnd().split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(50);
  });

  it('fits the terminal it is on', async () => {
    const r = await cli(['history'], { cwd, env, tty: true, columns: 60 });
    for (const line of r.stdout.trimEnd().split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    expect(r.stdout).toContain('…'); // Unicode on a terminal
  });

  it('leaves a piped table whole when no width is given', async () => {
    const r = await cli(['history'], { cwd, env });
    expect(r.stdout).toContain('Preventing burnout: sustaining ourselves and our teams');
  });
});
