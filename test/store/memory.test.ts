// The derived memory file: trusted while the build, the meetings folder and the newest file are unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { circleMemory } from '../../src/store/memory.js';
import { circleTree, testdir } from '../harness.js';

const meeting = (date: string, number: number, commitment: string) =>
  `date: ${date}\nnumber: ${number}\nattendance:\n  present: [Ana Souza]\nnext:\n  members:\n    - member: Ana Souza\n      will_practice: ${commitment}\n`;

describe('circleMemory', () => {
  it('is kept in .cache/memory.json and worked out again after an upgrade, a meeting added or the newest edited', async () => {
    const root = testdir(circleTree('tiny', { 'meetings/2026-01-06.yaml': meeting('2026-01-06', 1, 'Call the bank') }));
    const dir = join(root, 'circles', 'tiny');
    const circle = { dropped_topics: [] };
    const first = await circleMemory(dir, circle);
    expect([first.count, first.newest, first.memory.commitments.map((c) => c.text)]).toEqual([1, '2026-01-06', ['Call the bank']]);
    const file = join(dir, '.cache', 'memory.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).count).toBe(1);

    // Trusted while nothing changed: a planted memory is what comes back.
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...saved, memory: { ...saved.memory, commitments: [] } }));
    expect((await circleMemory(dir, circle)).memory.commitments).toEqual([]);

    // Written by another build of circle (whose memoryOf may differ): worked out again.
    writeFileSync(file, JSON.stringify({ ...saved, build: 'another', memory: { ...saved.memory, commitments: [] } }));
    expect((await circleMemory(dir, circle)).memory.commitments.map((c) => c.text)).toEqual(['Call the bank']);

    // The newest file edited in place: worked out again.
    writeFileSync(join(dir, 'meetings', '2026-01-06.yaml'), meeting('2026-01-06', 1, 'Call the bank twice'));
    expect((await circleMemory(dir, circle)).memory.commitments.map((c) => c.text)).toEqual(['Call the bank twice']);

    // A meeting added: the folder changed.
    writeFileSync(join(dir, 'meetings', '2026-01-20.yaml'), meeting('2026-01-20', 2, 'Visit the site'));
    const added = await circleMemory(dir, circle);
    expect([added.count, added.newest, added.memory.commitments.map((c) => c.text)]).toEqual([2, '2026-01-20', ['Visit the site']]);

    // Topics dropped in circle.yaml count too.
    const dropped = await circleMemory(dir, { dropped_topics: [{ topic: 'x', on: '2026-01-01' }] });
    expect(dropped.count).toBe(2);
  });
});
