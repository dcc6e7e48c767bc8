import {
  add,
  type Decimal,
  equal,
  greaterThan,
  greaterThanOrEqual,
  isPositive,
  isZero,
  lessThan,
  min,
  multiply,
  nonNegative,
  ONE,
  parseDecimal,
  subtract,
  ZERO,
} from '../numeric';
import { carriedQuotient, overCommonDenominator } from './common-denominator';
import {
  type Ratio,
  type RoundingMode,
  roundPerUnit,
  roundPerUnitAgainst,
  roundThresholdAbove,
} from './rounding';

/**
 * Which price the floor is compared with:
 * - `duty-paid`: customs value plus the other duties, R = P × (1 + r) — "the price after duty may
 *   not fall below the floor";
 * - `customs-value`: R = P.
 */
export const FLOOR_BASES = ['duty-paid', 'customs-value'] as const;
export type FloorBasis = (typeof FLOOR_BASES)[number];

/** One band of a tranche schedule: the slice of the gap up to `upTo` × T is taxed at `share`. */
export interface TrancheBand {
  /** Upper bound of the band as a fraction of the trigger T; null = no bound (last band). */
  readonly upTo: Decimal | null;
  readonly share: Decimal;
}

export type FloorGapMethod =
  | { readonly type: 'full-gap' }
  | { readonly type: 'tranche'; readonly bands: readonly TrancheBand[] }
  | { readonly type: 'capped'; readonly maxRate: Decimal }
  | { readonly type: 'all-or-nothing'; readonly penaltyRate: Decimal };

export interface FloorGapInput {
  /** P: customs value per unit. */
  readonly price: Decimal;
  /** F: the floor per unit (same unit and currency as `price`). */
  readonly floor: Decimal;
  /**
   * T: the trigger price a tranche schedule is measured from (WTO AoA art. 5.5); the floor unless
   * the schedule says otherwise. Other methods measure from F.
   */
  readonly trigger?: Decimal;
  readonly basis: FloorBasis;
  /** r: ad valorem rate of the duties charged before the floor test. */
  readonly otherDutyRate: Decimal;
  readonly method: FloorGapMethod;
  /**
   * R, where the caller has it exactly and P × (1 + r) would only approximate it: landed cost knows
   * the customs value and the duties before the floor test as amounts, so R per unit is their sum
   * divided once by the quantity, where r (their quotient) need not terminate.
   */
  readonly reference?: Decimal;
}

export interface FloorGapResult {
  /** F: the floor. */
  readonly floor: Decimal;
  /** R: the price compared with the floor. */
  readonly reference: Decimal;
  /**
   * g, the gap the method measures: max(0, T − R) for a tranche schedule (WTO AoA art. 5.5 measures
   * the import price against the trigger T, the floor unless given), max(0, F − R) for every other
   * method.
   */
  readonly gap: Decimal;
  /** T, the price a tranche schedule's bands are fractions of (F unless a trigger is given). */
  readonly trigger: Decimal;
  /** max(0, T − R): the gap a tranche schedule taxes (its g; = max(0, F − R) when T = F). */
  readonly triggerGap: Decimal;
  readonly dutyPerUnit: Decimal;
  /** dutyPerUnit / P; null when P is zero (no rate expresses a duty on nothing). */
  readonly adValoremEquivalent: Ratio | null;
  /**
   * g > 0: the import is below the price the method measures it against, R < T for a tranche
   * schedule (the gap its bands tax; within a 0-share first band its duty is still 0), R < F for
   * every other method.
   */
  readonly binding: boolean;
  /** R + dutyPerUnit. */
  readonly landedPerUnit: Decimal;
  /**
   * landedPerUnit ≥ F: whether the duty lifts the import to the floor. A tranche, capped or
   * all-or-nothing duty can leave it below while `binding` is true: the floor failed.
   */
  readonly floorMet: boolean;
}

/**
 * WTO Agreement on Agriculture art. 5.5 price-based special safeguard (verbatim in EU Reg (EC)
 * 1255/1999 art. 28): with trigger T and gap g, nothing up to 10% of T, then 30 / 50 / 70 / 90% of
 * the slices up to 40 / 60 / 75% of T and beyond.
 */
