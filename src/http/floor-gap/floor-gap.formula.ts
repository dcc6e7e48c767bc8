import type { FloorBasis, FloorGapMethod, ReportedFloorGap } from '../../domain/floor-gap';
import { PER_UNIT_PLACES } from '../../domain/rounding';
import {
  type Decimal,
  equal,
  halfEven,
  isZero,
  placesOf,
  toFixed,
  toPlain,
  trimZeros,
} from '../../numeric';

/** The terms of one floor-gap computation, as the floor-gap calculator and landed cost both report it. */
export interface FloorGapTerms {
  /** P, per `unit`. */
  readonly price: Decimal;
  /** r. */
  readonly otherDutyRate: Decimal;
  /** F, per `unit`. */
  readonly floor: Decimal;
  readonly basis: FloorBasis;
  readonly method: FloorGapMethod;
  /** The per-unit figures as the answer prints them (reportFloorGap). */
  readonly result: ReportedFloorGap;
  /** The quantity, in `unit`, as it is to be printed. */
  readonly quantity: string;
  readonly unit: string;
  /** The reported duty total, with its currency when the formula should name it. */
  readonly duty: string;
}

/** How the numbers of a formula print (grouped or not, rounded as the answer). */
export interface FormulaNumbers {
  readonly unit: (x: Decimal) => string;
  readonly rate: (x: Decimal) => string;
}

/**
 * The one writer of the floor-gap formula: the reference price R, the gap g, the
 * method's rule, the total, and whether the duty lifts the import to the floor. `per` (" per kg") follows per-unit values where the answer has
 * values in several units (landed cost).
 */
export function floorGapFormula(terms: FloorGapTerms, n: FormulaNumbers, per = ''): string {
  const { price, floor, basis, otherDutyRate, method, result } = terms;
  const reference =
    basis === 'duty-paid'
      ? `R = P × (1 + r) = ${n.unit(price)} × (1 + ${n.rate(otherDutyRate)}) = ${n.unit(result.reference)}${per}`
      : `R = P = ${n.unit(price)}${per}`;
  const gap = `g = max(0, F − R) = max(0, ${n.unit(floor)} − ${n.unit(result.reference)}) = ${n.unit(result.gap)}`;
  // d as printed; where rounding changed it, the exact d too, which the duty total is made of
  // (d × quantity, rounded once), so every step of the formula holds as written.
  const d = equal(result.exactDutyPerUnit, result.dutyPerUnit)
    ? `${n.unit(result.dutyPerUnit)}${per}`
    : `${exactText(result.exactDutyPerUnit)}${per} (reported ${n.unit(result.dutyPerUnit)})`;
  // An operand of the rule as it is multiplied: printed where 4 places hold it, else exact (15.99999,
  // not 16.0000), so 0.3 × P = d holds as written.
  const operand = (x: Decimal) => (placesOf(x) <= PER_UNIT_PLACES ? n.unit(x) : exactText(x));
  const gapBefore = !equal(result.exactGap, result.gap);
  let rule: string;
  switch (method.type) {
    case 'full-gap':
      rule = equal(result.exactDutyPerUnit, result.dutyPerUnit)
        ? `full gap: d = g = ${d}`
        : `full gap: d = g before rounding = ${d}`;
      break;
    case 'tranche':
      rule = `tranche: d = Σ share × (slice of max(0, T − R) in each band of T), T = ${n.unit(result.trigger)}: d = ${d}`;
      break;
    case 'capped':
      rule = gapBefore
        ? `capped: d = min(g before rounding, maxRate × P) = min(${exactText(result.exactGap)}, ${n.rate(method.maxRate)} × ${operand(price)}) = ${d}`
        : `capped: d = min(g, maxRate × P) = min(${n.unit(result.gap)}, ${n.rate(method.maxRate)} × ${operand(price)}) = ${d}`;
      break;
    case 'all-or-nothing': {
      // The penalty is decided on the exact R < F; where rounding printed g as 0, say so.
      const below = isZero(result.gap)
        ? `R = ${exactText(result.exactReference)} before rounding < F`
        : 'R < F';
      rule = result.binding
        ? `all-or-nothing: ${below}, so d = penaltyRate × P = ${n.rate(method.penaltyRate)} × ${operand(price)} = ${d}`
        : 'all-or-nothing: R ≥ F, so d = 0';
      break;
    }
  }
  const met = result.floorMet
    ? `R + d = ${n.unit(result.landedPerUnit)}${per} ≥ F: floor met`
    : `R + d = ${n.unit(result.landedPerUnit)}${per} < F: floor not met`;
  return `${reference}; ${gap}; ${rule}; duty = d × ${terms.quantity} ${terms.unit} = ${terms.duty}; ${met}`;
}

/** An exact per-unit figure in a formula: as it is, or to 10 places and "…" when it has more. */
function exactText(x: Decimal): string {
  return placesOf(x) <= 10 ? toPlain(x) : `${trimZeros(toFixed(x, 10, halfEven))}…`;
}
