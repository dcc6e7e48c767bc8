import { type Decimal, decimal, pow10 } from './decimal';
import { toText } from './format';
import { divide, type Rounder } from './rounding';

/**
 * An exact rational n / d on BigInt (d > 0, lowest terms), for models whose shares and tariff
 * ratios are quotients of quotients (trade effects): sums, products and quotients stay exact, and
 * a value is divided once, when it is reported (`rational.fixed`).
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function make(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d < 0n ? -d : d);
  return g <= 1n ? { n: n * sign, d: d * sign } : { n: (n / g) * sign, d: (d / g) * sign };
}

export const R0: Rational = { n: 0n, d: 1n };
export const R1: Rational = { n: 1n, d: 1n };

export const rational = {
  /** An exact decimal as a rational. */
  of(x: Decimal): Rational {
    return make(x.units, pow10(x.scale));
  },
  int(n: number | bigint): Rational {
    return { n: BigInt(n), d: 1n };
  },
  plus: (a: Rational, b: Rational): Rational => make(a.n * b.d + b.n * a.d, a.d * b.d),
  minus: (a: Rational, b: Rational): Rational => make(a.n * b.d - b.n * a.d, a.d * b.d),
  times: (a: Rational, b: Rational): Rational => make(a.n * b.n, a.d * b.d),
  div: (a: Rational, b: Rational): Rational => make(a.n * b.d, a.d * b.n),
  neg: (a: Rational): Rational => ({ n: -a.n, d: a.d }),
  compare(a: Rational, b: Rational): -1 | 0 | 1 {
    const l = a.n * b.d;
    const r = b.n * a.d;
    return l < r ? -1 : l > r ? 1 : 0;
  },
  isZero: (a: Rational): boolean => a.n === 0n,
  sum(values: readonly Rational[]): Rational {
    return values.reduce(rational.plus, R0);
  },
  max: (a: Rational, b: Rational): Rational => (rational.compare(a, b) >= 0 ? a : b),
  /** n / d rounded once to `places` by `rounder`: a decimal at exactly `places`. */
  round(a: Rational, places: number, rounder: Rounder): Decimal {
    return divide(decimal(a.n), decimal(a.d), places, rounder);
  },
  /** n / d rounded once to `places` by `rounder`, as text with exactly `places` decimals. */
  fixed(a: Rational, places: number, rounder: Rounder): string {
    return toText(rational.round(a, places, rounder));
  },
};
