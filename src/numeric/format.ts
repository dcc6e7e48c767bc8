import type { Decimal } from './decimal';
import { type Rounder, round } from './rounding';

/**
 * Every digit of x at its scale, no exponent: (12345n, 2) → "123.45", (−5n, 2) → "-0.05",
 * (0n, 2) → "0.00". Zero is never written with a minus sign.
 */
export function toText(x: Decimal): string {
  const { units, scale } = x;
  if (scale === 0) return units.toString();
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString();
  if (digits.length <= scale) digits = digits.padStart(scale + 1, '0');
  const point = digits.length - scale;
  return `${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** x rounded by `rounder` to exactly `places` decimals, as text: (1234.5, 2) → "1234.50". */
export function toFixed(x: Decimal, places: number, rounder: Rounder): string {
  return toText(round(x, places, rounder));
}

/** x as text without trailing zeros: 100.0 → "100", 0.0370 → "0.037". */
export function toPlain(x: Decimal): string {
  return trimZeros(toText(x));
}

/** The decimal places x needs, trailing zeros aside: 0.0370 → 3, 100.0 → 0. */
export function placesOf(x: Decimal): number {
  const text = toPlain(x);
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

/** "0.037000" → "0.037", "2.000000" → "2": drops trailing zeros, and the point when none is left. */
export function trimZeros(text: string): string {
  if (!text.includes('.')) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return text.slice(0, end);
}
