import { assert, INVALID_SCALE_MESSAGE, INVALID_UNITS_MESSAGE } from './assert';

/**
 * An exact decimal: `units × 10^-scale` (12345n at scale 2 is 123.45). Immutable; the scale is part
 * of the value's identity only through the scale rule (see index.ts), never through its digits.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** `units × 10^-scale`; a negative or fractional scale is a NumericError (INVALID_SCALE_MESSAGE). */
export function decimal(units: bigint, scale = 0): Decimal {
  assert(typeof units === 'bigint', INVALID_UNITS_MESSAGE);
  assert(Number.isSafeInteger(scale) && scale >= 0, INVALID_SCALE_MESSAGE);
  return { units, scale };
}

export const ZERO: Decimal = decimal(0n);
export const ONE: Decimal = decimal(1n);

const POWERS: bigint[] = [1n];

/** 10^k as a BigInt (k ≥ 0), cached. */
export function pow10(k: number): bigint {
  while (POWERS.length <= k) POWERS.push((POWERS[POWERS.length - 1] as bigint) * 10n);
  return POWERS[k] as bigint;
}

/** The units of `x` at a scale at least its own (exact: only appends zeros). */
export function unitsAt(x: Decimal, scale: number): bigint {
  return scale === x.scale ? x.units : x.units * pow10(scale - x.scale);
}
