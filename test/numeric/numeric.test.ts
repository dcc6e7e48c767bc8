import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoundingMode } from '../../src/domain/rounding';
import {
  add,
  CARRIED_PLACES,
  carry,
  compare,
  type Decimal,
  DIVISION_BY_ZERO_MESSAGE,
  decimal,
  decimalProblem,
  divide,
  halfEven,
  halfUp,
  INVALID_SCALE_MESSAGE,
  max,
  min,
  multiply,
  NOT_A_DECIMAL_MESSAGE,
  parseDecimal,
  round,
  subtract,
  sum,
  TOO_LONG_MESSAGE,
  toFixed,
  toText,
  ZERO,
} from '../../src/numeric';
import { decimalJsFixed, oracle, Wide } from '../domain/reference-rounding';

const x = parseDecimal;
const ROUNDERS = { 'half-up': halfUp, 'half-even': halfEven } as const;

describe('the scale rule never depends on the values', () => {
  it('1.5 + 0.00 and 1.5 − 0.00 are both 1.50 (the larger scale); 0 + 0.0 is 0.0', () => {
    expect(toText(add(x('1.5'), x('0.00')))).toBe('1.50');
    expect(toText(subtract(x('1.5'), x('0.00')))).toBe('1.50');
    expect(toText(add(x('0.00'), x('1.5')))).toBe('1.50');
    expect(toText(add(ZERO, x('0.0')))).toBe('0.0');
  });
  it('a product has the sum of the scales, zeros included: 1.5 × 0.00 = 0.000; 750,000 × 0.003464 = 2598.000000', () => {
    expect(toText(multiply(x('1.5'), x('0.00')))).toBe('0.000');
    expect(toText(multiply(x('750000'), x('0.003464')))).toBe('2598.000000');
  });
  it('a sum has the largest scale in it: 1.5 + 0.00 + 2 = 3.50; 0.125 + 1 = 1.125; an empty sum is 0', () => {
    expect(toText(sum([x('1.5'), x('0.00'), x('2')]))).toBe('3.50');
    expect(toText(sum([x('0.125'), x('1')]))).toBe('1.125');
    expect(toText(sum([x('-1.10'), x('1.1')]))).toBe('0.00');
    expect(toText(sum([]))).toBe('0');
  });
  it('min and max answer at the larger scale whichever wins: min(1.5, 2.00) = 1.50', () => {
    expect(toText(min(x('1.5'), x('2.00')))).toBe('1.50');
    expect(toText(max(x('1.5'), x('2.00')))).toBe('2.00');
    expect(toText(max(x('3'), x('2.00'), x('-1.0')))).toBe('3.00');
  });
  it('divide and round answer at the scale asked for: 1 / 4 at 4 places = 0.2500, 7 at 3 places = 7.000', () => {
    expect(toText(divide(x('1'), x('4'), 4, halfUp))).toBe('0.2500');
    expect(toText(round(x('7'), 3, halfUp))).toBe('7.000');
  });
});

describe('invariants are asserted with named messages', () => {
  it('a negative or fractional scale is refused: decimal(12345n, -2) never writes "12345."', () => {
    expect(() => decimal(12345n, -2)).toThrow(INVALID_SCALE_MESSAGE);
    expect(() => decimal(1n, 1.5)).toThrow(INVALID_SCALE_MESSAGE);
    expect(() => round(x('1'), -1, halfUp)).toThrow(INVALID_SCALE_MESSAGE);
  });
  it('dividing by zero (0, 0.00) is refused', () => {
    expect(() => divide(x('1'), x('0.00'), 2, halfUp)).toThrow(DIVISION_BY_ZERO_MESSAGE);
  });
});

