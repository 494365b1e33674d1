// `circle init` and `circle members add` asking their questions in a real terminal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { circle, tempDir } from '../helpers.js';
import { hasTmux, inCI, Tmux } from './tmux.js';

describe.skipIf(!hasTmux && !inCI)('asking on a terminal', () => {
  let tmux: Tmux | undefined;
  afterEach(() => tmux?.kill());

  it('init asks for what the flags leave out, checks each answer, and scaffolds the circle', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const root = tempDir();
    tmux = new Tmux('2026-11-28');
    const t = tmux;
    t.start(root, ['init', '--location', 'Hall B']);
    await t.answer('Name of the circle', 'Eastside Youth Workers');
    await t.answer("The group's language"); // Enter takes en
    await t.answer('Why does it meet?', 'So that every young person has an adult who knows them');
    // A cadence it cannot read is refused on the spot, with the reason.
    await t.see('? How often?');
    t.keys('C-u');
    t.keys('-l', 'every second Tuesday');
    t.keys('Enter');
    await t.see('ambiguous');
    t.keys('C-u');
    await t.answer('How often?', 'monthly on the 1st Thursday');
    await t.answer('Start time (24 h)');
    await t.answer('Minutes per meeting');
    expect(await t.exitCode()).toBe(0);

    const text = readFileSync(join(root, 'circles', 'eastside-youth-workers', 'circle.yaml'), 'utf8');
    expect(text).toContain('purpose: So that every young person has an adult who knows them');
    expect(text).toContain('cadence: monthly on the 1st Thursday');
    expect(text).toContain('location: Hall B'); // a flag pre-answers its question
    expect(circle(['check'], { cwd: root }).code).toBe(0);

    t.start(root, ['members', 'add', 'Ana Souza']);
    await t.answer('Name for the name tag'); // Enter takes "Ana"
    await t.answer('Organisation', 'Eastside Library');
    await t.answer('If their mission succeeded');
    // A mail address that is not one is refused on the spot; Enter would leave it out.
    await t.see('? Mail address');
    t.keys('-l', 'ana at library');
    t.keys('Enter');
    await t.see('an address like ana@example.org, or nothing');
    t.keys('C-u');
    await t.answer('Mail address', 'ana@example.org');
    expect(await t.exitCode()).toBe(0);
    expect(readFileSync(join(root, 'circles', 'eastside-youth-workers', 'members.yaml'), 'utf8')).toContain(
      '  - name: Ana Souza\n    tag: Ana\n    organization: Eastside Library\n    joined: 2026-11-28\n    email: ana@example.org\n    active: true\n',
    );
  });

  it('Ctrl-C during init exits 130 and creates nothing', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const root = tempDir();
    tmux = new Tmux();
    tmux.start(root, ['init']);
    await tmux.see('? Name of the circle');
    tmux.keys('C-c');
    expect(await tmux.exitCode()).toBe(130);
    expect(circle(['list'], { cwd: root }).code).toBe(3); // still no circles/ folder: not found
  });
});
