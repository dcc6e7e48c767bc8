import { add, compare, type Decimal, least, max, min, multiply, subtract, ZERO } from '../numeric';
import {
  type FloorBasis,
  type FloorGapMethod,
  type FloorGapResult,
  floorGapDuty,
} from './floor-gap';
import { clearFloorZone, type FloorZoneMarket } from './floor-zone-market';
import type { Ratio } from './rounding';

/**
 * The three blocs a destination or a supply belongs to. "Red" and "blue" name price tracks (the
 * China-track price and the allied price), not a judgement; "grey" is neither aligned bloc.
 */
export const BLOCS = ['red', 'blue', 'grey'] as const;
export type Bloc = (typeof BLOCS)[number];

/** The two price tracks a destination can be governed by. */
export const TRACKS = ['red', 'blue'] as const;
export type Track = (typeof TRACKS)[number];

/** Which supply lands cheaper at a destination: a track, or a tie. */
export const CHEAPEST = [...TRACKS, 'tie'] as const;
export type Cheapest = (typeof CHEAPEST)[number];

export interface BlocDestination {
  readonly country: string;
  readonly bloc: Bloc;
  /** True when this destination applies the price floor at its border. */
  readonly floorApplies: boolean;
  /** Ad valorem rate of the other duties on red-origin supply (before the floor test). */
  readonly redOtherDutyRate: Decimal;
  /** Ad valorem rate of the duties on blue supply. */
  readonly blueOtherDutyRate: Decimal;
  /**
   * True when customs values imports there including freight (CIF: the EU, Japan, most others),
   * false on a FOB basis (the US, 19 U.S.C. 1401a): freight then adds to the landed price only.
   */
  readonly freightInCustomsValue: boolean;
}

export interface BlocTiersInput {
  /** The China-track price per unit, in the reporting currency. */
  readonly redPrice: Decimal;
  /** The allied supply offer per unit, same unit and currency. */
  readonly bluePrice: Decimal;
  /** F: the floor per unit, same unit and currency. */
  readonly floor: Decimal;
  /** International freight per unit on red supply to any destination (0 when not given). */
  readonly redFreight: Decimal;
  /** International freight per unit on blue supply to any destination (0 when not given). */
  readonly blueFreight: Decimal;
  readonly basis: FloorBasis;
  readonly method: FloorGapMethod;
  readonly destinations: readonly BlocDestination[];
}

