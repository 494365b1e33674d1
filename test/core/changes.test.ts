// What `circle sync` says came in: each kind of change to members.yaml, in its order.
import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../src/core/changes.js';

const path = 'circles/riverside/members.yaml';
const members = (...list: Array<{ name: string; active?: boolean; tag?: string }>) => ({ members: list });

describe('describeChanges', () => {
  it('says who joined, came back, left, had their details changed or was taken off, in that order', () => {
    const before = members({ name: 'Ana' }, { name: 'Ben', active: false }, { name: 'Cleo' }, { name: 'Dee' }, { name: 'Eli' });
    const after = members({ name: 'ana', tag: 'A' }, { name: 'Ben' }, { name: 'Cleo', active: false }, { name: 'Eli' }, { name: 'Fay' }, { name: 'Gus' });
    expect(describeChanges([{ path, status: 'changed', before, after }])).toEqual([
      'riverside: new members Fay, Gus; active again: Ben; no longer active: Cleo; details changed: ana; taken off members.yaml: Dee',
    ]);
    expect(describeChanges([{ path, status: 'changed', before: members({ name: 'Ana' }), after: members({ name: 'Ana' }, { name: 'Ben' }) }])).toEqual([
      'riverside: new member Ben',
    ]);
    expect(describeChanges([{ path, status: 'changed', before, after: before }])).toEqual([]);
  });
});
