// `circle edit` on a real terminal: a mistake is shown with its place, the editor opens
// again on the same copy, and the file is replaced only once the copy checks.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkspace, tempDir } from '../helpers.js';
import { hasTmux, inCI, Tmux } from './tmux.js';

describe.skipIf(!hasTmux && !inCI)('circle edit on a terminal', () => {
  let tmux: Tmux | undefined;
  afterEach(() => tmux?.kill());

  it('reopens the editor after a mistake; the bad version never replaces the file', async () => {
    if (!hasTmux) throw new Error('tmux is required for the end-to-end test in CI (apt-get install tmux)');
    const { root, circleDir } = makeWorkspace({ example: true });
    const members = join(circleDir, 'members.yaml');
    const before = readFileSync(members, 'utf8');
    // The first time, a slip (a name left empty); the second time, the fix.
    const dir = tempDir('circle-editor-');
    const editor = join(dir, 'editor.sh');
    writeFileSync(
      editor,
      `#!/bin/sh
if [ ! -e "${dir}/opened" ]; then
  touch "${dir}/opened"
  printf '  - name:\\n    organization: Eastside Library\\n' >> "$1"
else
  sed -i 's/^  - name:$/  - name: Ana Souza/' "$1"
fi
`,
    );
    chmodSync(editor, 0o755);
    tmux = new Tmux('2026-11-10', { EDITOR: editor, TMPDIR: tempDir('circle-edit-tmp-') });
    tmux.start(root, ['edit', 'members']);
    const screen = await tmux.see('? Edit it again?');
    expect(screen).toMatch(/circles\/riverside-leaders\/members\.yaml:\d+:\d+: /);
    expect(readFileSync(members, 'utf8')).toBe(before); // not replaced while the copy is wrong
    await tmux.answer('Edit it again?'); // Enter: yes
    expect(await tmux.exitCode()).toBe(0);
    expect(await tmux.screen()).toContain('Saved circles/riverside-leaders/members.yaml.');
    expect(readFileSync(members, 'utf8')).toBe(`${before}  - name: Ana Souza\n    organization: Eastside Library\n`);
  });
});
