import {
  add,
  CARRIED_PLACES,
  carry,
  type Decimal,
  divide,
  isZero,
  multiply,
  ONE,
} from '../numeric';
import type { Unit } from './units';

/** An amount of money per unit of mass. */
export interface Price {
  readonly amount: Decimal;
  readonly currency: string;
  readonly per: Unit;
}

/** Units of the reporting currency per one unit of each other currency. */
export type FxRates = Readonly<Record<string, Decimal>>;

/** Thrown when an amount is in a currency with no rate to the reporting currency. */
export class MissingFxRateError extends Error {
  constructor(readonly currency: string) {
    super(`no fx rate for ${currency}`);
    this.name = 'MissingFxRateError';
  }
}

/**
 * `amount` in `currency` restated in the `reporting` currency: amount × fx[currency] (reporting
 * per 1 unit), exact. A currency without a rate is a MissingFxRateError.
 */
export function toReportingCurrency(
  amount: Decimal,
  currency: string,
  reporting: string,
  fx: FxRates,
): Decimal {
  if (currency === reporting) return amount;
  const rate = fx[currency];
  if (rate === undefined) throw new MissingFxRateError(currency);
  return multiply(amount, rate);
}

/**
 * A price quoted with value-added tax included, without it: amount / (1 + vat). A Chinese domestic
 * quote includes 13% VAT (vat = 0.13), which is not part of an export price or a customs value, so
 * it is taken out before anything else. Exact when the quotient terminates, else carried
 * (CARRIED_PLACES, `carry`) like every quotient used again; vat = 0 leaves the amount as it is.
 */
export function excludingVat(amount: Decimal, vat: Decimal): Decimal {
  return isZero(vat) ? amount : divide(amount, add(ONE, vat), CARRIED_PLACES, carry);
}
