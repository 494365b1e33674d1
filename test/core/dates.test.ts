import { format } from 'date-fns/format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIso } from '../../src/core/dates.js';
import { longDate } from '../../src/core/words.js';

const seed = Number(process.env.FAST_CHECK_SEED ?? 20261129);

describe('longDate', () => {
  it(`writes a date as date-fns formats it (seed ${seed})`, () => {
    const day = fc.date({ min: new Date(1900, 0, 1), max: new Date(9999, 11, 31), noInvalidDate: true }).map(toIso);
    fc.assert(
      fc.property(day, (iso) => {
        expect(longDate(iso)).toBe(format(new Date(`${iso}T00:00`), 'EEEE d MMMM yyyy'));
      }),
      { seed, numRuns: 2000 },
    );
    expect(longDate('2026-11-24')).toBe('Tuesday 24 November 2026');
  });
});
