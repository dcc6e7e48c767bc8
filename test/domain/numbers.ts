import type { Ratio } from '../../src/domain/rounding';
import {
  type Decimal,
  divide,
  halfEven,
  isZero,
  parseDecimal,
  toFixed,
  toPlain,
  ZERO,
} from '../../src/numeric';

/** A decimal from its text (or a JSON number), as the API reads it. */
export const d = (x: string | number): Decimal => parseDecimal(x);

/**
 * A value as plain text without trailing zeros ("6", "0.6"), or at `places` (half-up); a ratio
 * (zero when its divisor is) to 40 places, half-even, then without trailing zeros.
 */
export function t(x: Decimal | Ratio | null, places?: number): string {
  if (x === null) return 'null';
  const value = 'units' in x ? x : isZero(x.to) ? ZERO : divide(x.of, x.to, 40, halfEven);
  return places === undefined ? toPlain(value) : toFixed(value, places, halfEven);
}
