/** Messages of the invariants the core asserts, named so callers and tests can match on them. */
export const INVALID_SCALE_MESSAGE = 'Scale must be a non-negative safe integer.';
export const INVALID_UNITS_MESSAGE = 'Units must be a bigint.';
export const DIVISION_BY_ZERO_MESSAGE = 'Division by zero.';
export const NOT_A_DECIMAL_MESSAGE =
  'Not a plain decimal string (digits, one optional point, no exponent).';
export const TOO_LONG_MESSAGE = 'A decimal may have at most 40 characters written out in full.';
export const NOT_FINITE_MESSAGE = 'A number must be finite.';

/** An invariant of the numeric core was broken: a programming error, or input not parsed first. */
export class NumericError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NumericError';
  }
}

/** Throws a NumericError with `message` unless `condition` holds. */
export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new NumericError(message);
}