describe('parsing decimal strings and JSON numbers under one set of limits', () => {
  it('reads plain decimals at the scale written', () => {
    expect(toText(x('1200.00'))).toBe('1200.00');
    expect(toText(x('-0.05'))).toBe('-0.05');
    expect(toText(x('-0'))).toBe('0');
    expect(toText(x('-0.00'))).toBe('0.00');
  });
  it('reads JSON numbers as JavaScript prints them: 0.1, 1e21, 1.5e-7, -0 → 0', () => {
    expect(toText(x(0.1))).toBe('0.1');
    expect(toText(x(1e21))).toBe('1000000000000000000000');
    expect(toText(x(1.5e-7))).toBe('0.00000015');
    expect(toText(x(-1.25e-3))).toBe('-0.00125');
    expect(toText(x(-0))).toBe('0');
  });
  it('refuses what is not a plain decimal (BigInt alone would read " 12" and "0x10")', () => {
    for (const bad of ['', ' 12', '0x10', '1e5', '1.', '.5', '--1', '1_000', '007', 'NaN'])
      expect(decimalProblem(bad)).toBe(NOT_A_DECIMAL_MESSAGE);
    expect(() => x('1e5')).toThrow(NOT_A_DECIMAL_MESSAGE);
  });
  it('applies the 40-character limit to numbers written out in full: 1e308 and 5e-324 are refused', () => {
    expect(decimalProblem('1'.repeat(40))).toBeUndefined();
    expect(decimalProblem('1'.repeat(41))).toBe(TOO_LONG_MESSAGE);
    expect(decimalProblem(1e308)).toBe(TOO_LONG_MESSAGE);
    expect(decimalProblem(5e-324)).toBe(TOO_LONG_MESSAGE);
    expect(decimalProblem(1e39)).toBeUndefined(); // 40 digits
    expect(decimalProblem(1e-38)).toBeUndefined(); // "0." + 37 zeros + "1": 40 characters
    expect(decimalProblem(1.5e-38)).toBe(TOO_LONG_MESSAGE); // 41 characters
    expect(decimalProblem(Number.POSITIVE_INFINITY)).toBeDefined();
    expect(decimalProblem(Number.NaN)).toBeDefined();
    expect(() => x(1e308)).toThrow(TOO_LONG_MESSAGE);
  });
});

describe('rounding modes are named functions', () => {
  it('ties: 0.125 → 0.13 half-up / 0.12 half-even; −0.125 → −0.13 / −0.12; −0.005 → −0.01 / 0.00', () => {
    expect(toFixed(x('0.125'), 2, halfUp)).toBe('0.13');
    expect(toFixed(x('0.125'), 2, halfEven)).toBe('0.12');
    expect(toFixed(x('0.135'), 2, halfEven)).toBe('0.14');
    expect(toFixed(x('-0.125'), 2, halfUp)).toBe('-0.13');
    expect(toFixed(x('-0.125'), 2, halfEven)).toBe('-0.12');
    expect(toFixed(x('-0.005'), 2, halfUp)).toBe('-0.01');
    expect(toFixed(x('-0.005'), 2, halfEven)).toBe('0.00');
    expect(toFixed(x('9.995'), 2, halfUp)).toBe('10.00');
  });
  it('carry truncates, but moves an inexact last digit 0 or 5 away from zero: 1/40 → 0.02, 1/20 at 1 place → 0.1, −1/20 → −0.1, 1/3 → 0.33', () => {
    expect(toText(divide(x('1'), x('40'), 2, carry))).toBe('0.02'); // 0.025: last digit 2 kept
    expect(toText(divide(x('1'), x('20'), 1, carry))).toBe('0.1'); // 0.05: 0.0 would look exact
    expect(toText(divide(x('-1'), x('20'), 1, carry))).toBe('-0.1');
    expect(toText(divide(x('1'), x('3'), 2, carry))).toBe('0.33');
    expect(toText(divide(x('1'), x('4'), 2, carry))).toBe('0.25'); // exact: untouched
  });
});

// Values with up to 15 integer and 12 fraction digits, either sign; and huge and tiny ones.
const ordinary = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^(0|[1-9][0-9]{0,14})$/),
    fc.stringMatching(/^[0-9]{0,12}$/),
  )
  .map(
    ([negative, whole, fraction]) =>
      `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`,
  )
  .filter((s) => !/^-0(\.0*)?$/.test(s)); // −0 is written "0" (pinned above)
