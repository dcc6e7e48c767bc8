import { carriedQuotient } from '../domain/common-denominator';
import { type FxRates, MissingFxRateError, toReportingCurrency } from '../domain/money';
import type { Ratio } from '../domain/rounding';
import { perUnitQuotient, type Unit } from '../domain/units';
import { add, type Decimal, multiply, ONE, parseDecimal } from '../numeric';
import type { FieldProblem } from './problem';

/**
 * Where the request's decimals meet the domain: a validated decimal string or number. A zero
 * written "-0" (or the JSON number -0) is zero: the numeric core keeps no sign on it.
 */
export function dec(value: string | number): Decimal {
  return parseDecimal(value);
}

/** The request's `fx` map as Decimals. */
export function fxRates(fx: Readonly<Record<string, string | number>> | undefined): FxRates {
  return Object.fromEntries(Object.entries(fx ?? {}).map(([code, rate]) => [code, dec(rate)]));
}

export interface PriceInput {
  readonly amount: string | number;
  readonly currency?: string | undefined;
  readonly per: Unit;
}

/** A per-unit amount as a price: a bare decimal is in the reporting currency per `unit`. */
export function asPrice(amount: PriceInput | string | number, unit: Unit): PriceInput {
  return typeof amount === 'object' ? amount : { amount, per: unit };
}

/** How the request reports: its currency and its fx rates. */
export interface Reporting {
  readonly currency: string;
  readonly fx: FxRates;
}

/** The request's `vat` (the VAT rate included in its quoted prices) as a Decimal; 0 when absent. */
export function vatRate(vat: string | number | undefined): Decimal {
  return dec(vat ?? 0);
}

/**
 * A price restated per `unit` in the reporting currency, or a problem at `pointer` when the request
 * gives no fx rate for the price's currency. A quote that includes VAT at `vat` is taken ex-VAT
 * (before anything else); floors, triggers and offers are given without it. Exact
 * where it terminates, else carried (`carriedQuotient`): see `restateQuotient` for a price a
 * money figure is made from.
 */
export function restate(...args: Parameters<typeof restateQuotient>): Decimal | undefined {
  const quotient = restateQuotient(...args);
  return quotient === undefined ? undefined : carriedQuotient(quotient);
}

/**
 * `restate` as the exact quotient it is, never divided: amount × fx × kg(unit) / ((1 + vat) ×
 * kg(price.per)). Ex-VAT or per lb, st or ozt a price need not terminate; a money figure made from
 * it (a duty on a quantity) is then divided once, where it is reported.
 */
export function restateQuotient(
  price: PriceInput,
  unit: Unit,
  reporting: Reporting,
  pointer: string,
  problems: FieldProblem[],
  vat?: Decimal,
): Ratio | undefined {
  const inReporting = restateAmount(
    dec(price.amount),
    price.currency ?? reporting.currency,
    reporting,
    pointer,
    problems,
  );
  if (inReporting === undefined) return undefined;
  const perUnit = perUnitQuotient(inReporting, price.per, unit);
  return vat === undefined ? perUnit : { of: perUnit.of, to: multiply(perUnit.to, add(ONE, vat)) };
}

/**
 * An amount of money in `currency` restated in the reporting currency, or a problem at
 * `${pointer}/currency` when the request gives no fx rate for that currency (see missingFxRate
 * for `reportingDefaulted`).
 */
export function restateAmount(
  amount: Decimal,
  currency: string,
  reporting: Reporting,
  pointer: string,
  problems: FieldProblem[],
  reportingDefaulted = false,
): Decimal | undefined {
  try {
    return toReportingCurrency(amount, currency, reporting.currency, reporting.fx);
  } catch (error) {
    if (!(error instanceof MissingFxRateError)) throw error;
    problems.push(
      missingFxRate(currency, reporting.currency, `${pointer}/currency`, reportingDefaulted),
    );
    return undefined;
  }
}

/**
 * The problem of a currency the request gives no fx rate for, at `pointer`. Where the request left
 * its reporting currency to the default (`reportingDefaulted`) and answering in `currency` is
 * the other way out (the product value of origin content, which the rest is valued in), the
 * detail says so.
 */
export function missingFxRate(
  currency: string,
  reporting: string,
  pointer: string,
  reportingDefaulted = false,
): FieldProblem {
  const addRate = `add "fx": { "${currency}": "<${reporting} per 1 ${currency}>" }`;
  return {
    pointer,
    detail: reportingDefaulted
      ? `is ${currency} but the answer is in ${reporting} (the default currency) and fx has no rate for ${currency}: ${addRate}, or "currency": "${currency}" to answer in ${currency}`
      : `is ${currency} but fx has no rate for ${currency}: ${addRate}`,
  };
}

/**
 * The problem of a rate the request must add because something it did not send (a measure, a
 * benchmark) is quoted in `currency`: at `/fx/<currency>`, with why.
 */
export function rateNeeded(currency: string, reporting: string, why: string): FieldProblem {
  return {
    pointer: `/fx/${currency}`,
    detail: `must be given: ${why} (add "fx": { "${currency}": "<${reporting} per 1 ${currency}>" })`,
  };
}

/** Today's date in UTC, the default `asOf`. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
