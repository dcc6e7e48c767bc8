import Decimal from 'decimal.js';

/**
 * The decimal.js constructor of Floorline: 40 significant digits, no exponent notation in
 * `toString()`. Rounding is never taken from here implicitly: every reported value names its
 * mode (see rounding.ts). Landed cost computes on exact BigInt decimals instead (exact.ts).
 */
export const Dec = Decimal.clone({ precision: 40, toExpNeg: -60, toExpPos: 60 });
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** max(0, x): gaps and duties are never negative. */
export function nonNegative(x: Dec): Dec {
  return x.isNegative() ? ZERO : x;
}

/** Sum of a list of decimals (0 for an empty list). */
export function sum(values: readonly Dec[]): Dec {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}