const huge = fc.stringMatching(/^[1-9][0-9]{30,38}$/);
const tiny = fc.stringMatching(/^[0-9]{1,6}$/).map((ds) => `0.${'0'.repeat(31)}${ds}`);
const text = fc.oneof({ weight: 4, arbitrary: ordinary }, huge, tiny);
const mode = fc.constantFrom<RoundingMode>('half-up', 'half-even');
const OPTIONS = { seed: 42, numRuns: 500 };
const same = (a: Decimal, b: Wide) => oracle(a).equals(b);

describe('decimal.js is the oracle (fast-check, seed 42)', () => {
  it('sums, differences, products and comparisons are exact', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [ea, eb, da, db] = [x(a), x(b), new Wide(a), new Wide(b)];
        return (
          same(add(ea, eb), da.plus(db)) &&
          same(subtract(ea, eb), da.minus(db)) &&
          same(multiply(ea, eb), da.times(db)) &&
          compare(ea, eb) === da.comparedTo(db) &&
          same(min(ea, eb), Wide.min(da, db)) &&
          same(max(ea, eb), Wide.max(da, db))
        );
      }),
      OPTIONS,
    );
  });

  it('a sum of many values is exact', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), (values) =>
        same(
          sum(values.map(x)),
          values.reduce((acc, v) => acc.plus(v), new Wide(0)),
        ),
      ),
      OPTIONS,
    );
  });

  it('rounding in both modes equals decimal.js toFixed(places, ROUND_HALF_UP / ROUND_HALF_EVEN)', () => {
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 0, max: 12 }),
        mode,
        (a, places, m) =>
          toFixed(x(a), places, ROUNDERS[m]) === decimalJsFixed(new Wide(a), places, m),
      ),
      OPTIONS,
    );
  });

  it('a quotient at any scale is the exact quotient rounded once, in both modes', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 45 }), mode, (a, b, places, m) => {
        if (new Wide(b).isZero()) return true;
        const exact = new Wide(a).dividedBy(new Wide(b)); // 1000 digits: exact enough to round
        return toText(divide(x(a), x(b), places, ROUNDERS[m])) === decimalJsFixed(exact, places, m);
      }),
      OPTIONS,
    );
  });

  it('division is exact when the quotient terminates: (a × b) / b = a', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        if (new Wide(b).isZero()) return true;
        const q = divide(multiply(x(a), x(b)), x(b), x(a).scale, halfUp);
        return compare(q, x(a)) === 0;
      }),
      OPTIONS,
    );
  });

  it(`a quotient carried to ${CARRIED_PLACES} places, then reported at fewer, rounds as the exact quotient would`, () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 12 }), mode, (a, b, places, m) => {
        if (new Wide(b).isZero()) return true;
        const carried = divide(x(a), x(b), CARRIED_PLACES, carry);
        const exact = new Wide(a).dividedBy(new Wide(b));
        const error = oracle(carried).minus(exact).abs();
        return (
          toFixed(carried, places, ROUNDERS[m]) === decimalJsFixed(exact, places, m) &&
          error.lessThan(new Wide(10).pow(-CARRIED_PLACES))
        );
      }),
      OPTIONS,
    );
  });

  it('ties carried to more places are never mistaken: (2k+1)/2 × 10^-p reported at p places', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 8 }),
        mode,
        (k, p, m) => {
          const a = decimal(BigInt(2 * k + 1), p);
          const exact = new Wide(toText(a)).dividedBy(2);
          const carried = divide(a, x('2'), CARRIED_PLACES, carry);
          return toFixed(carried, p, ROUNDERS[m]) === decimalJsFixed(exact, p, m);
        },
      ),
      OPTIONS,
    );
  });

  it('parse and format round-trip: text → decimal → text is the same text, and decimal.js reads the same value', () => {
    fc.assert(
      fc.property(text, (a) => toText(x(a)) === a && oracle(x(a)).equals(new Wide(a))),
      OPTIONS,
    );
  });

  it('a JSON number parses to the value decimal.js reads from it, and refusals match the written length', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const written = new Wide(n).toFixed();
        const fits = written.length <= 40;
        if (!fits) return decimalProblem(n) === TOO_LONG_MESSAGE;
        return decimalProblem(n) === undefined && oracle(x(n)).equals(new Wide(n));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
