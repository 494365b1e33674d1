// The derived memory file: trusted while every meeting file it was folded from, the dropped
// topics and the build are unchanged.
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCache, writeCache } from '../../src/store/cache.js';
import { circleMemory } from '../../src/store/memory.js';
import { circleTree, testdir } from '../harness.js';

const meeting = (date: string, number: number, commitment: string) =>
  `date: ${date}\nnumber: ${number}\nattendance:\n  present: [Ana Souza]\nnext:\n  members:\n    - member: Ana Souza\n      will_practice: ${commitment}\n`;

const MEMORY = { name: 'memory.json', format: 'circle-memory-3' };
const minuteAgo = () => new Date(Date.now() - 60_000);

describe('circleMemory', () => {
  it('is kept in .cache/memory.json and worked out again after a meeting added, edited in place or removed, or topics dropped', async () => {
    const root = testdir(circleTree('tiny', { 'meetings/2026-01-06.yaml': meeting('2026-01-06', 1, 'Call the bank') }));
    const dir = join(root, 'circles', 'tiny');
    const file = join(dir, 'meetings', '2026-01-06.yaml');
    utimesSync(file, minuteAgo(), minuteAgo());
    const circle = { dropped_topics: [] };
    const first = await circleMemory(dir, circle);
    expect([first.count, first.newest, first.memory.commitments.map((c) => c.text)]).toEqual([1, '2026-01-06', ['Call the bank']]);

    // Trusted while nothing changed: a planted memory is what comes back.
    const saved = readCache(dir, MEMORY) as { memory: object };
    await writeCache(dir, MEMORY, { ...saved, memory: { ...saved.memory, commitments: [] } });
    expect((await circleMemory(dir, circle)).memory.commitments).toEqual([]);

    // Edited in place: worked out again.
    writeFileSync(file, meeting('2026-01-06', 1, 'Call the bank twice'));
    expect((await circleMemory(dir, circle)).memory.commitments.map((c) => c.text)).toEqual(['Call the bank twice']);

    // A meeting added.
    writeFileSync(join(dir, 'meetings', '2026-01-20.yaml'), meeting('2026-01-20', 2, 'Visit the site'));
    const added = await circleMemory(dir, circle);
    expect([added.count, added.newest, added.memory.commitments.map((c) => c.text)]).toEqual([2, '2026-01-20', ['Visit the site']]);

    // Removed again.
    const later = join(dir, 'meetings', '2026-01-20.yaml');
    for (const f of [file, later]) utimesSync(f, minuteAgo(), minuteAgo());
    await circleMemory(dir, circle);
    expect(JSON.stringify(readCache(dir, MEMORY))).toContain('Visit the site');
    rmSync(later);
    const removed = await circleMemory(dir, circle);
    expect([removed.count, removed.newest, removed.memory.commitments.map((c) => c.text)]).toEqual([1, '2026-01-06', ['Call the bank twice']]);
  });

  it('is not kept while a file it was folded from changed within 2 s (it may change again in the same tick)', async () => {
    const root = testdir(circleTree('tiny', { 'meetings/2026-01-06.yaml': meeting('2026-01-06', 1, 'Call the bank') }));
    const dir = join(root, 'circles', 'tiny');
    await circleMemory(dir, { dropped_topics: [] });
    expect(readCache(dir, MEMORY)).toBeUndefined();
  });
});
