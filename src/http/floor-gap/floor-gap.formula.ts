import type {
  FloorBasis,
  FloorGapMethod,
  ReportedFloorGap,
  TrancheBand,
} from '../../domain/floor-gap';
import { PER_UNIT_PLACES, RATE_PLACES, type Ratio } from '../../domain/rounding';
import {
  add,
  type Decimal,
  divide,
  equal,
  greaterThan,
  halfEven,
  isZero,
  multiply,
  ONE,
  placesOf,
  toFixed,
  toPlain,
  trimZeros,
  truncate,
} from '../../numeric';

/** The terms of one floor-gap computation, as the floor-gap calculator and landed cost both report it. */
export interface FloorGapTerms {
  /** P, per `unit`. */
  readonly price: Decimal;
  /** r. */
  readonly otherDutyRate: Decimal;
  /** F, per `unit`, before rounding. */
  readonly floor: Decimal;
  readonly basis: FloorBasis;
  readonly method: FloorGapMethod;
  /** The per-unit figures as the answer prints them (reportFloorGap). */
  readonly result: ReportedFloorGap;
  /** The quantity, in `unit`, as it is to be printed. */
  readonly quantity: string;
  readonly unit: string;
  /** The quantity as the request gave it ("0.5 kg"), where that is not in `unit`. */
  readonly quantityGiven?: string;
  /** The reported duty total, with its currency when the formula should name it. */
  readonly duty: string;
  /**
   * Landed cost's duty-paid R, computed as (customs value + duties so far) / quantity: written so,
   * since P × (1 + r) with r their quotient holds only approximately (r need not terminate, and is
   * 0 beside a customs value of 0).
   */
  readonly dutyPaidSum?: { readonly customsValue: Decimal; readonly dutiesBefore: Decimal };
}

/** How the numbers of a formula print (grouped or not, rounded as the answer). */
export interface FormulaNumbers {
  readonly unit: (x: Decimal) => string;
  readonly rate: (x: Decimal) => string;
}

/**
 * The one writer of the floor-gap formula: the reference price R, the gap g, the method's rule, the
 * total, and whether the duty lifts the import to the floor. Every step holds as written: a figure
 * that rounding changed is written exact, with the figure the answer reports beside it ("5.99995
 * (reported 6.0000)"), and an operand 4 places cannot hold is written exact. `per` (" per kg")
 * follows per-unit values where the answer has values in several units (landed cost).
 */
export function floorGapFormula(terms: FloorGapTerms, n: FormulaNumbers, per = ''): string {
  const { price, floor, basis, otherDutyRate, method, result } = terms;
  // An operand as it is computed with: printed where 4 places hold it, else exact (15.99999, not
  // 16.0000), so 0.3 × P = d holds as written.
  const operand = (x: Decimal) => (placesOf(x) <= PER_UNIT_PLACES ? n.unit(x) : exactText(x));
  // A rate likewise: at up to 6 places where they hold it, else exact (1 + 0.2712345, not 0.271235).
  const rate = (x: Decimal) => (placesOf(x) <= RATE_PLACES ? n.rate(x) : exactText(x));
  // A figure as reported is written the same way: at 4 places, or with the places reportFloorGap
  // kept where 4 would put the landed price on or across the floor (15.99999, not 16.0000).
  const shown = operand;
  // A result as reported, and, where rounding changed it, exact first: each reported figure is its
  // own exact value rounded once, and the next step computes with the exact one.
  const value = (exact: Decimal, reported: Decimal, unit = '') =>
    equal(exact, reported)
      ? `${shown(reported)}${unit}`
      : `${exactText(exact)}${unit} (reported ${shown(reported)})`;
  const R = value(result.exactReference, result.reference, per);
  // Landed cost's R as the sum it is computed from, where P × (1 + r) does not give it exactly.
  const sum =
    terms.dutyPaidSum !== undefined &&
    !equal(multiply(price, add(ONE, otherDutyRate)), result.exactReference)
      ? terms.dutyPaidSum
      : undefined;
  const reference =
    basis !== 'duty-paid'
      ? `R = P = ${R}`
      : sum === undefined
        ? `R = P × (1 + r) = ${operand(price)} × (1 + ${rate(otherDutyRate)}) = ${R}`
        : `R = (customs value + duties so far) / quantity = (${exactText(sum.customsValue)} + ${exactText(sum.dutiesBefore)}) / ${terms.quantity} ${terms.unit} = ${R}`;
  // A tranche schedule measures the gap against its trigger T (g = max(0, T − R)): named so where T
  // is not the floor; every other method, and a tranche from the floor, against F.
  const fromTrigger = method.type === 'tranche' && !equal(result.exactTrigger, floor);
  const gap = fromTrigger
    ? `g = max(0, T − R) = max(0, ${operand(result.exactTrigger)} − ${operand(result.exactReference)}) = ${value(result.exactGap, result.gap)}`
    : `g = max(0, F − R) = max(0, ${operand(floor)} − ${operand(result.exactReference)}) = ${value(result.exactGap, result.gap)}`;
  // d as reported; where rounding changed it, the exact d too, which the duty total is made of
  // (d × quantity, rounded once).
  const d = value(result.exactDutyPerUnit, result.dutyPerUnit, per);
  let rule: string;
  switch (method.type) {
    case 'full-gap':
      rule = `full gap: d = g = ${d}`;
      break;
    case 'tranche': {
      // A gap that binds but is taxed nothing lies in bands whose share is 0 (the WTO schedule's
      // first tenth of T): said so, since binding with d = 0 reads as a mistake otherwise.
      const reach =
        result.binding && isZero(result.exactDutyPerUnit)
          ? untaxedReach(method.bands, result.exactGap, result.exactTrigger, operand, rate)
          : '';
      rule = `tranche: d = Σ share × (slice of max(0, T − R) in each band of T), T = ${value(result.exactTrigger, result.trigger)}: ${reach}d = ${d}`;
      break;
    }
    case 'capped':
      rule = `capped: d = min(g, maxRate × P) = min(${operand(result.exactGap)}, ${rate(method.maxRate)} × ${operand(price)}) = ${d}`;
      break;
    case 'all-or-nothing': {
      // The penalty is decided on the exact R < F; where rounding printed g as 0, say so.
      const below = isZero(result.gap)
        ? `R = ${exactText(result.exactReference)} before rounding < F`
        : 'R < F';
      rule = result.binding
        ? `all-or-nothing: ${below}, so d = penaltyRate × P = ${rate(method.penaltyRate)} × ${operand(price)} = ${d}`
        : 'all-or-nothing: R ≥ F, so d = 0';
      break;
    }
  }
  // The landed price is R + d exact, rounded once; where that is not the sum of the printed R and
  // d (10.0001 + 6.0000 beside 16.0000), or rounding changed it, the sum is written exact.
  const rounded = !equal(result.exactLandedPerUnit, result.landedPerUnit);
  const addsUp = !rounded && equal(add(result.reference, result.dutyPerUnit), result.landedPerUnit);
  const landedSum = addsUp
    ? 'R + d'
    : `R + d = ${operand(result.exactReference)} + ${operand(result.exactDutyPerUnit)}`;
  // floorMet is the exact R + d ≥ F, and the landed price and F are printed so that their printed
  // figures compare the same way (reportFloorGap): written with the exact landed price, and the
  // reported one beside it where rounding changed it (11.3199865 (reported 11.3200) < F).
  const verdict = result.floorMet ? '≥' : '<';
  const outcome = result.floorMet ? 'floor met' : 'floor not met';
  const landed = shown(result.landedPerUnit);
  const met = rounded
    ? `${landedSum} = ${exactText(result.exactLandedPerUnit)}${per} (reported ${landed}) ${verdict} F: ${outcome}`
    : `${landedSum} = ${landed}${per} ${verdict} F: ${outcome}`;
  const quantity =
    terms.quantityGiven === undefined
      ? `${terms.quantity} ${terms.unit}`
      : `(${terms.quantityGiven} = ${terms.quantity} ${terms.unit})`;
  return `${reference}; ${gap}; ${rule}; duty = d × ${quantity} = ${terms.duty}; ${met}`;
}

