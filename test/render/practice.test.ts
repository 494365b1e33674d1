// practiceText puts the lines of `practice` together piece by piece: the same text as the
// lines joined into one list (as they were printed before).
import { Chalk, type ChalkInstance } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PracticeChain, PracticeLink } from '../../src/core/practice.js';
import { labelOf } from '../../src/core/prompts.js';
import { percent } from '../../src/render/chart.js';
import { oneLine, plural } from '../../src/render/document.js';
import { practiceText } from '../../src/render/practice.js';

/** The text as the lines were first put together: one list, joined. */
function joinedText(chains: readonly PracticeChain[], c: ChalkInstance): string {
  if (!chains.length) return 'No commitments recorded yet.';
  const label = (field: string) => labelOf('reflect', field).toLowerCase();
  const out: string[] = [];
  for (const chain of chains) {
    if (out.length) out.push('');
    const k = chain.counts;
    out.push(`${c.bold(chain.member)}: ${k.followedUp} of ${plural(k.due, 'commitment')} followed up (${percent(k.share)})`);
    if (!chain.links.length) out.push('  no commitments recorded');
    for (const l of chain.links) {
      out.push(`${l.made.date} #${l.made.number}  will practise: ${oneLine(l.commitment)}${l.private ? c.dim(' (in confidence)') : ''}`);
      const at = l.followedAt ? `${l.followedAt.date} #${l.followedAt.number}` : '';
      const missed = l.absences ? ` (after missing ${plural(l.absences, 'meeting')})` : '';
      if (l.status === 'followed_up') {
        out.push(`  -> ${at}${missed}${l.report!.private ? c.dim(' (in confidence)') : ''}:`);
        for (const s of l.report!.said) out.push(`       ${label(s.field)}: ${oneLine(s.text)}`);
      } else if (l.status === 'silent') out.push(c.yellow(`  !! ${at}${missed}: came, but reported nothing on it`));
      else if (l.status === 'missed') out.push(c.red(`  !! never followed up: missed the ${plural(l.absences, 'meeting')} since`));
      else if (l.status === 'let_go') out.push(c.dim(`  -- ${at}${missed}: let go`));
      else out.push(c.dim('  .. to follow up at the next meeting'));
    }
  }
  return out.join('\n');
}

const text = fc.constantFrom('Call Ben', '  two\n lines ', 'Łucja’s plan 👩‍👩‍👧', 'x'.repeat(300), 'tabs\there');
const at = fc.record({ date: fc.constantFrom('2026-01-06', '2026-02-03'), number: fc.integer({ min: 1, max: 99 }) });
const link: fc.Arbitrary<PracticeLink> = fc.record({
  made: at,
  commitment: text,
  private: fc.boolean(),
  status: fc.constantFrom('followed_up', 'silent', 'let_go', 'missed', 'open'),
  followedAt: fc.option(at, { nil: undefined }),
  absences: fc.integer({ min: 0, max: 3 }),
  report: fc.record({
    member: fc.constant('Ana'),
    commitment: fc.constant(undefined),
    said: fc.array(fc.record({ field: fc.constantFrom('tried', 'changed', 'new_issues'), text }), { maxLength: 3 }),
    private: fc.boolean(),
  }),
});
const counts = fc.record({ made: fc.nat(9), followedUp: fc.nat(9), silent: fc.nat(9), missed: fc.nat(9), open: fc.nat(9), letGo: fc.nat(9), due: fc.nat(9), share: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }) });
const chains = fc.array(fc.record({ member: fc.constantFrom('Ana', 'Юлия Смирнова'), links: fc.array(link, { maxLength: 4 }), counts }), { maxLength: 4 });

describe('practiceText', () => {
  it('gives the lines as joined before, in colour or not', () => {
    fc.assert(
      fc.property(chains, fc.constantFrom(0, 1), (cs, level) => {
        const c = new Chalk({ level: level as 0 | 1 });
        const joined = joinedText(cs, c);
        expect(practiceText(cs, c)).toBe(joined);
      }),
      { numRuns: 300 },
    );
  });
});
