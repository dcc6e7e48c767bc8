import type Decimal from 'decimal.js';
import { Dec } from './decimal';

/** How reported values are rounded; intermediate values are never rounded. */
export const ROUNDING_MODES = ['half-up', 'half-even'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

const DECIMAL_ROUNDING: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  'half-up': Dec.ROUND_HALF_UP,
  'half-even': Dec.ROUND_HALF_EVEN,
};

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

function fixed(x: Dec, places: number, mode: RoundingMode): string {
  const rounded = x.toDecimalPlaces(places, DECIMAL_ROUNDING[mode]);
  // -0.004 rounds to zero: report "0.00", never "-0.00".
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(places);
}

/** A money total, at the currency's minor unit: 1234.5 USD → "1234.50", 1234.5 JPY → "1235". */
export function formatMoney(x: Dec, currency: string, mode: RoundingMode): string {
  return fixed(x, minorUnits(currency), mode);
}

/** A price per unit, at 4 places: 6 → "6.0000". */
export function formatPerUnit(x: Dec, mode: RoundingMode): string {
  return fixed(x, PER_UNIT_PLACES, mode);
}

/** A rate or share, at up to 6 places without trailing zeros: 0.0370 → "0.037". */
export function formatRate(x: Dec, mode: RoundingMode): string {
  const rounded = x.toDecimalPlaces(RATE_PLACES, DECIMAL_ROUNDING[mode]);
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed();
}
