import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/domain/decimal';
import { Exact, QUOTIENT_SCALE, quotientFixed, sumExact } from '../../src/domain/exact';
import type { RoundingMode } from '../../src/domain/rounding';
import { decimalJsFixed } from './reference-rounding';

const x = (v: string) => Exact.of(v);

describe('exact decimals on BigInt', () => {
  it('reads plain decimals and finite numbers, keeping the scale written', () => {
    expect(x('1200').toString()).toBe('1200');
    expect(x('1200.00').toString()).toBe('1200.00');
    expect(x('-0.05').toString()).toBe('-0.05');
    expect(Exact.of(0.1).toString()).toBe('0.1');
    expect(Exact.of(1e21).toString()).toBe('1000000000000000000000');
    expect(Exact.of(1.5e-7).toString()).toBe('0.00000015');
  });
  it('rejects what is not a plain decimal (BigInt alone would read " 12" and "0x10")', () => {
    for (const bad of ['', ' 12', '0x10', '1e5', '1.', '.5', '--1', '1_000'])
      expect(() => Exact.of(bad)).toThrow(RangeError);
  });
  it('adds, subtracts and multiplies exactly: 0.1 + 0.2 = 0.3; 750,000 × 0.003464 = 2,598', () => {
    expect(x('0.1').plus(x('0.2')).toString()).toBe('0.3');
    expect(x('1').minus(x('0.001')).toString()).toBe('0.999');
    expect(x('750000').times(x('0.003464')).toString()).toBe('2598.000000');
    expect(sumExact([x('1.5'), x('2.25'), x('-0.75')]).toString()).toBe('3.00');
    expect(sumExact([]).isZero()).toBe(true);
  });
  it('compares across scales: 1.50 = 1.5 < 1.51', () => {
    expect(x('1.50').compare(x('1.5'))).toBe(0);
    expect(x('1.5').compare(x('1.51'))).toBe(-1);
    expect(x('-1').compare(x('-2'))).toBe(1);
  });
  it('divides to 40 places half-even, and rounds a reported quotient once: 2/3, 1000/0.45359237', () => {
    expect(x('2').dividedBy(x('3')).toString()).toBe(`0.${'6'.repeat(39)}7`);
    expect(quotientFixed(x('2'), x('3'), 4, 'half-up')).toBe('0.6667');
    expect(quotientFixed(x('1000'), x('0.45359237'), 4, 'half-up')).toBe('2204.6226');
    expect(quotientFixed(x('-1'), x('8'), 2, 'half-up')).toBe('-0.13');
    expect(quotientFixed(x('-1'), x('8'), 2, 'half-even')).toBe('-0.12');
    expect(quotientFixed(x('1'), x('-8'), 2, 'half-even')).toBe('-0.12');
    expect(() => x('1').dividedBy(Exact.ZERO)).toThrow(RangeError);
  });
  it('rounds ties by mode: 0.125 → 0.13 / 0.12; -0.005 → -0.01 / 0.00; 9.995 → 10.00', () => {
    expect(x('0.125').toFixed(2, 'half-up')).toBe('0.13');
    expect(x('0.125').toFixed(2, 'half-even')).toBe('0.12');
    expect(x('-0.005').toFixed(2, 'half-up')).toBe('-0.01');
    expect(x('-0.005').toFixed(2, 'half-even')).toBe('0.00');
    expect(x('9.995').toFixed(2, 'half-up')).toBe('10.00');
    expect(x('7').toFixed(3, 'half-up')).toBe('7.000');
  });
});

describe('agrees with decimal.js wherever decimal.js is exact (fast-check, seed 42)', () => {
  const text = fc
    .tuple(
      fc.boolean(),
      fc.stringMatching(/^(0|[1-9][0-9]{0,14})$/),
      fc.stringMatching(/^[0-9]{0,8}$/),
    )
    .map(
      ([negative, whole, fraction]) =>
        `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`,
    );
  const mode = fc.constantFrom<RoundingMode>('half-up', 'half-even');
  const options = { seed: 42, numRuns: 500 };
  const same = (e: Exact, d: Dec) => new Dec(e.toString()).equals(d);

  it('sums, differences and products (under 40 digits, where decimal.js does not round)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [ea, eb, da, db] = [x(a), x(b), new Dec(a), new Dec(b)];
        return (
          same(ea.plus(eb), da.plus(db)) &&
          same(ea.minus(eb), da.minus(db)) &&
          same(ea.times(eb), da.times(db)) &&
          ea.compare(eb) === da.comparedTo(db)
        );
      }),
      options,
    );
  });

  it('round trip: Exact → text → decimal.js → Exact keeps the value', () => {
    fc.assert(
      fc.property(text, (a) => Exact.fromDec(x(a).toDec()).compare(x(a)) === 0),
      options,
    );
  });

  it('reported rounding equals decimal.js toFixed(places, mode), also of quotients', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 6 }), mode, (a, b, places, m) => {
        const expected = (d: Dec) => decimalJsFixed(d, places, m);
        const rounded = x(a).toFixed(places, m) === expected(new Dec(a));
        if (new Dec(b).isZero()) return rounded;
        // decimal.js at 60 digits is exact enough here to round the quotient the same way.
        const Wide = Dec.clone({ precision: 60 });
        const quotient = new Wide(a).dividedBy(new Wide(b));
        return rounded && quotientFixed(x(a), x(b), places, m) === expected(new Dec(quotient));
      }),
      options,
    );
  });

  it(`a carried quotient is the exact one to ${QUOTIENT_SCALE} places (within half a unit)`, () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        if (new Dec(b).isZero()) return true;
        const Wide = Dec.clone({ precision: 100 });
        const error = new Wide(x(a).dividedBy(x(b)).toString())
          .minus(new Wide(a).dividedBy(new Wide(b)))
          .abs();
        return error.lessThanOrEqualTo(new Wide(10).pow(-QUOTIENT_SCALE).dividedBy(2));
      }),
      options,
    );
  });
});
