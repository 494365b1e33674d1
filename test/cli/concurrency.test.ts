// Two writers, one file: every change a command reports as done is in the file.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli } from '../harness.js';
import { makeWorkspace, startCircle } from '../helpers.js';
import { ANSWERS } from './meet-answers.js';

function finish(child: ReturnType<typeof startCircle>): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
}

describe('concurrent writers', () => {
  // Twenty writers on one circle at once: a meeting that adds a newcomer, and 19 `members add`.
  it('a meeting that adds a newcomer, with 19 `members add` at the same moment: every reported success is in members.yaml', async () => {
    const { root, circleDir } = makeWorkspace({ example: true });
    writeFileSync(join(root, 'answers.yaml'), stringify(ANSWERS)); // Ana Souza joins at the meeting
    const names = Array.from({ length: 19 }, (_, i) => `Writer Number${i + 1}`);
    const env = { CIRCLE_TODAY: '2026-11-17' };
    const [meet, ...adds] = await Promise.all([
      finish(startCircle(['meet', '--answers', 'answers.yaml'], { cwd: root, env })),
      ...names.map((name) => finish(startCircle(['members', 'add', name, '--yes'], { cwd: root, env }))),
    ]);
    expect(meet.code, meet.stderr).toBe(0);
    // Each waits its turn for the write lock (a few milliseconds each): all of them land.
    expect(adds.map((r) => r.stderr.trim())).toEqual(names.map((n) => `Added ${n} to riverside-leaders.`));
    expect(adds.map((r) => r.code)).toEqual(names.map(() => 0));
    const listed = (parse(readFileSync(join(circleDir, 'members.yaml'), 'utf8')) as { members: { name: string }[] }).members.map((m) => m.name);
    expect(listed.filter((n) => [...names, 'Ana Souza'].includes(n)).sort()).toEqual([...names, 'Ana Souza'].sort());
  });

  // git rewrites a file by removing it and writing it again; `circle sync` holds the write lock meanwhile.
  it.each(['circle.yaml', 'members.yaml'])('`members add` while a sync has %s removed for a moment: it waits for the sync, then adds', async (file) => {
    const { root, circleDir } = makeWorkspace({ example: true });
    const [path, lock] = [join(circleDir, file), join(circleDir, '.write-lock')];
    // The write lock as another live process holds it (vitest's own).
    writeFileSync(lock, `${JSON.stringify({ pid: process.ppid, host: hostname(), started: new Date().toISOString() })}\n`);
    renameSync(path, `${path}.away`);
    const add = cli(['members', 'add', 'Waiting Person', '--yes'], { cwd: root, env: { CIRCLE_TODAY: '2026-11-17' } });
    // What the add does first (finding the circle, reading it) meets the missing file.
    await Promise.race([add, sleep(300)]);
    renameSync(`${path}.away`, path);
    rmSync(lock);
    const result = await add;
    expect([result.code, result.stderr.trim()]).toEqual([0, 'Added Waiting Person to riverside-leaders.']);
    expect(readFileSync(join(circleDir, 'members.yaml'), 'utf8')).toContain('name: Waiting Person');
  });
});
