// Members' mail addresses: added with `members add --email`, checked by `check`; and a
// circle file never holds a password (it is shared through git).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { circleTree, run as cli, testdir } from '../harness.js';

describe("members' addresses", () => {
  it('members add --email keeps the address; a malformed one is refused before anything is written', async () => {
    const root = testdir(circleTree());
    const members = join(root, 'circles', 'tiny', 'members.yaml');
    const bad = await cli(['members', 'add', 'Cleo Diaz', '--email', 'Cleo <cleo@example.org>', '--yes'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--email Cleo <cleo@example.org>: use a plain address, e.g. --email ana@example.org');
    expect(readFileSync(members, 'utf8')).not.toContain('Cleo');

    const r = await cli(['members', 'add', 'Cleo Diaz', '--email', 'cleo@example.org', '--yes'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(members, 'utf8')).toMatch(/- name: Cleo Diaz\n(.*\n)*? {4}email: cleo@example\.org\n/);
    expect(JSON.parse((await cli(['members', '--json'], { cwd: root })).stdout).find((m: { name: string }) => m.name === 'Cleo Diaz').email).toBe('cleo@example.org');
  });

  it('check points at an address that is not one', async () => {
    const root = testdir(circleTree());
    const members = join(root, 'circles', 'tiny', 'members.yaml');
    writeFileSync(members, 'members:\n  - name: Ana Souza\n    email: ana at example.org\n  - name: Ben Okafor\n    email: ben@example.org\n');
    const r = await cli(['check'], { cwd: root });
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/members\.yaml:3:12: .*expected a mail address such as ana@example\.org/);
    expect(r.stderr).not.toContain('ben@');
  });
});

describe('no password in a circle', () => {
  it('check refuses a password-like key in circle.yaml, even a key of your own, nested or not', async () => {
    const root = testdir(circleTree());
    const file = join(root, 'circles', 'tiny', 'circle.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}x-smtp-password: hunter2\nx-mail:\n  host: smtp.example.org\n  api_key: abc\nsmtp_pass: hunter2\n`);
    const r = await cli(['check'], { cwd: root });
    expect(r.code).toBe(65);
    const lines = r.stderr.split('\n').filter((l) => l.includes('looks like a password'));
    expect(lines.map((l) => /circle\.yaml:(\d+):\d+: (?:[^:]*: )?"([^"]+)"/.exec(l)?.slice(1, 3))).toEqual([
      [expect.any(String), 'x-smtp-password'],
      [expect.any(String), 'api_key'],
      [expect.any(String), 'smtp_pass'],
    ]);
    expect(r.stderr).toContain('mail.yaml, mode 600');
    // Words that merely contain such a word are fine.
    writeFileSync(file, `${readFileSync(file, 'utf8').split('x-smtp-password')[0]}x-passage: the river walk\nx-tokens-of-thanks: flowers\n`);
    expect((await cli(['check'], { cwd: root })).code).toBe(0);
  });
});
