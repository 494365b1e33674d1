// What a person sees on a real terminal: the agenda as plain text that fits the screen.
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers.js';
import { displayWidth } from '../../src/render/width.js';
import { hasTmux, inCI, Tmux } from './tmux.js';

describe.skipIf(!hasTmux && !inCI)('on a terminal', () => {
  let tmux: Tmux | undefined;
  afterEach(() => tmux?.kill());

  it.each<{ where: string; env: Record<string, string>; most: number }>([
    { where: 'a 120-column terminal', env: {}, most: 78 },
    { where: 'a terminal with COLUMNS=60', env: { COLUMNS: '60' }, most: 60 },
  ])('circle agenda on $where is readable text, at most $most columns wide', async ({ env, most }) => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const { root } = makeWorkspace({ example: true });
    tmux = new Tmux('2026-11-10', env);
    tmux.start(root, ['agenda']);
    expect(await tmux.exitCode()).toBe(0);
    const screen = await tmux.screen();
    // The end of the agenda is on screen: the text format's footer, no Markdown marks.
    expect(screen).toContain('* * *\nOur traditions:');
    expect(screen).not.toMatch(/\*\*|^#|^_/m);
    const lines = screen.split('\n').filter((l) => !l.startsWith('EXIT:'));
    expect(Math.max(...lines.map((l) => displayWidth(l.trimEnd())))).toBeLessThanOrEqual(most);
  });
});
