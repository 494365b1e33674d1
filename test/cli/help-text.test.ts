// The help of every command, word for word, as `circle CMD --help` and `circle help CMD`
// print it: the commands are defined only when used, and that must not change a line.
import { describe, expect, it } from 'vitest';
import { cli } from '../harness.js';

/** The commands a help text lists under "Commands:". */
const listed = (help: string): string[] => [...(help.split('\nCommands:\n')[1] ?? '').split('\n\n')[0]!.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!);

describe('help', () => {
  it('prints the same help for every command as before, by either way of asking', async () => {
    const all: string[] = [];
    const walk = async (path: string[]): Promise<void> => {
      const r = await cli([...path, '--help']);
      expect(r.code, path.join(' ')).toBe(0);
      expect((await cli(['help', ...path])).stdout, path.join(' ')).toBe(r.stdout);
      all.push(`$ circle ${[...path, '--help'].join(' ')}\n${r.stdout}`);
      for (const name of listed(r.stdout)) if (name !== 'help') await walk([...path, name]);
    };
    await walk([]);
    expect(all.length).toBeGreaterThan(25);
    await expect(all.join('\n')).toMatchFileSnapshot('../fixtures/help.txt');
  });
});
