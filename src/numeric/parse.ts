import {
  assert,
  INEXACT_NUMBER_MESSAGE,
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
 * Most significant digits a JSON number is taken with: every decimal of 15 significant digits
 * reads back from its double unchanged (IEEE 754 binary64 holds 15 to 17), so a number printed
 * with more may not be the one the client wrote (9007199254740993 arrives as …992).
 */
export const MAX_NUMBER_DIGITS = 15;

/** The significant digits of a finite number as JavaScript prints it: 1.5e-7 → 2, 1200 → 2. */
export function significantDigits(value: number): number {
  const text = String(value);
  const e = text.indexOf('e');
  const mantissa = e === -1 ? text : text.slice(0, e);
  let first = 0;
  let last = mantissa.length - 1;
  const isZeroOrMark = (code: number) => code === 48 || code === 46 || code === 45;
  while (first <= last && isZeroOrMark(mantissa.charCodeAt(first))) first++;
  while (last >= first && isZeroOrMark(mantissa.charCodeAt(last))) last--;
  if (first > last) return 0;
  const point = mantissa.indexOf('.');
  return last - first + 1 - (point > first && point < last ? 1 : 0);
}

/**
 * Why `value` is not a decimal the API takes, or undefined when it is: a plain decimal string or a
 * finite number, at most MAX_DECIMAL_LENGTH characters written out in full (1e308 and 5e-324 are
 * refused like a 309- or 326-character string would be); a number with more than
 * MAX_NUMBER_DIGITS significant digits is refused, since it may have lost digits on its way in.
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
  if (typeof value === 'number' && significantDigits(value) > MAX_NUMBER_DIGITS)
    return INEXACT_NUMBER_MESSAGE;
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