/**
 * Why a binding gap g is taxed nothing under a tranche schedule: the bands it reaches all have
 * share 0 ("g = 1.0000 ≤ 0.1 T = 1.6000, the first band, whose share is 0, so "), as the WTO
 * schedule's first tenth of T.
 */
function untaxedReach(
  bands: readonly TrancheBand[],
  g: Decimal,
  T: Decimal,
  operand: (x: Decimal) => string,
  rate: (x: Decimal) => string,
): string {
  const i = bands.findIndex((b) => b.upTo === null || !greaterThan(g, multiply(b.upTo, T)));
  const upTo = bands[i]?.upTo;
  if (upTo === undefined || upTo === null) return 'every band the gap reaches has share 0, so ';
  const bound = `g = ${operand(g)} ≤ ${rate(upTo)} T = ${operand(multiply(upTo, T))}`;
  return i === 0
    ? `${bound}, the first band, whose share is 0, so `
    : `${bound}, bands whose shares are 0, so `;
}

/**
 * The most places a restated quantity is written to in a formula where it ends. A restatement is
 * the quantity times one unit factor over another; the factors have up to 10 places (ozt
 * 0.0311034768), 13 restated to t (0.0000311034768 t per ozt), so 20 writes exactly every
 * restatement that ends of a quantity given with up to 7 places (0.1 ozt = 0.00311034768 kg), and
 * is still short enough to read beside the figures it multiplies. Past it, or where the quotient
 * does not end (0.5 kg in lb), 10 places and "…".
 */
const ENDING_PLACES = 20;

/**
 * A value a formula cuts: its first 10 places, and "…" to say more follow. Truncated, never
 * rounded, so the digits shown are the value's own: 15.99999999999 is "15.9999999999…", not
 * "16…" beside a floor of 16.
 */
const cut = (x: Decimal) => `${trimZeros(toFixed(x, 10, truncate))}…`;

/** An exact quotient in a formula: as it is where it ends within 20 places, else cut to 10 and "…". */
export function quotientText(r: Ratio): string {
  const ending = divide(r.of, r.to, ENDING_PLACES, halfEven);
  if (equal(multiply(ending, r.to), r.of)) return toPlain(ending);
  return cut(divide(r.of, r.to, 11, truncate));
}

/**
 * A restated quantity in a formula, carried (CARRIED_PLACES) where it does not end: as it is where
 * it has at most 20 places, else cut to 10 and "…" (see quotientText).
 */
export function quantityText(x: Decimal): string {
  return placesOf(x) <= ENDING_PLACES ? toPlain(x) : cut(x);
}

/** An exact per-unit figure in a formula: as it is, or to 10 places and "…" when it has more. */
function exactText(x: Decimal): string {
  return placesOf(x) <= 10 ? toPlain(x) : cut(x);
}