export const WTO_TRANCHE_BANDS: readonly TrancheBand[] = [
  { upTo: parseDecimal('0.10'), share: parseDecimal('0') },
  { upTo: parseDecimal('0.40'), share: parseDecimal('0.30') },
  { upTo: parseDecimal('0.60'), share: parseDecimal('0.50') },
  { upTo: parseDecimal('0.75'), share: parseDecimal('0.70') },
  { upTo: null, share: parseDecimal('0.90') },
];

/** What can be wrong with a band of a custom tranche schedule. */
export interface TrancheBandIssue {
  /** The band's index in the schedule. */
  readonly band: number;
  /** An unbounded band (upTo null) before the last, or an upTo not above the bounded one before it. */
  readonly rule: 'unbounded-not-last' | 'not-increasing';
}

/**
 * A custom tranche schedule must rise: `trancheDuty` slices the gap band by band, so each bounded
 * upTo must be above the bounded one before it and only the last band may be unbounded. At most one
 * issue per band, in the order of the bands; none for a schedule that rises.
 */
export function trancheBandIssues(bands: readonly TrancheBand[]): TrancheBandIssue[] {
  const issues: TrancheBandIssue[] = [];
  let previous: Decimal | undefined;
  bands.forEach(({ upTo }, band) => {
    if (upTo === null && band < bands.length - 1) {
      issues.push({ band, rule: 'unbounded-not-last' });
    } else if (upTo !== null && previous !== undefined && !greaterThan(upTo, previous)) {
      issues.push({ band, rule: 'not-increasing' });
    }
    if (upTo !== null) previous = upTo;
  });
  return issues;
}

/**
 * The basis a floor is compared on when the request names none: WTO AoA art. 5.5 measures the
 * c.i.f. import price (the customs value) against the trigger, so a tranche schedule defaults to
 * the customs-value basis; every other method to the duty-paid one. The one default of every
 * calculator that prices a floor gap (floor-gap, sweeps, landed-cost what-ifs, bloc tiers, ...).
 */
export function defaultBasis(method: Pick<FloorGapMethod, 'type'>): FloorBasis {
  return method.type === 'tranche' ? 'customs-value' : 'duty-paid';
}

/** R = P × (1 + r) on the duty-paid basis, P on the customs-value basis. */
export function referencePrice(price: Decimal, otherDutyRate: Decimal, basis: FloorBasis): Decimal {
  return basis === 'duty-paid' ? multiply(price, add(ONE, otherDutyRate)) : price;
}

/**
 * Duty on gap g with trigger T under a tranche schedule: Σ share_i × (slice of g inside band i),
 * band i spanning (upTo_{i−1} × T, upTo_i × T]. Bands must be in increasing order of `upTo`;
 * a gap beyond the last bounded band is not taxed past it.
 */
export function trancheDuty(
  gap: Decimal,
  trigger: Decimal,
  bands: readonly TrancheBand[],
): Decimal {
  let duty = ZERO;
  let lower = ZERO;
  for (const band of bands) {
    const upper = band.upTo === null ? null : multiply(band.upTo, trigger);
    const top = upper === null ? gap : min(gap, upper);
    duty = add(duty, multiply(band.share, nonNegative(subtract(top, lower))));
    if (upper === null) break;
    lower = upper;
  }
  return duty;
}

/**
 * The duty that lifts an import toward a price floor, per unit. All values per the same unit and
 * in the same currency; exact, nothing is rounded here. Every method is homogeneous of degree one
 * in (P, F, T): the duty on q units is `floorGapDuty` of (q × P, q × F, q × T), no division needed.
 * - full-gap: d = g; capped: d = min(g, maxRate × P);
 * - tranche: `trancheDuty(max(0, T − R), T, bands)`, T the trigger (default F). WTO AoA art. 5.5
 *   measures the c.i.f. import price against the trigger, so callers default its basis to the
 *   customs value; the duty comes on top of the ordinary duties;
 * - all-or-nothing: d = penaltyRate × P when R < F, else 0 (EU solar MIP undertaking, 2013–18).
 */
