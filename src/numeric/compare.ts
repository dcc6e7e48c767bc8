import { type Decimal, decimal, unitsAt } from './decimal';

/** -1, 0 or 1 as a is below, equal to or above b (1.50 equals 1.5). */
export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = unitsAt(a, scale);
  const y = unitsAt(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const equal = (a: Decimal, b: Decimal): boolean => compare(a, b) === 0;
export const lessThan = (a: Decimal, b: Decimal): boolean => compare(a, b) < 0;
export const lessThanOrEqual = (a: Decimal, b: Decimal): boolean => compare(a, b) <= 0;
export const greaterThan = (a: Decimal, b: Decimal): boolean => compare(a, b) > 0;
export const greaterThanOrEqual = (a: Decimal, b: Decimal): boolean => compare(a, b) >= 0;

export const isZero = (x: Decimal): boolean => x.units === 0n;
export const isNegative = (x: Decimal): boolean => x.units < 0n;
export const isPositive = (x: Decimal): boolean => x.units > 0n;

/** The least of a non-empty list, at the largest scale in it (the scale never depends on which). */
export function min(first: Decimal, ...rest: readonly Decimal[]): Decimal {
  return pick(first, rest, -1);
}

/** The greatest of a non-empty list, at the largest scale in it. */
export function max(first: Decimal, ...rest: readonly Decimal[]): Decimal {
  return pick(first, rest, 1);
}

function pick(first: Decimal, rest: readonly Decimal[], sign: -1 | 1): Decimal {
  let best = first;
  let scale = first.scale;
  for (const x of rest) {
    if (compare(x, best) === sign) best = x;
    if (x.scale > scale) scale = x.scale;
  }
  return best.scale === scale ? best : decimal(unitsAt(best, scale), scale);
}

/** max(0, x): gaps and duties are never negative. At x's scale. */
export function nonNegative(x: Decimal): Decimal {
  return x.units < 0n ? decimal(0n, x.scale) : x;
}

/** The least of a list, or null when it is empty. */
export function least(values: readonly Decimal[]): Decimal | null {
  const [first, ...rest] = values;
  return first === undefined ? null : min(first, ...rest);
}
