import { assert, DIVISION_BY_ZERO_MESSAGE, INVALID_SCALE_MESSAGE } from './assert';
import { type Decimal, decimal, pow10, unitsAt } from './decimal';

/**
 * A rounding mode: the integer nearest to n / d (d > 0) by its rule. Modes are functions, passed
 * at each use; nothing rounds implicitly.
 */
export type Rounder = (n: bigint, d: bigint) => bigint;

/** Round half away from zero (decimal.js ROUND_HALF_UP): 0.125 → 0.13, −0.125 → −0.13. */
export const halfUp: Rounder = (n, d) => {
  const q = n / d; // truncated toward zero; the remainder has n's sign
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < d) return q;
  return n < 0n ? q - 1n : q + 1n;
};

/** Round half to even, banker's rounding (decimal.js ROUND_HALF_EVEN): 0.125 → 0.12, 0.135 → 0.14. */
export const halfEven: Rounder = (n, d) => {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < d || (twice === d && (q & 1n) === 0n)) return q;
  return n < 0n ? q - 1n : q + 1n;
};

/** Toward zero (decimal.js ROUND_DOWN): never used for a reported value. */
export const truncate: Rounder = (n, d) => n / d;

/** x at exactly `places` decimals, rounded by `rounder` (exact when x has no more places). */
export function round(x: Decimal, places: number, rounder: Rounder): Decimal {
  assert(Number.isSafeInteger(places) && places >= 0, INVALID_SCALE_MESSAGE);
  // Already at `places`: x itself (a Decimal is immutable; no copy for the garbage collector).
  if (x.scale === places) return x;
  if (x.scale < places) return decimal(unitsAt(x, places), places);
  return decimal(rounder(x.units, pow10(x.scale - places)), places);
}

/**
 * a / b at exactly `scale` decimals, rounded once by `rounder`: exact whenever the quotient
 * terminates within `scale` places. A zero divisor is a NumericError (DIVISION_BY_ZERO_MESSAGE).
 */
export function divide(a: Decimal, b: Decimal, scale: number, rounder: Rounder): Decimal {
  assert(b.units !== 0n, DIVISION_BY_ZERO_MESSAGE);
  assert(Number.isSafeInteger(scale) && scale >= 0, INVALID_SCALE_MESSAGE);
  // a / b = (a.units / b.units) × 10^(b.scale − a.scale); at `scale` places its units are
  // a.units × 10^(scale + b.scale − a.scale) / b.units.
  const shift = scale + b.scale - a.scale;
  let n = shift >= 0 ? a.units * pow10(shift) : a.units;
  let d = shift >= 0 ? b.units : b.units * pow10(-shift);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return decimal(rounder(n, d), scale);
}

/**
 * Toward zero, except away from zero when inexact and the last digit kept would be 0 or 5 (IEEE
 * 754-2008 "round to prepare for shorter precision", Python's ROUND_05UP). A value carried this way
 * is never on a tie or a boundary of any coarser rounding, so rounding it again to fewer places,
 * by any mode, gives what rounding the exact value once would.
 */
export const carry: Rounder = (n, d) => {
  const q = n / d;
  if (n % d === 0n || (q < 0n ? -q : q) % 5n !== 0n) return q;
  return n < 0n ? q - 1n : q + 1n;
};

/** Places a quotient is carried to (by `carry`) when it is used again before being reported. */
export const CARRIED_PLACES = 100;
