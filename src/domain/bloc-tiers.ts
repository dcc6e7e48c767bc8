import {
  add,
  compare,
  type Decimal,
  least,
  max,
  min,
  multiply,
  ONE,
  subtract,
  ZERO,
} from '../numeric';
import {
  type FloorBasis,
  type FloorGapMethod,
  type FloorGapResult,
  floorGapDuty,
} from './floor-gap';
import type { Ratio } from './rounding';

/**
 * The three blocs a destination or a supply belongs to. "Red" and "blue" name price tracks (the
 * China-track price and the allied price), not a judgement; "grey" is neither aligned bloc.
 */
export const BLOCS = ['red', 'blue', 'grey'] as const;
export type Bloc = (typeof BLOCS)[number];

/** The two price tracks a destination can be governed by. */
export type Track = 'red' | 'blue';

/** Which supply lands cheaper at a destination. */
export type Cheapest = Track | 'tie';

export interface BlocDestination {
  readonly country: string;
  readonly bloc: Bloc;
  /** True when this destination applies the price floor at its border. */
  readonly floorApplies: boolean;
  /** Ad valorem rate of the other duties on red-origin supply (before the floor test). */
  readonly redOtherDutyRate: Decimal;
  /** Ad valorem rate of the duties on blue supply. */
  readonly blueOtherDutyRate: Decimal;
}

export interface BlocTiersInput {
  /** The China-track price per unit, in the reporting currency. */
  readonly redPrice: Decimal;
  /** The allied supply offer per unit, same unit and currency. */
  readonly bluePrice: Decimal;
  /** F: the floor per unit, same unit and currency. */
  readonly floor: Decimal;
  readonly basis: FloorBasis;
  readonly method: FloorGapMethod;
  readonly destinations: readonly BlocDestination[];
}

export interface DestinationTier {
  readonly country: string;
  readonly bloc: Bloc;
  readonly floorApplies: boolean;
  /** redPrice × redOtherDutyRate. */
  readonly redOtherDutyPerUnit: Decimal;
  /** The floor-gap computation on red supply; null where the floor does not apply. */
  readonly floorGap: FloorGapResult | null;
  /** The floor-gap duty per unit; zero where the floor does not apply. */
  readonly floorGapPerUnit: Decimal;
  /** redPrice + redOtherDutyPerUnit + floorGapPerUnit. */
  readonly redLanded: Decimal;
  /** bluePrice × (1 + blueOtherDutyRate): blue supply never pays the floor-gap duty. */
  readonly blueLanded: Decimal;
  readonly cheapest: Cheapest;
  readonly tier: Track;
  /** min(redLanded, blueLanded): what a buyer there pays per unit. */
  readonly governingPrice: Decimal;
}

export interface PriceTracks {
  readonly red: Decimal;
  readonly blue: Decimal;
  /** blue − red. */
  readonly spread: Decimal;
  /** spread / red (reported as 0 when red is zero). */
  readonly bluePremium: Ratio;
}

export interface Leakage {
  /** Countries outside the floor where red supply stays the cheaper one. */
  readonly destinations: readonly string[];
  /** The lowest governing price among floor-applying destinations; null when there are none. */
  readonly insideCost: Decimal | null;
  /** The lowest governing price among leak destinations; null when there are none. */
  readonly leakCost: Decimal | null;
  /** max(0, insideCost − leakCost); zero when either set is empty. */
  readonly downstreamCostGapPerUnit: Decimal;
}

export interface BlocTiersResult {
  readonly destinations: readonly DestinationTier[];
  readonly tracks: PriceTracks;
  readonly leakage: Leakage;
}

/** 'red' when red lands cheaper, 'blue' when blue does, 'tie' when equal. */
export function cheapestTrack(redLanded: Decimal, blueLanded: Decimal): Cheapest {
  const order = compare(redLanded, blueLanded);
  if (order < 0) return 'red';
  if (order > 0) return 'blue';
  return 'tie';
}

/**
 * The track whose price governs a destination: the one buyers there take, the cheaper; at parity
 * blue (buyers take the secure supply). Inside a full-gap floor red lands at the floor, so blue
 * governs wherever the blue offer is at or below it; a capped or tranche floor can leave red cheaper.
 */
export function governingTrack(cheapest: Cheapest): Track {
  return cheapest === 'red' ? 'red' : 'blue';
}

/** Red and blue landed at one destination, per unit; nothing is rounded here. */
export function destinationTier(
  input: Omit<BlocTiersInput, 'destinations'>,
  destination: BlocDestination,
): DestinationTier {
  const { redPrice, bluePrice, floor, basis, method } = input;
  const { country, bloc, floorApplies, redOtherDutyRate, blueOtherDutyRate } = destination;
  const redOtherDutyPerUnit = multiply(redPrice, redOtherDutyRate);
  const floorGap = floorApplies
    ? floorGapDuty({ price: redPrice, floor, basis, otherDutyRate: redOtherDutyRate, method })
    : null;
  const floorGapPerUnit = floorGap === null ? ZERO : floorGap.dutyPerUnit;
  const redLanded = add(add(redPrice, redOtherDutyPerUnit), floorGapPerUnit);
  const blueLanded = multiply(bluePrice, add(ONE, blueOtherDutyRate));
  const cheapest = cheapestTrack(redLanded, blueLanded);
  return {
    country,
    bloc,
    floorApplies,
    redOtherDutyPerUnit,
    floorGap,
    floorGapPerUnit,
    redLanded,
    blueLanded,
    cheapest,
    tier: governingTrack(cheapest),
    governingPrice: min(redLanded, blueLanded),
  };
}

/** spread = blue − red; bluePremium = spread / red (zero when red is zero). */
export function priceTracks(redPrice: Decimal, bluePrice: Decimal): PriceTracks {
  const spread = subtract(bluePrice, redPrice);
  return { red: redPrice, blue: bluePrice, spread, bluePremium: { of: spread, to: redPrice } };
}

/**
 * Where red supply leaks past the floor (destinations without it where red stays cheaper), and the
 * per-unit cost edge a maker there has: max(0, min governing inside − min governing at leaks).
 */
export function leakage(tiers: readonly DestinationTier[]): Leakage {
  const inside = tiers.filter((t) => t.floorApplies);
  const leaks = tiers.filter((t) => !t.floorApplies && t.cheapest === 'red');
  const insideCost = least(inside.map((t) => t.governingPrice));
  const leakCost = least(leaks.map((t) => t.governingPrice));
  const downstreamCostGapPerUnit =
    insideCost === null || leakCost === null ? ZERO : max(ZERO, subtract(insideCost, leakCost));
  return {
    destinations: leaks.map((t) => t.country),
    insideCost,
    leakCost,
    downstreamCostGapPerUnit,
  };
}

/**
 * The dual-track market under a floor: for each destination, red supply landed (red price, its
 * other duties, and the floor-gap duty where the floor applies — see `floorGapDuty`) against blue
 * supply landed (blue price and its duties, never the floor duty), which is cheaper and which track
 * governs; plus the spread between the tracks and where red supply leaks. Per unit, in the
 * reporting currency; nothing is rounded here.
 */
export function blocTiers(input: BlocTiersInput): BlocTiersResult {
  const destinations = input.destinations.map((d) => destinationTier(input, d));
  return {
    destinations,
    tracks: priceTracks(input.redPrice, input.bluePrice),
    leakage: leakage(destinations),
  };
}
