import type { Dec } from './decimal';
import { convertPerUnitPrice, type Unit } from './units';

/** An amount of money per unit of mass. */
export interface Price {
  readonly amount: Dec;
  readonly currency: string;
  readonly per: Unit;
}

/** Units of the reporting currency per one unit of each other currency. */
export type FxRates = Readonly<Record<string, Dec>>;

/** Thrown when an amount is in a currency with no rate to the reporting currency. */
export class MissingFxRateError extends Error {
  constructor(readonly currency: string) {
    super(`no fx rate for ${currency}`);
    this.name = 'MissingFxRateError';
  }
}

/** `amount` in `currency`, converted to `reporting` currency with `fx` (reporting per 1 unit). */
export function toReportingCurrency(
  amount: Dec,
  currency: string,
  reporting: string,
  fx: FxRates,
): Dec {
  if (currency === reporting) return amount;
  const rate = fx[currency];
  if (rate === undefined) throw new MissingFxRateError(currency);
  return amount.times(rate);
}

/** A price restated in the reporting currency and per `unit`. */
export function restatePrice(price: Price, unit: Unit, reporting: string, fx: FxRates): Dec {
  const inReporting = toReportingCurrency(price.amount, price.currency, reporting, fx);
  return convertPerUnitPrice(inReporting, price.per, unit);
}
