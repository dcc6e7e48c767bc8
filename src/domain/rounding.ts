import type { Dec } from './decimal';
import { Exact } from './exact';

/** How reported values are rounded; intermediate values are never rounded. */
export const ROUNDING_MODES = ['half-up', 'half-even'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** ISO 4217 minor units of currencies that do not use 2 decimal places. */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
};

export const PER_UNIT_PLACES = 4;
export const RATE_PLACES = 6;

/** Decimal places of a currency's minor unit (2 unless ISO 4217 says otherwise). */
export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}

/** A value to report: a decimal.js value or an exact one. */
export type Reportable = Dec | Exact;

/** `x` rounded to exactly `places` decimals by `mode`, as text ("-0.00" is reported "0.00"). */
function fixed(x: Reportable, places: number, mode: RoundingMode): string {
  return (x instanceof Exact ? x : Exact.fromDec(x)).toFixed(places, mode);
}

/** A money total, at the currency's minor unit: 1234.5 USD → "1234.50", 1234.5 JPY → "1235". */
export function formatMoney(x: Reportable, currency: string, mode: RoundingMode): string {
  return fixed(x, minorUnits(currency), mode);
}

/** A price per unit, at 4 places: 6 → "6.0000". */
export function formatPerUnit(x: Reportable, mode: RoundingMode): string {
  return fixed(x, PER_UNIT_PLACES, mode);
}

/** A rate or share, at up to 6 places without trailing zeros: 0.0370 → "0.037". */
export function formatRate(x: Reportable, mode: RoundingMode): string {
  return trimZeros(fixed(x, RATE_PLACES, mode));
}

/** "0.037000" → "0.037", "2.000000" → "2": drops trailing zeros, and the point when none is left. */
export function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