export interface DestinationTier {
  readonly country: string;
  readonly bloc: Bloc;
  readonly floorApplies: boolean;
  /** redPrice, plus redFreight where customs value includes freight. */
  readonly redCustomsValue: Decimal;
  /** redCustomsValue × redOtherDutyRate. */
  readonly redOtherDutyPerUnit: Decimal;
  /** The floor-gap computation on red supply; null where the floor does not apply. */
  readonly floorGap: FloorGapResult | null;
  /** The floor-gap duty per unit; zero where the floor does not apply. */
  readonly floorGapPerUnit: Decimal;
  /** redPrice + redFreight + redOtherDutyPerUnit + floorGapPerUnit. */
  readonly redLanded: Decimal;
  /** redLanded − floorGapPerUnit: red supply landed as it would be without the floor. */
  readonly redLandedWithoutFloor: Decimal;
  /**
   * bluePrice + blueFreight + blue duties on its customs value: blue supply never pays the
   * floor-gap duty.
   */
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

/** The per-unit cost edge a maker at a leak destination has, split by cause. */
export interface CostGap {
  /** max(0, insideCost − leakCost); zero when either set is empty. */
  readonly downstreamCostGapPerUnit: Decimal;
  /** The part of the gap the floor duty causes: the gap less otherDutiesPart. */
  readonly floorPart: Decimal;
  /**
   * What the gap would be without the floor, at most the gap: max(0, inside cost without the floor
   * − leakCost), from the destinations' other duties (and freight). floorPart + otherDutiesPart =
   * downstreamCostGapPerUnit.
   */
  readonly otherDutiesPart: Decimal;
}

export interface Leakage extends CostGap {
  /**
   * Countries outside the floor and outside the red bloc where red supply stays the cheaper one.
   * The red bloc is red supply's home market, not a leak (`redHome`).
   */
  readonly destinations: readonly string[];
  /** Red-bloc destinations (China's home market): never counted as leakage. */
  readonly redHome: readonly string[];
  /** The lowest governing price among floor-applying destinations; null when there are none. */
  readonly insideCost: Decimal | null;
  /** The lowest governing price among leak destinations; null when there are none. */
  readonly leakCost: Decimal | null;
}

export interface BlocTiersResult {
  readonly destinations: readonly DestinationTier[];
  readonly tracks: PriceTracks;
  readonly leakage: Leakage;
  /** The floor zone cleared with finite allied capacity, when a market was asked for. */
  readonly market?: ZoneMarket | null;
}

/** Demand and allied capacity of the floor zone, in the floor's unit. */
export interface ZoneMarketInput {
  /** The floor-zone destination standing for the zone; undefined = where red lands cheapest. */
  readonly destination: string | undefined;
  readonly demand: Decimal;
  readonly blueCapacity: Decimal;
}

export interface ZoneMarket extends FloorZoneMarket {
  /** The destination whose landed prices stood for the zone. */
  readonly destination: string;
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
  const { redPrice, bluePrice, floor, basis, method, redFreight, blueFreight } = input;
  const { country, bloc, floorApplies, redOtherDutyRate, blueOtherDutyRate } = destination;
  const inValue = destination.freightInCustomsValue;
  const redCustomsValue = inValue ? add(redPrice, redFreight) : redPrice;
  const blueCustomsValue = inValue ? add(bluePrice, blueFreight) : bluePrice;
  const redOtherDutyPerUnit = multiply(redCustomsValue, redOtherDutyRate);
  const floorGap = floorApplies
    ? floorGapDuty({
        price: redCustomsValue,
        floor,
        basis,
        otherDutyRate: redOtherDutyRate,
        method,
      })
    : null;
  const floorGapPerUnit = floorGap === null ? ZERO : floorGap.dutyPerUnit;
  const redLandedWithoutFloor = add(add(redPrice, redFreight), redOtherDutyPerUnit);
  const redLanded = add(redLandedWithoutFloor, floorGapPerUnit);
  const blueLanded = add(
    add(bluePrice, blueFreight),
    multiply(blueCustomsValue, blueOtherDutyRate),
  );
  const cheapest = cheapestTrack(redLanded, blueLanded);
  return {
    country,
    bloc,
    floorApplies,
    redCustomsValue,
    redOtherDutyPerUnit,
    floorGap,
    floorGapPerUnit,
    redLanded,
    redLandedWithoutFloor,
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
 * Where red supply leaks past the floor (destinations outside it and outside the red bloc where red
 * stays cheaper), and the per-unit cost edge a maker there has: max(0, min governing inside − min
 * governing at leaks), split into what the destinations' other duties (and freight) would cause
 * without the floor and what the floor duty adds. The other duties are counted first: floorPart
 * is what remains, so a gap with no floor duty in it is all otherDutiesPart.
 */
export function leakage(tiers: readonly DestinationTier[]): Leakage {
  const inside = tiers.filter((t) => t.floorApplies);
  const leaks = tiers.filter((t) => !t.floorApplies && t.cheapest === 'red' && t.bloc !== 'red');
  const insideCost = least(inside.map((t) => t.governingPrice));
  const insideWithoutFloor = least(inside.map((t) => min(t.redLandedWithoutFloor, t.blueLanded)));
  const leakCost = least(leaks.map((t) => t.governingPrice));
  const gap =
    insideCost === null || leakCost === null || insideWithoutFloor === null
      ? { downstreamCostGapPerUnit: ZERO, floorPart: ZERO, otherDutiesPart: ZERO }
      : splitGap(insideCost, insideWithoutFloor, leakCost);
  return {
    destinations: leaks.map((t) => t.country),
    redHome: tiers.filter((t) => t.bloc === 'red').map((t) => t.country),
    insideCost,
    leakCost,
    ...gap,
  };
}

/** gap = max(0, inside − leak); otherDutiesPart = min(gap, max(0, inside0 − leak)); the rest is the floor's. */
function splitGap(inside: Decimal, insideWithoutFloor: Decimal, leak: Decimal) {
  const gap = max(ZERO, subtract(inside, leak));
  const otherDutiesPart = min(gap, max(ZERO, subtract(insideWithoutFloor, leak)));
  return {
    downstreamCostGapPerUnit: gap,
    floorPart: subtract(gap, otherDutiesPart),
    otherDutiesPart,
  };
}

/**
 * The cost gap as reported, its parts adding up to it: each part rounded once by `round`, the gap
 * the sum of the reported parts, so floorPart + otherDutiesPart = downstreamCostGapPerUnit as
 * printed.
 */
export function reportedCostGap(gap: CostGap, round: (x: Decimal) => Decimal): CostGap {
  const floorPart = round(gap.floorPart);
  const otherDutiesPart = round(gap.otherDutiesPart);
  return { downstreamCostGapPerUnit: add(floorPart, otherDutiesPart), floorPart, otherDutiesPart };
}

/** The tiers and the cost gap as an answer reports it. */
export interface BlocTiersReport extends BlocTiersResult {
  readonly reportedGap: CostGap;
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

/**
 * The floor zone cleared at one destination standing for it (the one asked for, else the
 * floor-applying destination where red lands cheapest), blue selling up to its capacity; null when
 * no destination of the zone fits.
 */
export function clearZoneMarket(
  tiers: readonly DestinationTier[],
  market: ZoneMarketInput,
): ZoneMarket | null {
  const zone = tiers.filter((t) => t.floorApplies);
  const chosen =
    market.destination === undefined
      ? zone.reduce<DestinationTier | undefined>(
          (best, t) => (best === undefined || compare(t.redLanded, best.redLanded) < 0 ? t : best),
          undefined,
        )
      : zone.find((t) => t.country === market.destination);
  if (chosen === undefined) return null;
  return {
    destination: chosen.country,
    ...clearFloorZone({
      demand: market.demand,
      blueCapacity: market.blueCapacity,
      blueLanded: chosen.blueLanded,
      redLanded: chosen.redLanded,
      redLandedWithoutFloor: chosen.redLandedWithoutFloor,
      floorDutyPerUnit: chosen.floorGapPerUnit,
    }),
  };
}
