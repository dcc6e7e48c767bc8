import {
  assert,
  NOT_A_DECIMAL_MESSAGE,
  NOT_FINITE_MESSAGE,
  NumericError,
  TOO_LONG_MESSAGE,
} from './assert';
import { type Decimal, decimal } from './decimal';

/** A plain decimal: optional minus, no leading zeros, optional fraction, no exponent or blanks. */
export const DECIMAL_PATTERN = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** Most characters a decimal may have written out in full, sign and point included. */
export const MAX_DECIMAL_LENGTH = 40;

/**
 * A finite JSON number as the plain decimal it denotes, digit for digit as JavaScript prints it
 * (the shortest text that reads back as the same double, so 0.1 is "0.1"): 1e21 → "1000…0",
 * 1.5e-7 → "0.00000015", -0 → "0". Not limited in length (see `parseDecimal`).
 */
export function numberText(value: number): string {
  assert(Number.isFinite(value), NOT_FINITE_MESSAGE);
  if (value === 0) return '0';
  const text = String(value);
  const e = text.indexOf('e');
  if (e === -1) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf('.');
  const digits = point === -1 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  const at = (point === -1 ? mantissa.length : point) + exponent; // where the point goes
  const body =
    at <= 0
      ? `0.${'0'.repeat(-at)}${digits}`
      : at >= digits.length
        ? digits + '0'.repeat(at - digits.length)
        : `${digits.slice(0, at)}.${digits.slice(at)}`;
  return (negative ? '-' : '') + body;
}

/**
 * Why `value` is not a decimal the API takes, or undefined when it is: a plain decimal string or a
 * finite number, at most MAX_DECIMAL_LENGTH characters written out in full (1e308 and 5e-324 are
 * refused like a 309- or 326-character string would be).
 */
export function decimalProblem(value: string | number): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return NOT_FINITE_MESSAGE;
    // Cheap bounds first: 1e40 and above, or below 1e-38, cannot fit in 40 characters.
    const size = Math.abs(value);
    if (size >= 1e40 || (size !== 0 && size < 1e-38)) return TOO_LONG_MESSAGE;
    text = numberText(value);
  } else {
    text = value;
  }
  if (text.length > MAX_DECIMAL_LENGTH) return TOO_LONG_MESSAGE;
  if (!DECIMAL_PATTERN.test(text)) return NOT_A_DECIMAL_MESSAGE;
  return undefined;
}

/**
 * The exact value of a decimal string or a finite JSON number, at the scale written ("1.50" has
 * scale 2; "-0" and -0 are 0). Anything `decimalProblem` refuses is a NumericError with its message.
 */
export function parseDecimal(value: string | number): Decimal {
  if (typeof value === 'string') {
    const known = PARSED.get(value);
    if (known !== undefined) return known;
  }
  const problem = decimalProblem(value);
  if (problem !== undefined) throw new NumericError(problem);
  if (typeof value === 'number') return digitsOf(numberText(value));
  const parsed = digitsOf(value);
  if (PARSED.size >= MAX_PARSED) PARSED.clear();
  PARSED.set(value, parsed);
  return parsed;
}

/**
 * Decimal strings already read, and their values (a Decimal is immutable, so one may be shared):
 * the lines of a batch give the same freight, price or rate again and again. Emptied when full.
 */
const PARSED = new Map<string, Decimal>();
const MAX_PARSED = 4096;

/**
 * The exact value of a decimal the API itself reported (a presenter summing or comparing what it
 * wrote). No length limit: a reported total may be longer than any input (40 digits × 40 digits),
 * and the limit is for what clients send, never a reason to fail on our own answer.
 */
export function parseReported(text: string): Decimal {
  if (!DECIMAL_PATTERN.test(text)) throw new NumericError(NOT_A_DECIMAL_MESSAGE);
  return digitsOf(text);
}

/** A decimal string already checked against DECIMAL_PATTERN, at the scale written. */
function digitsOf(text: string): Decimal {
  const point = text.indexOf('.');
  if (point === -1) return decimal(BigInt(text));
  return decimal(BigInt(text.slice(0, point) + text.slice(point + 1)), text.length - point - 1);
}
