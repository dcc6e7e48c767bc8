import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPerUnitAgainst, formatShareAgainst } from '../../src/domain/rounding';
import { compare, type Decimal, decimal } from '../../src/numeric';
import { d } from './numbers';

const share = (part: string, whole: string) => ({ of: d(part), to: d(whole) });
const T = [d('0.001')];

describe('formatShareAgainst: shares never round across a threshold', () => {
  it('99.99 / 100,000 = 0.0009999 is reported with 7 places, not as 0.001', () => {
    expect(formatShareAgainst(share('99.99', '100000'), T, 'half-up')).toBe('0.0009999');
  });

  it('a share that rounds without crossing keeps 6 places: 0.0123456789 → 0.012346', () => {
    expect(formatShareAgainst(share('0.0123456789', '1'), T, 'half-up')).toBe('0.012346');
  });

  it('exactly at the threshold: 100 / 100,000 = 0.001', () => {
    expect(formatShareAgainst(share('100', '100000'), T, 'half-up')).toBe('0.001');
  });

  it('just above: 0.00100000004 is 0.0010000000 at 10 places, so it is cut up to 0.0010000001', () => {
    expect(formatShareAgainst(share('0.00100000004', '1'), T, 'half-up')).toBe('0.0010000001');
  });

  it('just below: 0.00099999999996 is cut down to 0.0009999999', () => {
    expect(formatShareAgainst(share('0.00099999999996', '1'), T, 'half-up')).toBe('0.0009999999');
  });
});

describe('formatPerUnitAgainst: a price compared with a benchmark never prints on it or across it', () => {
  const cap = [d('1500')];

  it('a price that rounds clear of the cap keeps 4 places: 1,600 → 1600.0000, 1,499.5 → 1499.5000', () => {
    expect(formatPerUnitAgainst(d('1600'), cap, 'half-up')).toBe('1600.0000');
    expect(formatPerUnitAgainst(d('1499.5'), cap, 'half-up')).toBe('1499.5000');
  });

  it('1,500.00001 and 1,499.99999 take 5 places; 1,500 itself is 1500.0000', () => {
    expect(formatPerUnitAgainst(d('1500.00001'), cap, 'half-up')).toBe('1500.00001');
    expect(formatPerUnitAgainst(d('1499.99999'), cap, 'half-even')).toBe('1499.99999');
    expect(formatPerUnitAgainst(d('1500'), cap, 'half-up')).toBe('1500.0000');
  });

  it('a gap against 0: 0.00001 is not 0.0000; past 10 places it is cut up to 0.0000000001', () => {
    expect(formatPerUnitAgainst(d('0.00001'), [d('0')], 'half-even')).toBe('0.00001');
    expect(formatPerUnitAgainst(d('0.000000000004'), [d('0')], 'half-up')).toBe('0.0000000001');
  });

  it('over random prices near the cap: the printed price is on the same side of the threshold as the exact one', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -100_000n, max: 100_000n }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('half-up' as const, 'half-even' as const),
        (offset, scale, mode) => {
          // 1,500 ± up to 100,000 units of the last place: mostly within a rounding unit of the cap
          const x = decimal(1500n * 10n ** BigInt(scale) + offset, scale);
          const printed = formatPerUnitAgainst(x, cap, mode);
          const side = (y: Decimal) => compare(y, d('1500'));
          expect(side(d(printed))).toBe(side(x));
          expect(printed.length - printed.indexOf('.') - 1).toBeGreaterThanOrEqual(4);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
