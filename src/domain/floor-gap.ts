import { Dec, nonNegative, ONE, ZERO } from './decimal';

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
  readonly upTo: Dec | null;
  readonly share: Dec;
}

export type FloorGapMethod =
  | { readonly type: 'full-gap' }
  | { readonly type: 'tranche'; readonly bands: readonly TrancheBand[] }
  | { readonly type: 'capped'; readonly maxRate: Dec }
  | { readonly type: 'all-or-nothing'; readonly penaltyRate: Dec };

export interface FloorGapInput {
  /** P: customs value per unit. */
  readonly price: Dec;
  /** F: the floor per unit (same unit and currency as `price`). */
  readonly floor: Dec;
  readonly basis: FloorBasis;
  /** r: ad valorem rate of the duties charged before the floor test. */
  readonly otherDutyRate: Dec;
  readonly method: FloorGapMethod;
}

export interface FloorGapResult {
  /** R: the price compared with the floor. */
  readonly reference: Dec;
  /** g = max(0, F − R). */
  readonly gap: Dec;
  readonly dutyPerUnit: Dec;
  /** dutyPerUnit / P; zero when P is zero. */
  readonly adValoremEquivalent: Dec;
  /** True when the import is below the floor (g > 0). */
  readonly binding: boolean;
  /** R + dutyPerUnit. */
  readonly landedPerUnit: Dec;
}

/**
 * WTO Agreement on Agriculture art. 5.5 price-based special safeguard (verbatim in EU Reg (EC)
 * 1255/1999 art. 28): with trigger T and gap g, nothing up to 10% of T, then 30 / 50 / 70 / 90% of
 * the slices up to 40 / 60 / 75% of T and beyond.
 */
export const WTO_TRANCHE_BANDS: readonly TrancheBand[] = [
  { upTo: new Dec('0.10'), share: new Dec('0') },
  { upTo: new Dec('0.40'), share: new Dec('0.30') },
  { upTo: new Dec('0.60'), share: new Dec('0.50') },
  { upTo: new Dec('0.75'), share: new Dec('0.70') },
  { upTo: null, share: new Dec('0.90') },
];

/** R = P × (1 + r) on the duty-paid basis, P on the customs-value basis. */
export function referencePrice(price: Dec, otherDutyRate: Dec, basis: FloorBasis): Dec {
  return basis === 'duty-paid' ? price.times(ONE.plus(otherDutyRate)) : price;
}

/**
 * Duty on gap g with trigger T under a tranche schedule: Σ share_i × (slice of g inside band i),
 * band i spanning (upTo_{i−1} × T, upTo_i × T]. Bands must be in increasing order of `upTo`;
 * a gap beyond the last bounded band is not taxed past it.
 */
export function trancheDuty(gap: Dec, trigger: Dec, bands: readonly TrancheBand[]): Dec {
  let duty = ZERO;
  let lower = ZERO;
  for (const band of bands) {
    const upper = band.upTo === null ? null : band.upTo.times(trigger);
    const top = upper === null ? gap : Dec.min(gap, upper);
    duty = duty.plus(band.share.times(nonNegative(top.minus(lower))));
    if (upper === null) break;
    lower = upper;
  }
  return duty;
}

/**
 * The duty that lifts an import toward a price floor, per unit. All values per the same unit and
 * in the same currency; nothing is rounded here.
 * - full-gap: d = g; tranche: `trancheDuty(g, F, bands)`; capped: d = min(g, maxRate × P);
 * - all-or-nothing: d = penaltyRate × P when R < F, else 0 (EU solar MIP undertaking, 2013–18).
 */
export function floorGapDuty(input: FloorGapInput): FloorGapResult {
  const { price, floor, basis, otherDutyRate, method } = input;
  const reference = referencePrice(price, otherDutyRate, basis);
  const gap = nonNegative(floor.minus(reference));
  const dutyPerUnit = dutyForMethod(method, gap, floor, price, reference.lessThan(floor));
  return {
    reference,
    gap,
    dutyPerUnit,
    adValoremEquivalent: price.isZero() ? ZERO : dutyPerUnit.dividedBy(price),
    binding: gap.greaterThan(0),
    landedPerUnit: reference.plus(dutyPerUnit),
  };
}

function dutyForMethod(
  method: FloorGapMethod,
  gap: Dec,
  floor: Dec,
  price: Dec,
  belowFloor: boolean,
): Dec {
  switch (method.type) {
    case 'full-gap':
      return gap;
    case 'tranche':
      return trancheDuty(gap, floor, method.bands);
    case 'capped':
      return Dec.min(gap, method.maxRate.times(price));
    case 'all-or-nothing':
      return belowFloor ? method.penaltyRate.times(price) : ZERO;
  }
}
