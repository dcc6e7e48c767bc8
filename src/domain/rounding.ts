import {
  add,
  compare,
  type Decimal,
  decimal,
  divide,
  greaterThan,
  greaterThanOrEqual,
  halfEven,
  halfUp,
  isZero,
  multiply,
  ONE,
  placesOf,
  type Rounder,
  round,
  toFixed,
  toPlain,
  toText,
  trimZeros,
  truncate,
  ZERO,
} from '../numeric';
import { type Rational, rational } from '../numeric/rational';
import { currencyMinorUnits, isCurrencyCode } from './currencies';

/** How reported values are rounded; intermediate values are never rounded. */
export const ROUNDING_MODES = ['half-up', 'half-even'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** The numeric core's rounding function of each reported mode. */
export const ROUNDERS: Readonly<Record<RoundingMode, Rounder>> = {
  'half-up': halfUp,
  'half-even': halfEven,
};

export const PER_UNIT_PLACES = 4;
export const RATE_PLACES = 6;

/**
 * Decimal places of a currency's minor unit, as ISO 4217 gives it (CURRENCY_MINOR_UNITS: USD 2,
 * JPY 0, KWD 3; WITHDRAWN_CURRENCIES: BGN 2). Every currency a request or a seed may name is in
 * one of them; 2 is only for a code that is none, which the schemas refuse before anything is
 * computed.
 */
export function minorUnits(currency: string): number {
  return isCurrencyCode(currency) ? currencyMinorUnits(currency) : 2;
}

/** x rounded once to the currency's minor unit: 1234.5 USD → 1234.50, 1234.5 JPY → 1235. */
export function roundMoney(x: Decimal, currency: string, mode: RoundingMode): Decimal {
  return round(x, minorUnits(currency), ROUNDERS[mode]);
}

/** x rounded once to a per-unit figure's 4 places: 12.352941… → 12.3529. */
export function roundPerUnit(x: Decimal, mode: RoundingMode): Decimal {
  return round(x, PER_UNIT_PLACES, ROUNDERS[mode]);
}

/** x rounded once to a rate's or volume's 6 places: 0.0453592375 → 0.045359 (half-even). */
export function roundRate(x: Decimal, mode: RoundingMode): Decimal {
  return round(x, RATE_PLACES, ROUNDERS[mode]);
}

/** The most places a quantity restated in another unit is written with. */
export const QUANTITY_PLACES = 10;

/**
 * A quantity restated in another unit, as text: as it is where it has at most 10 places, else
 * rounded once to 10 (or, below 1e-10, to as many as keep 10 significant digits, so a tiny
 * quantity is never written 0), without trailing zeros. Restated it need not terminate (0.25 kg
 * in lb = 0.25 / 0.45359237 → "0.5511556555"; 1e-11 kg in t → "0.00000000000001"); carried
 * (CARRIED_PLACES, `carry`), it rounds as the exact quotient would.
 */
export function formatQuantity(q: Decimal, mode: RoundingMode): string {
  // Digits before the point (≤ 0: zeros after it before the first significant digit).
  const size = (q.units < 0n ? -q.units : q.units).toString().length - q.scale;
  const places = Math.max(QUANTITY_PLACES, QUANTITY_PLACES - size);
  return toPlain(placesOf(q) <= places ? q : round(q, places, ROUNDERS[mode]));
}

/**
 * An exact rational rounded once to the currency's minor unit (one division, last): 1/8 USD →
 * 0.13 half-up, 0.12 half-even. The rounding is the numeric core's own (`rational.round`, which
 * `rational.fixed` prints), so that a rational is rounded by one rule only.
 */
export function roundRationalMoney(x: Rational, currency: string, mode: RoundingMode): Decimal {
  return rational.round(x, minorUnits(currency), ROUNDERS[mode]);
}

/**
 * A quotient of money rounded once to the currency's minor unit (one division, last): a figure made
 * from prices or volumes restated between units, kept exact until it is reported.
 */
export function roundRatioMoney(x: Ratio, currency: string, mode: RoundingMode): Decimal {
  return divide(x.of, x.to, minorUnits(currency), ROUNDERS[mode]);
}

/** A money total as text, at the currency's minor unit: 1234.5 USD → "1234.50", JPY → "1235". */
export function formatMoney(x: Decimal, currency: string, mode: RoundingMode): string {
  return toFixed(x, minorUnits(currency), ROUNDERS[mode]);
}

/** A price per unit, at 4 places: 6 → "6.0000". */
export function formatPerUnit(x: Decimal, mode: RoundingMode): string {
  return toFixed(x, PER_UNIT_PLACES, ROUNDERS[mode]);
}

/**
 * A per-unit figure already rounded for report, at 4 places or, where 4 would put it across or onto
 * the threshold it is decided against, more (`roundThresholdAbove`, `roundPerUnitAgainst`): at least
 * 4 places and every place it has beyond them, without trailing zeros past the 4th ("16.0000",
 * "15.99999"). It has at most 10, so nothing is rounded here.
 */
export function formatReportedPerUnit(x: Decimal): string {
  return placesOf(x) > PER_UNIT_PLACES ? toPlain(x) : toFixed(x, PER_UNIT_PLACES, halfUp);
}

/** Toward +∞: a value kept at or above its exact self where 10 places cannot show its side. */
const up: Rounder = (n, d) => {
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
};

/** Toward −∞: a value kept at or below its exact self where 10 places cannot show its side. */
const down: Rounder = (n, d) => {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
};

/**
 * A threshold that per-unit prices are decided against (a floor, against landed prices: the
 * floorMet, landed ≥ floor), rounded once for report: at 4 places unless that puts it at or under
 * one of `below`, the values exactly below it; then at the fewest places (up to 10, as shares are) that keep it
 * above every one of them, so the printed figures still read as the exact decision
 * (a floor of 16.00001 beside a landed price of exactly 16 is "16.00001", not "16.0000"). Past 10
 * places it is rounded up at 10. Values at or above it need nothing: rounding keeps order, so at
 * the same places they print at or above it (`roundPerUnitAgainst`).
 */
export function roundThresholdAbove(
  threshold: Decimal,
  below: readonly Decimal[],
  mode: RoundingMode,
): Decimal {
  for (let places = PER_UNIT_PLACES; places <= MAX_SHARE_PLACES; places += 1) {
    const t = round(threshold, places, ROUNDERS[mode]);
    if (below.every((x) => greaterThan(t, x))) return t;
  }
  return round(threshold, MAX_SHARE_PLACES, up);
}

/**
 * A per-unit price decided against a threshold (a landed price against its floor), rounded once for
 * report: at 4 places unless that would print it on the other side of the threshold as reported
 * (`reportedThreshold`, from `roundThresholdAbove`); then at the fewest places, up to 10, that show
 * the side it is on exactly (`atOrAbove`, x ≥ the exact threshold): a landed price of 15.99999 under
 * a floor of 16 is "15.99999", not "16.0000". Past 10 places it is cut toward its own side (down
 * below the threshold, up at or above it), where the reported threshold keeps it apart.
 */
export function roundPerUnitAgainst(
  x: Decimal,
  reportedThreshold: Decimal,
  atOrAbove: boolean,
  mode: RoundingMode,
): Decimal {
  for (let places = PER_UNIT_PLACES; places <= MAX_SHARE_PLACES; places += 1) {
    const v = round(x, places, ROUNDERS[mode]);
    if (greaterThanOrEqual(v, reportedThreshold) === atOrAbove) return v;
  }
  return round(x, MAX_SHARE_PLACES, atOrAbove ? up : down);
}

/** Two per-unit prices compared with each other, and the sign of a − b decided on exact values. */
export type ComparedPair = readonly [a: Decimal, b: Decimal, order: number];

/**
 * The places prices compared in pairs (red and blue supply landed at each destination) are
 * printed with, all at the same: 4 unless that would print a pair equal, or in the wrong order,
 * although it differs exactly; then the fewest, up to 10, that print every pair in its exact order.
 * 11 where even 10 do not (`roundPairInOrder` then cuts each such pair toward its own sides).
 */
export function placesInOrder(pairs: readonly ComparedPair[], mode: RoundingMode): number {
  for (let places = PER_UNIT_PLACES; places <= MAX_SHARE_PLACES; places += 1) {
    if (pairs.every((pair) => keepsOrder(pair, places, mode))) return places;
  }
  return MAX_SHARE_PLACES + 1;
}

function keepsOrder([a, b, order]: ComparedPair, places: number, mode: RoundingMode): boolean {
  const x = round(a, places, ROUNDERS[mode]);
  const y = round(b, places, ROUNDERS[mode]);
  return Math.sign(compare(x, y)) === Math.sign(order);
}

/**
 * Two per-unit prices compared with each other (red and blue landed at one destination; the red and
 * blue prices), each rounded once for report at `places` (`placesInOrder`, by default of this pair
 * alone): red landing at exactly 16 beside blue at 16.00001 prints "16.0000" beside "16.00001", not
 * two "16.0000", so that a reader comparing them sees the exact order (`order`, the sign of a − b).
 * Past 10 places each is cut toward its own side (the lower down, the higher up). Values equal
 * exactly print as one figure.
 */
export function roundPairInOrder(
  a: Decimal,
  b: Decimal,
  order: number,
  mode: RoundingMode,
  places: number = placesInOrder([[a, b, order]], mode),
): readonly [Decimal, Decimal] {
  const sign = Math.sign(order);
  const at = Math.min(places, MAX_SHARE_PLACES);
  if (sign === 0) {
    // Equal exactly: one figure, printed twice.
    const x = round(a, at, ROUNDERS[mode]);
    return [x, x];
  }
  if (keepsOrder([a, b, order], at, mode)) {
    return [round(a, at, ROUNDERS[mode]), round(b, at, ROUNDERS[mode])];
  }
  return sign < 0
    ? [round(a, MAX_SHARE_PLACES, down), round(b, MAX_SHARE_PLACES, up)]
    : [round(a, MAX_SHARE_PLACES, up), round(b, MAX_SHARE_PLACES, down)];
}

/** x rounded once at `places` (up to 10): a figure printed beside pairs (`placesInOrder`). */
export function roundPerUnitAt(x: Decimal, places: number, mode: RoundingMode): Decimal {
  return round(x, Math.min(places, MAX_SHARE_PLACES), ROUNDERS[mode]);
}

/** A rate or share, at up to 6 places without trailing zeros: 0.0370 → "0.037". */
export function formatRate(x: Decimal, mode: RoundingMode): string {
  return trimZeros(toFixed(x, RATE_PLACES, ROUNDERS[mode]));
}

/**
 * A quotient kept as its two terms until it is reported, so that it is rounded once (a share, an
 * ad valorem equivalent, a premium). Its value is `of / to`, zero when `to` is zero.
 */
export interface Ratio {
  readonly of: Decimal;
  readonly to: Decimal;
}

/**
 * A ratio formatted, or null where it has no value: of / 0 is no number, so a landed cost of 0 kg
 * has no cost per kg and duties on a customs value of 0 no rate, never a 0 that is not there (the
 * answer prints null, CSV an empty cell, text "none"). The one place a reported ratio's zero
 * denominator is decided; formatRatio and formatRatioFixed print 0 for it where 0 is the answer.
 */
export function ratioValue<T>(r: Ratio, format: (r: Ratio) => T): T | null {
  return isZero(r.to) ? null : format(r);
}

/** A ratio as a rate, rounded once to at most 6 places without trailing zeros (0 when `to` is 0). */
export function formatRatio(r: Ratio, mode: RoundingMode): string {
  if (isZero(r.to)) return '0';
  return trimZeros(toText(divide(r.of, r.to, RATE_PLACES, ROUNDERS[mode])));
}

/** A ratio at `places` exactly, rounded once (zeros when `to` is 0): per-unit figures. */
export function formatRatioFixed(r: Ratio, places: number, mode: RoundingMode): string {
  return toText(
    isZero(r.to) ? round(ZERO, places, halfUp) : divide(r.of, r.to, places, ROUNDERS[mode]),
  );
}

/** The most places a share compared with a threshold is reported with. */
export const MAX_SHARE_PLACES = 10;

/**
 * A share compared with thresholds (China's 0.1% rule, a 50% allied-content test), reported with as
 * many places as it takes (6 to 10) to show on which side of each it falls: 99.99 / 100,000 against
 * 0.001 is "0.0009999", never "0.001". Past 10 places it is cut toward its own side. The side is
 * decided exactly, as of against threshold × to, never from a rounded quotient.
 */
export function formatShareAgainst(
  r: Ratio,
  thresholds: readonly Decimal[],
  mode: RoundingMode,
): string {
  if (isZero(r.to)) return '0';
  return trimZeros(toText(keptOnSide(r, thresholds, mode, RATE_PLACES)));
}

/**
 * A per-unit price compared with thresholds (a benchmark's floor or cap, or 0 for a gap), at 4
 * places unless that would put it on a threshold or across it: then with as many places as it
 * takes (up to 10), as shares are: 1,500.00001 against a 1,500 cap is "1500.00001", not
 * "1500.0000" beside "above-cap".
 */
export function formatPerUnitAgainst(
  x: Decimal,
  thresholds: readonly Decimal[],
  mode: RoundingMode,
): string {
  const kept = keptOnSide({ of: x, to: ONE }, thresholds, mode, PER_UNIT_PLACES);
  // At least 4 places, and no trailing zeros beyond them (kept has at least 4, so nothing rounds).
  return placesOf(kept) > PER_UNIT_PLACES
    ? toPlain(kept)
    : toFixed(kept, PER_UNIT_PLACES, ROUNDERS[mode]);
}

/**
 * of / to rounded at the fewest places from `minPlaces` to 10 that leave it on its side of every
 * threshold (the side decided exactly, as of against threshold × to); past 10 places, cut toward
 * its own side.
 */
function keptOnSide(
  r: Ratio,
  thresholds: readonly Decimal[],
  mode: RoundingMode,
  minPlaces: number,
): Decimal {
  const side = (t: Decimal) => compare(r.of, multiply(t, r.to));
  const keepsSide = (x: Decimal) => thresholds.every((t) => compare(x, t) === side(t));
  for (let places = minPlaces; places <= MAX_SHARE_PLACES; places += 1) {
    const rounded = divide(r.of, r.to, places, ROUNDERS[mode]);
    if (keepsSide(rounded)) return rounded;
  }
  const cut = divide(r.of, r.to, MAX_SHARE_PLACES, truncate);
  const up = thresholds.some((t) => side(t) > 0 && compare(cut, t) <= 0);
  return up ? add(cut, decimal(1n, MAX_SHARE_PLACES)) : cut;
}
