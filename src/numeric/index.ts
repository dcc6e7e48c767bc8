/**
 * The one exact decimal core of Floorline: every calculator computes on it, nothing else.
 *
 * A `Decimal` is `{ units: bigint, scale: number }`, meaning units × 10^-scale. Values are
 * immutable; every operation is a small pure function.
 *
 * ```ts
 * const price = parseDecimal('12.50');           // strings or JSON numbers, ≤ 40 characters
 * const duty = multiply(price, parseDecimal('0.035'));      // 0.43750 (scale 2 + 3)
 * toFixed(duty, 2, halfUp);                      // "0.44"  — rounding is always named
 * divide(ONE, parseDecimal('3'), 4, halfEven);   // 0.3333 — division always names scale and mode
 * compare(a, b); min(a, b); max(a, b); sum([a, b, c]); nonNegative(x); isZero(x)
 * ```
 *
 * **The scale rule** (never depends on the values): add, subtract, min, max and sum → the largest
 * scale of the operands; multiply → the sum of the scales; negate, abs, nonNegative → unchanged;
 * divide and round → the scale asked for. So `1.5 + 0.00` and `1.5 − 0.00` are both "1.50".
 *
 * **Rounding** modes are functions: `halfUp` (half away from zero, decimal.js ROUND_HALF_UP),
 * `halfEven` (banker's), `truncate`, `carry` (see below). `round(x, places, mode)` and `toFixed` round once.
 *
 * **Division** `divide(a, b, scale, mode)` is exact whenever the quotient terminates within
 * `scale` places, else rounded once by `mode`. Two rules keep reported cents right:
 * 1. *Divide last.* Form the whole product first (price × quantity × kg per unit, …) and divide it
 *    once, at the places it is reported with (`divide(…, 2, mode)`) where it is reported directly.
 * 2. *Carry far.* A quotient used again (a price restated per another unit, a quantity in pounds)
 *    is carried to CARRIED_PLACES = 100 by `carry`. Error bound: it is within 10^-100 of the exact
 *    quotient; every API input is under 10^40 (40 characters), so multiplied by two inputs (a
 *    quantity and an fx rate, say) it stays within 10^-20, sixteen digits below the finest
 *    reported place (4). `carry` (IEEE 754 "round to prepare for shorter precision") also makes a
 *    carried quotient reported directly, at fewer places and by any mode, round exactly as the
 *    exact quotient would: once.
 * **Parsing** `parseDecimal(string | number)`: the API's decimal pattern (no exponent, no leading
 * zeros) and at most 40 characters written out in full, for JSON numbers too (1e308 and 5e-324 are
 * refused like their 309- and 326-character strings; -0 is 0); `decimalProblem` says why a value is
 * refused without throwing. `toText` writes every digit at the value's scale, `toPlain` drops
 * trailing zeros.
 *
 * **Invariants** are asserted with named messages (a `NumericError`): a scale is a non-negative
 * safe integer (`decimal(12345n, -2)` throws INVALID_SCALE_MESSAGE), no division by zero.
 */

export { abs, add, multiply, negate, subtract, sum } from './arithmetic';
export {
  DIVISION_BY_ZERO_MESSAGE,
  INVALID_SCALE_MESSAGE,
  INVALID_UNITS_MESSAGE,
  NOT_A_DECIMAL_MESSAGE,
  NOT_FINITE_MESSAGE,
  NumericError,
  TOO_LONG_MESSAGE,
} from './assert';
export {
  compare,
  equal,
  greaterThan,
  greaterThanOrEqual,
  isNegative,
  isPositive,
  isZero,
  least,
  lessThan,
  lessThanOrEqual,
  max,
  min,
  nonNegative,
} from './compare';
export { type Decimal, decimal, ONE, unitsAt, ZERO } from './decimal';
export { placesOf, toFixed, toPlain, toText, trimZeros } from './format';
export {
  DECIMAL_PATTERN,
  decimalProblem,
  MAX_DECIMAL_LENGTH,
  numberText,
  parseDecimal,
  parseReported,
} from './parse';
export {
  CARRIED_PLACES,
  carry,
  divide,
  halfEven,
  halfUp,
  type Rounder,
  round,
  truncate,
} from './rounding';
