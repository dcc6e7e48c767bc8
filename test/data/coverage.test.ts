import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combinedCoverage,
  leastComplete,
  TARIFF_COVERAGES,
  type TariffCoverage,
} from '../../src/data/measures';

const coverage = fc.constantFrom<TariffCoverage>(...TARIFF_COVERAGES);
const parts = fc.array(coverage, { minLength: 1, maxLength: 12 });

describe('combinedCoverage: an answer over several parts', () => {
  it('the examples: complete + none is partial; all complete, all none stay; any partial is partial', () => {
    expect(combinedCoverage(['complete', 'none'])).toBe('partial');
    expect(combinedCoverage(['complete', 'complete'])).toBe('complete');
    expect(combinedCoverage(['none', 'none'])).toBe('none');
    expect(combinedCoverage(['complete', 'partial'])).toBe('partial');
    // no parts: nothing rests on an unknown duty
    expect(combinedCoverage([])).toBe('complete');
  });

  it('laws: one part is itself; order does not matter; complete only if all are, none only if all are; groups combine as their parts', () => {
    fc.assert(fc.property(coverage, (c) => combinedCoverage([c]) === c));
    fc.assert(
      fc.property(parts, fc.nat(), (cs, k) => {
        const rotated = [...cs.slice(k % cs.length), ...cs.slice(0, k % cs.length)];
        expect(combinedCoverage([...cs].reverse())).toBe(combinedCoverage(cs));
        expect(combinedCoverage(rotated)).toBe(combinedCoverage(cs));
        const combined = combinedCoverage(cs);
        expect(combined === 'complete').toBe(cs.every((c) => c === 'complete'));
        expect(combined === 'none').toBe(cs.every((c) => c === 'none'));
        // the refusal's question is unchanged: leastComplete is none exactly when any part is
        expect(leastComplete(cs) === 'none').toBe(cs.includes('none'));
      }),
    );
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        expect(combinedCoverage([combinedCoverage(a), combinedCoverage(b)])).toBe(
          combinedCoverage([...a, ...b]),
        );
      }),
    );
  });
});
