import type Decimal from 'decimal.js';
import { Dec } from '../../src/domain/decimal';
import type { RoundingMode } from '../../src/domain/rounding';

const MODES: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  'half-up': Dec.ROUND_HALF_UP,
  'half-even': Dec.ROUND_HALF_EVEN,
};

/**
 * The reference the reported rounding is checked against: decimal.js `toFixed(places, mode)`,
 * with a negative value that rounds to zero written "0.00", as the API reports it.
 */
export function decimalJsFixed(x: Dec, places: number, mode: RoundingMode): string {
  const text = x.toFixed(places, MODES[mode]);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