export function floorGapDuty(input: FloorGapInput): FloorGapResult {
  const { price, floor, basis, otherDutyRate, method } = input;
  const trigger = input.trigger ?? floor;
  const reference = input.reference ?? referencePrice(price, otherDutyRate, basis);
  const floorGap = nonNegative(subtract(floor, reference));
  const triggerGap = nonNegative(subtract(trigger, reference));
  const belowFloor = lessThan(reference, floor);
  const dutyPerUnit = dutyForMethod(method, floorGap, triggerGap, trigger, price, belowFloor);
  // A tranche schedule's gap is measured against its trigger (WTO AoA art. 5.5): it binds when R < T,
  // the gap its bands tax; every other method's gap is measured against the floor.
  const gap = method.type === 'tranche' ? triggerGap : floorGap;
  const landedPerUnit = add(reference, dutyPerUnit);
  return {
    floor,
    reference,
    gap,
    trigger,
    triggerGap,
    dutyPerUnit,
    adValoremEquivalent: isZero(price) ? null : { of: dutyPerUnit, to: price },
    binding: isPositive(gap),
    landedPerUnit,
    floorMet: greaterThanOrEqual(landedPerUnit, floor),
  };
}

/**
 * The per-unit figures of a floor-gap answer as it prints them: each is its own exact value rounded
 * once, never a sum or difference of other printed figures — R, F and T; g (max(0, T − R) of a
 * tranche schedule, else max(0, F − R)) and max(0, T − R); the duty d; landedPerUnit = R + d. A
 * full gap lands exactly on the floor (R + g = F), so its landed price prints the printed floor;
 * the printed R + the printed d can then differ from the printed landed price by a unit in the last
 * place (R 10.00005 → 10.0001 and d 5.99995 → 6.0000 beside landed 16 → 16.0000, half-up), and the
 * formula says so with the exact operands. floorMet is the exact decision R + d ≥ F (rounding
 * applies only to reported values), and the landed price and F are printed so that the
 * reading, landedPerUnit ≥ floorPerUnit, gives the same answer: at 4 places unless that would put
 * the landed price on or across the floor, then with as many more as it takes, up to 10: capped
 * at 0.599999, red 10 lands at exactly 15.99999 under a floor of 16, printed "15.99999", not
 * "16.0000", and the floor is not met; a floor of 16.00001 above a landed price of exactly 16 prints
 * "16.00001" (`roundThresholdAbove`, `roundPerUnitAgainst`). A trigger that is the floor prints as
 * the floor does. `binding` stays the exact decision R < F (R < T of a tranche schedule), the one
 * the duty itself rests on (an all-or-nothing penalty is due on the exact R < F): a gap under half
 * a unit of the last place prints 0.0000 and still binds, as the ad valorem equivalent shows. The
 * ad valorem equivalent stays the exact quotient, rounded once when formatted.
 */
export interface ReportedFloorGap extends FloorGapResult {
  /** F rounded once: at 4 places, or more where the landed price below it would print on or above it. */
  readonly floor: Decimal;
  /** R before rounding: what the decision R < F (R < T) compares. */
  readonly exactReference: Decimal;
  /** g before rounding: what a capped duty takes the smaller of (T − R of a tranche schedule). */
  readonly exactGap: Decimal;
  /** d before rounding: the duty on a quantity is this times the quantity, rounded once. */
  readonly exactDutyPerUnit: Decimal;
  /** R + d rounded once: at 4 places, or more where 4 would put it on the other side of F. */
  readonly landedPerUnit: Decimal;
  /** R + d before rounding. */
  readonly exactLandedPerUnit: Decimal;
  /** T before rounding: what a tranche schedule's bands are fractions of. */
  readonly exactTrigger: Decimal;
}

/**
 * `result` of `floorGapDuty` with floor F as an answer reports it (see `ReportedFloorGap`), rounded
 * by `mode`. `reportedFloor` is F as reported where the caller prints one F beside several landed
 * prices (a sweep's column; `roundThresholdAbove` of F against those below it); by default F is
 * rounded against this landed price alone.
 */
