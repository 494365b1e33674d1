// The record of what `circle send` sent: one line per message, never written through a
// link, and merged by git with both sides' lines kept.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reachedBy, readSent, recordSent, sentFile } from '../../src/store/sent.js';
import { git, tempDir } from '../helpers.js';

const line = (name: string, at = '2026-01-19T10:00:00.000Z') => ({ at, kind: 'agenda' as const, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.org` });

describe('the sent log', () => {
  it('keeps each message as a line, reads back who was reached, and skips lines that are not its own', async () => {
    const dir = tempDir('circle-sent-');
    await recordSent(dir, '2026-01-20', line('Ana Souza'));
    await recordSent(dir, '2026-01-20', { ...line('Ben Okafor'), kind: 'recap' });
    writeFileSync(sentFile(dir, '2026-01-20'), `${readFileSync(sentFile(dir, '2026-01-20'), 'utf8')}garbage line\n\t\t\t\n`);
    const sent = await readSent(dir, '2026-01-20');
    expect(sent.map((s) => [s.kind, s.name])).toEqual([
      ['agenda', 'Ana Souza'],
      ['recap', 'Ben Okafor'],
    ]);
    expect([...reachedBy(sent, 'agenda').keys()]).toEqual(['ana souza']);
    expect(await readSent(dir, '2026-02-03')).toEqual([]);
  });

  it('never writes through a link that arrived in place of the folder or the log', async () => {
    const dir = tempDir('circle-sent-');
    const elsewhere = tempDir('circle-elsewhere-');
    symlinkSync(elsewhere, join(dir, 'sent'));
    await expect(recordSent(dir, '2026-01-20', line('Ana Souza'))).rejects.toThrow(/sent is not a folder \(a link\?\)/);
    const other = tempDir('circle-sent-');
    mkdirSync(join(other, 'sent'));
    const target = join(elsewhere, 'target.log');
    writeFileSync(target, 'kept\n');
    symlinkSync(target, sentFile(other, '2026-01-20'));
    await expect(recordSent(other, '2026-01-20', line('Ana Souza'))).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('kept\n');
  });

  it('merges in git with both sides kept: two facilitators who sent for the same meeting', async () => {
    const root = tempDir('circle-sent-git-');
    const dir = join(root, 'circles', 'tiny');
    mkdirSync(dir, { recursive: true });
    git(root, 'init', '-q', '-b', 'main');
    writeFileSync(join(root, '.gitignore'), '*.log\n'); // as many a .gitignore (and this repository's) says
    await recordSent(dir, '2026-01-20', line('Ana Souza'));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'ana');
    git(root, 'checkout', '-q', '-b', 'other');
    await recordSent(dir, '2026-01-20', line('Ben Okafor', '2026-01-19T11:00:00.000Z'));
    git(root, 'commit', '-q', '-am', 'ben');
    git(root, 'checkout', '-q', 'main');
    await recordSent(dir, '2026-01-20', line('Cleo Diaz', '2026-01-19T12:00:00.000Z'));
    git(root, 'commit', '-q', '-am', 'cleo');
    git(root, 'merge', '-q', '--no-edit', 'other');
    expect(git(root, 'ls-files', 'circles')).toBe('circles/tiny/sent/.gitattributes\ncircles/tiny/sent/.gitignore\ncircles/tiny/sent/2026-01-20.log\n');
    expect((await readSent(dir, '2026-01-20')).map((s) => s.name).sort()).toEqual(['Ana Souza', 'Ben Okafor', 'Cleo Diaz']);
    expect(readFileSync(sentFile(dir, '2026-01-20'), 'utf8')).not.toContain('<<<<<<<');
  });
});
