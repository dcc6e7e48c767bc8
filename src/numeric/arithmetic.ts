import { type Decimal, decimal, unitsAt, ZERO } from './decimal';

/** a + b, at the larger of the two scales. */
export function add(a: Decimal, b: Decimal): Decimal {
  // Adding a zero at no larger scale is the other term itself, scale included (the scale rule).
  if (b.units === 0n && b.scale <= a.scale) return a;
  if (a.units === 0n && a.scale <= b.scale) return b;
  const scale = Math.max(a.scale, b.scale);
  return decimal(unitsAt(a, scale) + unitsAt(b, scale), scale);
}

/** a − b, at the larger of the two scales. */
export function subtract(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return decimal(unitsAt(a, scale) - unitsAt(b, scale), scale);
}

/** a × b, at the sum of the scales (exact at any size). */
export function multiply(a: Decimal, b: Decimal): Decimal {
  // A factor of 1 at scale 0 (1 kg per kg) leaves the other, scale included.
  if (b.units === 1n && b.scale === 0) return a;
  if (a.units === 1n && a.scale === 0) return b;
  return decimal(a.units * b.units, a.scale + b.scale);
}

/** −x, at x's scale. */
export function negate(x: Decimal): Decimal {
  return decimal(-x.units, x.scale);
}

/** |x|, at x's scale. */
export function abs(x: Decimal): Decimal {
  return x.units < 0n ? negate(x) : x;
}

/** The sum of a list (0 at scale 0 for an empty one), at the largest scale in it. */
export function sum(values: readonly Decimal[]): Decimal {
  if (values.length === 0) return ZERO;
  // One term is its own sum, at its own scale.
  if (values.length === 1) return values[0] as Decimal;
  // One pass over the units at the largest scale: no intermediate Decimal per term.
  let scale = 0;
  for (const v of values) if (v.scale > scale) scale = v.scale;
  let units = 0n;
  for (const v of values) units += unitsAt(v, scale);
  return decimal(units, scale);
}
