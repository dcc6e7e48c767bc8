import {
  add,
  compare,
  type Decimal,
  isZero,
  least,
  max,
  min,
  multiply,
  subtract,
  ZERO,
} from '../numeric';
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
 * The cost gap as reported, adding up both ways: insideCost − leakCost = downstreamCostGapPerUnit =
 * floorPart + otherDutiesPart, all as printed (reported parts add up). The gap is the difference of
 * the reported insideCost and leakCost, never below 0: rounding keeps order, so where leak ≥ inside
 * exactly the reported leak is ≥ the reported inside too and the gap is 0, as it is exactly; with no
 * inside or no leak destination the gap and its parts are 0. The gap is then split: a part that is
 * exactly 0 stays 0 (a gap with no floor duty in it is all otherDutiesPart, one with no other duty in
 * it all floorPart); otherwise otherDutiesPart is its exact value rounded once, at most the gap, and
 * floorPart the rest. Both parts lie in [0, gap] and each is within a unit or two in the last place
 * of its exact value (the gap itself is the difference of two figures rounded once each).
 */
export function reportedCostGap(
  leak: Pick<Leakage, 'insideCost' | 'leakCost'> & CostGap,
  round: (x: Decimal) => Decimal,
): ReportedLeakage {
  const insideCost = leak.insideCost === null ? null : round(leak.insideCost);
  const leakCost = leak.leakCost === null ? null : round(leak.leakCost);
  const gap =
    insideCost === null || leakCost === null ? ZERO : max(ZERO, subtract(insideCost, leakCost));
  const otherDutiesPart = isZero(leak.otherDutiesPart)
    ? ZERO
    : isZero(leak.floorPart)
      ? gap
      : min(gap, round(leak.otherDutiesPart));
  return {
    insideCost,
    leakCost,
    downstreamCostGapPerUnit: gap,
    floorPart: subtract(gap, otherDutiesPart),
    otherDutiesPart,
  };
}

/** The leakage figures an answer prints: the costs and the gap with its parts, each as reported. */
export interface ReportedLeakage extends CostGap {
  readonly insideCost: Decimal | null;
  readonly leakCost: Decimal | null;
}

/** One destination's per-unit figures as an answer prints them. */
export interface ReportedTier {
  readonly redLanded: Decimal;
  readonly redLandedWithoutFloor: Decimal;
  /** The reported redLanded less the reported redLandedWithoutFloor. */
  readonly floorGapPerUnit: Decimal;
  readonly blueLanded: Decimal;
  readonly governingPrice: Decimal;
}

/** The per-unit figures of the tiers as an answer prints them, adding up as printed. */
export interface ReportedBlocTiers {
  readonly destinations: readonly ReportedTier[];
  /** red and blue rounded once; spread = the reported blue − the reported red. */
  readonly tracks: { readonly red: Decimal; readonly blue: Decimal; readonly spread: Decimal };
  readonly leakage: ReportedLeakage;
}

/**
 * One destination as reported: the landed prices (with and without the floor) and the governing
 * price rounded once each, the floor-gap duty the difference of the two reported red figures, so
 * that redLanded = redLandedWithoutFloor + floorGapPerUnit as printed. The landed prices are the
 * ones rounded because they are what is compared (cheapest, governing price, inside and leak
 * costs): rounding keeps order, so governingPrice = min(redLanded, blueLanded) as printed too. The
 * duty is never negative (redLanded ≥ redLandedWithoutFloor, and rounding keeps order) and 0 where
 * the floor does not apply or is met.
 */
function reportedTier(tier: DestinationTier, round: (x: Decimal) => Decimal): ReportedTier {
  const redLanded = round(tier.redLanded);
  const redLandedWithoutFloor = round(tier.redLandedWithoutFloor);
  return {
    redLanded,
    redLandedWithoutFloor,
    floorGapPerUnit: subtract(redLanded, redLandedWithoutFloor),
    blueLanded: round(tier.blueLanded),
    governingPrice: round(tier.governingPrice),
  };
}

/**
 * The per-unit figures an answer reports (reported parts add up): each priced figure rounded once
 * by `round`, and every figure that is a sum or difference of others computed from the reported
 * ones: floorGapPerUnit = redLanded − redLandedWithoutFloor, spread = blue − red, gap = insideCost −
 * leakCost = floorPart + otherDutiesPart (`reportedCostGap`). The blue premium, a ratio, stays exact
 * until it is formatted.
 */
export function reportBlocTiers(
  result: BlocTiersResult,
  round: (x: Decimal) => Decimal,
): ReportedBlocTiers {
  const red = round(result.tracks.red);
  const blue = round(result.tracks.blue);
  return {
    destinations: result.destinations.map((t) => reportedTier(t, round)),
    tracks: { red, blue, spread: subtract(blue, red) },
    leakage: reportedCostGap(result.leakage, round),
  };
}

/** The tiers and the figures an answer reports of them. */
export interface BlocTiersReport extends BlocTiersResult {
  readonly reported: ReportedBlocTiers;
  /** The cleared zone as reported, when a market was asked for and cleared. */
  readonly reportedMarket?: ReportedZoneMarket | null;
}

/** The cleared floor zone as an answer prints it. */
export interface ReportedZoneMarket {
  /** The clearing price rounded once: the chosen destination's reported blueLanded or redLanded. */
  readonly price: Decimal;
  /** Demand, blue and red volumes in the unit demand was given in. */
  readonly demand: Decimal;
  readonly blueVolume: Decimal;
  /** The reported demand less the reported blue volume. */
  readonly redVolume: Decimal;
  readonly treasuryRevenue: Decimal;
  readonly blueRent: Decimal;
  readonly buyersExtraCost: Decimal;
}

/** How each kind of figure of a cleared zone is rounded once. */
export interface MarketRounding {
  readonly perUnit: (x: Decimal) => Decimal;
  readonly volume: (x: Decimal) => Decimal;
  readonly money: (x: Decimal) => Decimal;
}

/**
 * The cleared zone as reported (reported parts add up): demand and the blue volume, in the demand's
 * unit (`inDemandUnit` restates a volume in the floor's unit), are rounded once and the red volume
 * is the reported demand less the reported blue volume, so blueVolume + redVolume = demand as
 * printed (never negative: blue volume ≤ demand, and rounding keeps order). The money figures are
 * products of a per-unit price and a volume, not sums of reported parts: each is computed exactly
 * and rounded once, never from the 4-place per-unit figures (a rounded price × 600,000 kg would
 * be off by up to 30.00).
 */
export function reportZoneMarket(
  market: ZoneMarket,
  demand: Decimal,
  inDemandUnit: (x: Decimal) => Decimal,
  round: MarketRounding,
): ReportedZoneMarket {
  const reportedDemand = round.volume(demand);
  const blueVolume = round.volume(inDemandUnit(market.blueVolume));
  return {
    price: round.perUnit(market.price),
    demand: reportedDemand,
    blueVolume,
    redVolume: subtract(reportedDemand, blueVolume),
    treasuryRevenue: round.money(market.treasuryRevenue),
    blueRent: round.money(market.blueRent),
    buyersExtraCost: round.money(market.buyersExtraCost),
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
