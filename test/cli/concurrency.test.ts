// Two writers, one file: every change a command reports as done is in the file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, startCircle } from '../helpers.js';
import { ANSWERS } from './meet-answers.js';

function finish(child: ReturnType<typeof startCircle>): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
}

describe('concurrent writers', () => {
  it('20 `members add` at once: every reported success is in members.yaml', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const names = Array.from({ length: 20 }, (_, i) => `Writer Number${i + 1}`);
    const runs = await Promise.all(
      names.map((name) => finish(startCircle(['members', 'add', name, '--yes'], { cwd: root, env: { CIRCLE_TODAY: '2026-11-10' } }))),
    );
    const listed = (parse(readFileSync(join(circleDir, 'members.yaml'), 'utf8')) as { members: { name: string }[] }).members.map((m) => m.name);
    // Each waits its turn for the write lock (a few milliseconds each): all of them land.
    expect(runs.map((r) => r.stderr.trim())).toEqual(names.map((n) => `Added ${n} to riverside-leaders.`));
    expect(runs.map((r) => r.code)).toEqual(names.map(() => 0));
    expect(listed.filter((n) => names.includes(n)).sort()).toEqual([...names].sort());
  });

  it('a meeting that adds a newcomer, with 19 `members add` at the same moment: every one of them is in members.yaml', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    writeFileSync(join(root, 'answers.yaml'), stringify(ANSWERS)); // Ana Souza joins at the meeting
    const names = Array.from({ length: 19 }, (_, i) => `Writer Number${i + 1}`);
    const env = { CIRCLE_TODAY: '2026-11-17' };
    const [meet, ...adds] = await Promise.all([
      finish(startCircle(['meet', '--answers', 'answers.yaml'], { cwd: root, env })),
      ...names.map((name) => finish(startCircle(['members', 'add', name, '--yes'], { cwd: root, env }))),
    ]);
    expect(meet.code, meet.stderr).toBe(0);
    expect(adds.map((r) => r.code)).toEqual(names.map(() => 0));
    const listed = (parse(readFileSync(join(circleDir, 'members.yaml'), 'utf8')) as { members: { name: string }[] }).members.map((m) => m.name);
    expect(listed.filter((n) => [...names, 'Ana Souza'].includes(n)).sort()).toEqual([...names, 'Ana Souza'].sort());
  });
});
