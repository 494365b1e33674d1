// The draft is rewritten after every answer: whatever was answered, taken back or given
// again, the file on disk reads back as the draft saved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/core/meet/index.js';
import { loadDraft, saveDraft } from '../../src/store/draft.js';
import { propertyRuns, tempDir } from '../helpers.js';

/** Text that YAML writes in every style: quoted, block, with indentation of its own, or that reads as another type when plain. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '', ' ', 'yes', 'null', '~', '12', '0x1F', '2026-11-17', '- item', 'a: b', '# not a comment', '"quoted"', "it's", '  leading', 'trailing  ',
    'two\nlines', '\n\nblank lines\n\n', '  indented\nthen not', 'tab\there', '|', '>', '{ flow: map }', '[a, b]', '*alias', '&anchor', '!tag',
    '%directive', 'ü\u00a0nbsp', 'x'.repeat(1100), 'line\u2028separator', 'paragraph\u2029separator\n',
  ),
);
const value = fc.oneof(text, fc.boolean(), fc.array(text, { maxLength: 3 }));
const id = fc.oneof(
  fc.constantFrom('facilitator', 'attendance', 'reflect.Ana Souza.tried', 'next.topic', 'notes'),
  text.filter((t) => t.trim() !== '' && !/^(intro|rules)\./.test(t)),
);

describe('the draft on disk', () => {
  it('reads back as saved after each answer, answer taken back and answer given again (property)', async () => {
    const dir = tempDir('circle-draft-');
    const steps = fc.array(fc.record({ id, value, back: fc.boolean(), typed: fc.option(text, { nil: undefined }) }), { minLength: 1, maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(steps, async (answers) => {
        let draft: Draft = { date: '2026-11-17', started: '2026-11-17T18:00:00.000Z', answers: {}, at: {} };
        for (const [n, a] of answers.entries()) {
          if (a.back && Object.hasOwn(draft.answers, a.id)) {
            const { [a.id]: was, ...rest } = draft.answers;
            const typed = a.typed === undefined ? draft.typed : { ...draft.typed, [a.id]: a.typed };
            draft = { ...draft, answers: rest, was: { ...draft.was, [a.id]: was! }, typed };
          } else {
            const at = `2026-11-17T18:${String(n).padStart(2, '0')}:00.000Z`;
            draft = { ...draft, answers: { ...draft.answers, [a.id]: a.value }, at: { ...draft.at, [a.id]: at } };
          }
          await saveDraft(dir, draft);
          const back = await loadDraft(dir);
          expect(back).toEqual(draft);
        }
      }),
      { numRuns: propertyRuns(30, 500) },
    );
  });
});
