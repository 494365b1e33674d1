import { describe, expect, it } from 'vitest';
import { newDraft, steps } from '../../src/core/meet/index.js';
import { remember } from '../../src/core/memory.js';
import { DATE, plan } from './fixtures.js';

describe('what a meeting hands on', () => {
  it('offers the next topic as `circle topics` orders them: tonight\'s asks counted with the earlier ones, with counts and who asked', () => {
    const earlier = [
      { date: '2026-09-22', present: [], reported: [], dropped: [], commitments: [], raised: [], answered: [], asked: [{ topic: 'Board relations', by: 'Łucja Nowak', private: false }, { topic: 'Grant writing', by: 'Amara Okafor', private: false }] },
      { date: '2026-10-20', present: [], reported: [], dropped: [], commitments: [], raised: [], answered: [], asked: [{ topic: 'Grant writing', by: 'Łucja Nowak', private: false }, { topic: 'Secret plans', by: 'Amara Okafor', private: true }] },
    ];
    const p = plan({ memory: remember(earlier) });
    let d = newDraft(DATE, `${DATE}T18:00:00Z`);
    d = { ...d, answers: { attendance: ['José Álvarez', 'Amara Okafor'], newcomers: [], 'reflect.José Álvarez.tried': 'Went ++ Volunteer care', 'reflect.requests': ['board relations'], 'next.Amara Okafor.wants_to_learn': 'Board Relations' } };
    const topic = steps(p, d).find((s) => s.id === 'next.topic')!;
    expect(topic.choices!.map((c) => c.name)).toEqual([
      'Board relations (asked 3 times: Łucja, Amara)',
      'Grant writing (asked 2 times: Amara, Łucja)',
      'Volunteer care (José)',
    ]);
  });
});
