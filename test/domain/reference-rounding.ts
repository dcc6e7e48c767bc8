import Oracle from 'decimal.js';
import type { RoundingMode } from '../../src/domain/rounding';
import { type Decimal, toText } from '../../src/numeric';

/** decimal.js with room for every digit the property tests produce: it does not round them. */
export const Wide = Oracle.clone({ precision: 1000, toExpNeg: -2000, toExpPos: 2000 });
export type Wide = Oracle;

const MODES: Readonly<Record<RoundingMode, Oracle.Rounding>> = {
  'half-up': Oracle.ROUND_HALF_UP,
  'half-even': Oracle.ROUND_HALF_EVEN,
};

/** One of our decimals as a decimal.js value (exactly: through its full text). */
export function oracle(x: Decimal | string): Wide {
  return new Wide(typeof x === 'string' ? x : toText(x));
}

/**
 * The reference the reported rounding is checked against: decimal.js `toFixed(places, mode)`,
 * with a negative value that rounds to zero written "0.00", as the API reports it.
 */
export function decimalJsFixed(x: Decimal | Wide, places: number, mode: RoundingMode): string {
  const value = 'units' in x ? oracle(x) : x;
  const text = value.toFixed(places, MODES[mode]);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