export function reportFloorGap(
  result: FloorGapResult,
  floor: Decimal,
  mode: RoundingMode,
  reportedFloor: Decimal = roundThresholdAbove(
    floor,
    result.floorMet ? [] : [result.landedPerUnit],
    mode,
  ),
): ReportedFloorGap {
  const round = (x: Decimal) => roundPerUnit(x, mode);
  return {
    reference: round(result.reference),
    floor: reportedFloor,
    exactReference: result.reference,
    exactGap: result.gap,
    gap: round(result.gap),
    // T is F unless a tranche schedule gives its own: then it prints as F does.
    trigger: equal(result.trigger, floor) ? reportedFloor : round(result.trigger),
    exactTrigger: result.trigger,
    triggerGap: round(result.triggerGap),
    dutyPerUnit: round(result.dutyPerUnit),
    exactDutyPerUnit: result.dutyPerUnit,
    adValoremEquivalent: result.adValoremEquivalent,
    binding: result.binding,
    landedPerUnit: roundPerUnitAgainst(result.landedPerUnit, reportedFloor, result.floorMet, mode),
    exactLandedPerUnit: result.landedPerUnit,
    floorMet: result.floorMet,
  };
}

/**
 * P, F and T (and R where the caller has it) per unit, each an exact quotient `of / to`: a price
 * restated per another unit (per kg from per lb: × 1 / 0.45359237) or taken ex-VAT need not
 * terminate, so none is divided before the figures made from it are reported.
 */
export interface FloorGapQuotients
  extends Omit<FloorGapInput, 'price' | 'floor' | 'trigger' | 'reference'> {
  readonly price: Ratio;
  readonly floor: Ratio;
  readonly trigger?: Ratio;
  readonly reference?: Ratio;
}

/** A floor-gap duty per unit and on the quantity it is charged on. */
export interface FloorGapShipment extends FloorGapResult {
  /** P per unit (carried where it does not terminate, like every per-unit figure here). */
  readonly price: Decimal;
  /** dutyPerUnit × quantity, exact as a quotient: divided once, where it is reported. */
  readonly duty: Ratio;
}

/**
 * The floor-gap duty on `quantity` units (of the unit the prices are per), every figure its exact
 * value. Every method is homogeneous of degree one in (P, F, T, R) and decides R < F the same way at
 * any positive scale, so `floorGapDuty` runs once on them times s, the product of their
 * denominators, where each is an exact decimal. The duty on the quantity is then that d × quantity
 * / s, kept a quotient and rounded once when reported (1 lb at 12.5 per lb against 0.5 kg: never
 * 0.5 / 0.45359237 lb cut to 100 places, which puts 0.3 × 15.5 × 0.5 = 2.325 a hair under its
 * half-way point); each per-unit figure is its scaled value divided by s once, carried
 * (CARRIED_PLACES, `carry`) where it does not terminate, so it too rounds once as the exact value
 * would. The ad valorem equivalent d / P is the same quotient at any scale.
 */
export function floorGapOnQuantity(input: FloorGapQuotients, quantity: Ratio): FloorGapShipment {
  // A term not given stands as 0 / 1, which adds no denominator.
  const none: Ratio = { of: ZERO, to: ONE };
  const {
    numerators: [price, floor, trigger, reference],
    denominator: s,
  } = overCommonDenominator([
    input.price,
    input.floor,
    input.trigger ?? none,
    input.reference ?? none,
  ] as const);
  const whole = floorGapDuty({
    price,
    floor,
    ...(input.trigger === undefined ? {} : { trigger }),
    ...(input.reference === undefined ? {} : { reference }),
    basis: input.basis,
    otherDutyRate: input.otherDutyRate,
    method: input.method,
  });
  const perUnit = (x: Decimal): Decimal => carriedQuotient({ of: x, to: s });
  return {
    ...whole,
    price: perUnit(price),
    floor: perUnit(whole.floor),
    reference: perUnit(whole.reference),
    gap: perUnit(whole.gap),
    trigger: perUnit(whole.trigger),
    triggerGap: perUnit(whole.triggerGap),
    dutyPerUnit: perUnit(whole.dutyPerUnit),
    landedPerUnit: perUnit(whole.landedPerUnit),
    duty: { of: multiply(whole.dutyPerUnit, quantity.of), to: multiply(s, quantity.to) },
  };
}

function dutyForMethod(
  method: FloorGapMethod,
  gap: Decimal,
  triggerGap: Decimal,
  trigger: Decimal,
  price: Decimal,
  belowFloor: boolean,
): Decimal {
  switch (method.type) {
    case 'full-gap':
      return gap;
    case 'tranche':
      return trancheDuty(triggerGap, trigger, method.bands);
    case 'capped':
      return min(gap, multiply(method.maxRate, price));
    case 'all-or-nothing':
      return belowFloor ? multiply(method.penaltyRate, price) : ZERO;
  }
}
