import {
  add,
  compare,
  type Decimal,
  isZero,
  least,
  max,
  min,
  multiply,
  ONE,
  subtract,
  ZERO,
} from '../numeric';
import { carriedQuotient, overCommonDenominator } from './common-denominator';
import {
  type FloorBasis,
  type FloorGapMethod,
  type FloorGapResult,
  floorGapDuty,
} from './floor-gap';
import { clearFloorZone, type FloorZoneMarket } from './floor-zone-market';
import {
  type ComparedPair,
  placesInOrder,
  type Ratio,
  type RoundingMode,
  roundPairInOrder,
  roundPerUnit,
  roundPerUnitAt,
} from './rounding';

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
   * False when the data lacks the tariff of red supply here: `redOtherDutyRate` then counts only
   * what is known (0 when nothing is), so red figures are lower bounds, never duty-free figures.
   * True where the request assumes no duty (`assume=no-duty`): the lacking duty is then zero by
   * that stated assumption.
   */
  readonly redDutiesKnown: boolean;
  /** The same of blue supply and `blueOtherDutyRate`. */
  readonly blueDutiesKnown: boolean;
  /**
   * True when customs values imports there including freight (CIF: the EU, Japan, most others),
   * false on a FOB basis (the US, 19 U.S.C. 1401a): freight then adds to the landed price only.
   */
  readonly freightInCustomsValue: boolean;
}

/** The prices of the tiers, per the floor's unit in the reporting currency. */
export type BlocPrices = Pick<
  BlocTiersInput,
  'redPrice' | 'bluePrice' | 'floor' | 'trigger' | 'redFreight' | 'blueFreight'
>;

/**
 * The prices as exact quotients (restated per the floor's unit from per lb, or ex-VAT, a price need
 * not terminate).
 */
export type BlocPriceQuotients = { readonly [K in keyof BlocPrices]: Ratio };

/** The trigger T, where the request gives one, under the name the tiers take it by. */
const withTrigger = <T>(trigger: T | undefined): { readonly trigger?: T } =>
  trigger === undefined ? {} : { trigger };

/** Each price as a decimal: exact where it terminates, else carried (`carriedQuotient`). */
export function blocPricesOf(q: BlocPriceQuotients): BlocPrices {
  const { redPrice, bluePrice, floor, trigger, redFreight, blueFreight } = q;
  return {
    redPrice: carriedQuotient(redPrice),
    bluePrice: carriedQuotient(bluePrice),
    floor: carriedQuotient(floor),
    ...withTrigger(trigger === undefined ? undefined : carriedQuotient(trigger)),
    redFreight: carriedQuotient(redFreight),
    blueFreight: carriedQuotient(blueFreight),
  };
}

/**
 * The prices times s, the product of their denominators, each an exact decimal, and s: every
 * per-unit figure of `blocTiers` is homogeneous of degree one in the prices (a floor-gap duty, a
 * landed price) and which track is cheaper does not change with s, so `blocTiers` on them gives
 * each figure times s, and a money figure made from them is divided by s once, when reported.
 */
export function blocPricesOverCommonDenominator(q: BlocPriceQuotients): {
  readonly prices: BlocPrices;
  readonly scale: Decimal;
} {
  // A trigger not given stands as 0 / 1, which adds no denominator (and is not passed on).
  const { numerators, denominator } = overCommonDenominator([
    q.redPrice,
    q.bluePrice,
    q.floor,
    q.trigger ?? { of: ZERO, to: ONE },
    q.redFreight,
    q.blueFreight,
  ] as const);
  const [redPrice, bluePrice, floor, trigger, redFreight, blueFreight] = numerators;
  return {
    prices: {
      redPrice,
      bluePrice,
      floor,
      ...withTrigger(q.trigger === undefined ? undefined : trigger),
      redFreight,
      blueFreight,
    },
    scale: denominator,
  };
}

export interface BlocTiersInput {
  /** The China-track price per unit, in the reporting currency. */
  readonly redPrice: Decimal;
  /** The allied supply offer per unit, same unit and currency. */
  readonly bluePrice: Decimal;
  /** F: the floor per unit, same unit and currency. */
  readonly floor: Decimal;
  /**
   * T: the trigger a tranche schedule is measured from (WTO AoA art. 5.5), same unit and currency;
   * the floor when not given.
   */
  readonly trigger?: Decimal;
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
  readonly redDutiesKnown: boolean;
  readonly blueDutiesKnown: boolean;
  /** redPrice, plus redFreight where customs value includes freight. */
  readonly redCustomsValue: Decimal;
  /** redCustomsValue × redOtherDutyRate. */
  readonly redOtherDutyPerUnit: Decimal;
  /** The floor-gap computation on red supply; null where the floor does not apply. */
  readonly floorGap: FloorGapResult | null;
  /** The floor-gap duty per unit; zero where the floor does not apply. */
  readonly floorGapPerUnit: Decimal;
  /** floorGapPerUnit is exactly 0 (see `TierFigures.noFloorDuty`). */
  readonly noFloorDuty: boolean;
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
  /** spread / red; null when red is zero (a ratio over a zero price is undefined, not 0). */
  readonly bluePremium: Ratio | null;
}

/** The per-unit cost edge a maker at a leak destination has, split by cause. */
export interface CostGap {
  /** max(0, insideCost − leakCost); zero when either set is empty. */
  readonly downstreamCostGapPerUnit: Decimal;
  /**
   * The part of the gap the floor duty causes: the gap less otherDutiesPart; null with it.
   */
  readonly floorPart: Decimal | null;
  /**
   * What the gap would be without the floor, at most the gap: max(0, inside cost without the floor
   * − leakCost), from the destinations' other duties (and freight). floorPart + otherDutiesPart =
   * downstreamCostGapPerUnit. Null when it rests on duties the data lacks (`splitKnown`).
   */
  readonly otherDutiesPart: Decimal | null;
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
  /**
   * The floor zone cleared with finite allied capacity, when a market was asked for. Its destination
   * and marginal supply are the answer's; its figures may be on a common scale (prices times s,
   * volumes in kg: see the bloc-tiers calculator), so what is printed is `reportedMarket`.
   */
  readonly market?: ZoneMarket | null;
}

/**
 * Demand and allied capacity of the floor zone, both in one unit of mass. The money figures of the
 * cleared zone are the tiers' per-unit prices times these volumes: money in the floor's unit; in kg,
 * money × kg per floor unit.
 */
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
  const { redPrice, bluePrice, floor, trigger, basis, method, redFreight, blueFreight } = input;
  const { country, bloc, floorApplies, redOtherDutyRate, blueOtherDutyRate } = destination;
  const { redDutiesKnown, blueDutiesKnown } = destination;
  const inValue = destination.freightInCustomsValue;
  const redCustomsValue = inValue ? add(redPrice, redFreight) : redPrice;
  const blueCustomsValue = inValue ? add(bluePrice, blueFreight) : bluePrice;
  const redOtherDutyPerUnit = multiply(redCustomsValue, redOtherDutyRate);
  const floorGap = floorApplies
    ? floorGapDuty({
        price: redCustomsValue,
        floor,
        ...withTrigger(trigger),
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
    redDutiesKnown,
    blueDutiesKnown,
    redCustomsValue,
    redOtherDutyPerUnit,
    floorGap,
    floorGapPerUnit,
    noFloorDuty: isZero(floorGapPerUnit),
    redLanded,
    redLandedWithoutFloor,
    blueLanded,
    cheapest,
    tier: governingTrack(cheapest),
    governingPrice: min(redLanded, blueLanded),
  };
}

/** spread = blue − red; bluePremium = spread / red (null when red is zero). */
export function priceTracks(redPrice: Decimal, bluePrice: Decimal): PriceTracks {
  const spread = subtract(bluePrice, redPrice);
  return { red: redPrice, blue: bluePrice, spread, bluePremium: premium(spread, redPrice) };
}

/** spread / red, or null where red is 0: no premium is measured against a zero price. */
function premium(spread: Decimal, red: Decimal): Ratio | null {
  return isZero(red) ? null : { of: spread, to: red };
}

/**
 * The figures of a destination that leakage is decided on: the exact ones (`DestinationTier`) or
 * the ones an answer prints (`ReportedTier`). The same rules apply to both.
 */
export interface TierFigures {
  readonly country: string;
  readonly bloc: Bloc;
  readonly floorApplies: boolean;
  readonly cheapest: Cheapest;
  readonly governingPrice: Decimal;
  readonly redLanded: Decimal;
  readonly redLandedWithoutFloor: Decimal;
  readonly blueLanded: Decimal;
  /**
   * The floor-gap duty here is exactly 0 (the floor does not apply, or red meets it), so redLanded =
   * redLandedWithoutFloor. A duty the data lacks cannot change that: every method's duty is
   * non-increasing in the other duties (they only raise the price compared with the floor), so a
   * duty of 0 with the lacking duty counted as 0 stays 0 whatever it is.
   */
  readonly noFloorDuty: boolean;
  /** False when the data lacks red supply's tariff here: its red figures are lower bounds. */
  readonly redDutiesKnown: boolean;
  /** False when the data lacks blue supply's tariff here: its blueLanded is a lower bound. */
  readonly blueDutiesKnown: boolean;
}

/**
 * Where red supply leaks past the floor (destinations outside it and outside the red bloc where red
 * stays cheaper), and the per-unit cost edge a maker there has: max(0, min governing inside − min
 * governing at leaks), split into what the destinations' other duties (and freight) would cause
 * without the floor and what the floor duty adds. The other duties are counted first: floorPart
 * is what remains, so a gap with no floor duty in it is all otherDutiesPart; both are null where
 * the split rests on a duty the data lacks (`splitKnown`). Nothing is rounded here: given the
 * printed figures (`reportBlocTiers`) every result is a difference of them.
 */
export function leakage(tiers: readonly TierFigures[]): Leakage {
  const inside = tiers.filter((t) => t.floorApplies);
  const leaks = tiers.filter(isLeak);
  const insideCost = least(inside.map((t) => t.governingPrice));
  const insideWithoutFloor = least(inside.map((t) => min(t.redLandedWithoutFloor, t.blueLanded)));
  const leakCost = least(leaks.map((t) => t.governingPrice));
  const gap =
    insideCost === null || leakCost === null || insideWithoutFloor === null
      ? { downstreamCostGapPerUnit: ZERO, floorPart: ZERO, otherDutiesPart: ZERO }
      : splitGap(insideCost, insideWithoutFloor, leakCost, {
          known: splitKnown(inside, leaks, mightLeak(tiers), insideWithoutFloor, leakCost),
        });
  return {
    destinations: leaks.map((t) => t.country),
    redHome: tiers.filter((t) => t.bloc === 'red').map((t) => t.country),
    insideCost,
    leakCost,
    ...gap,
  };
}

/** The sign of red landed − blue landed that `cheapest` says. */
function orderOf(cheapest: Cheapest): number {
  return cheapest === 'red' ? -1 : cheapest === 'blue' ? 1 : 0;
}

/** Outside the floor and the red bloc, where red lands cheaper. */
function isLeak(t: Pick<TierFigures, 'floorApplies' | 'cheapest' | 'bloc'>): boolean {
  return !t.floorApplies && t.cheapest === 'red' && t.bloc !== 'red';
}

/**
 * gap = max(0, inside − leak); otherDutiesPart = min(gap, max(0, inside0 − leak)); the rest is the
 * floor's. Both parts null when the split is not known (`splitKnown`): never a part resting on a
 * duty the data lacks counted as zero.
 */
function splitGap(
  inside: Decimal,
  insideWithoutFloor: Decimal,
  leak: Decimal,
  { known }: { readonly known: boolean },
) {
  const gap = max(ZERO, subtract(inside, leak));
  if (!known) return { downstreamCostGapPerUnit: gap, floorPart: null, otherDutiesPart: null };
  const otherDutiesPart = min(gap, max(ZERO, subtract(insideWithoutFloor, leak)));
  return {
    downstreamCostGapPerUnit: gap,
    floorPart: subtract(gap, otherDutiesPart),
    otherDutiesPart,
  };
}

/**
 * Destinations outside the floor and the red bloc where blue prints cheaper only because its
 * duties, which the data lacks, count as 0: red might leak there.
 */
function mightLeak(tiers: readonly TierFigures[]): TierFigures[] {
  return tiers.filter(
    (t) => !t.floorApplies && t.bloc !== 'red' && t.cheapest !== 'red' && !t.blueDutiesKnown,
  );
}

/**
 * Whether the split of the gap stands whatever the duties the data lacks are. An unknown duty is
 * counted as 0 in a lane's figures, so they are lower bounds: the real duty can only add to them.
 * The split point is the inside cost without the floor (inside0, the lowest no-floor cost, red or
 * blue, of any floor destination) against the leak cost: otherDutiesPart = max(0, inside0 − leak)
 * (inside0 ≤ insideCost always), floorPart the rest of the gap, insideCost − max(inside0, leak).
 * So the split is known when
 * - the floor adds nothing to the inside cost, whatever the lacking duties (`floorFree`): then
 *   insideCost = inside0, floorPart is 0 and the whole gap is otherDutiesPart, however the leaks'
 *   lacking duties move the gap (they can only shrink it); or
 * - inside0 is known: a term with known duties attains the minimum (an unknown term can only rise
 *   above it). The reference is the lowest of all the floor destinations, as the gap's insideCost
 *   is, so a known destination cannot stand in for a lower unknown one; and
 * - the leak side either cannot move the split — the lowest cost red could lead at outside the
 *   floor (the leaks, and the lanes where only blue's unknown duties keep red from leaking) is at
 *   or above inside0, so otherDutiesPart is 0 and all the gap is the floor's, however large the
 *   gap — or is known: a leak with known red duties attains leakCost and no lane that might leak
 *   lands red below it.
 * Otherwise the split rests on an unknown duty counted as 0 (null). The gap itself, a difference
 * of landed prices, is as known as they are (`coverage.tariffs`).
 */
function splitKnown(
  inside: readonly TierFigures[],
  leaks: readonly TierFigures[],
  mayLeak: readonly TierFigures[],
  insideWithoutFloor: Decimal,
  leak: Decimal,
): boolean {
  const attains = (value: Decimal, terms: readonly { x: Decimal; known: boolean }[]) =>
    terms.some((term) => term.known && compare(term.x, value) === 0);
  if (floorFree(inside, insideWithoutFloor, attains)) return true;
  const insideKnown = attains(
    insideWithoutFloor,
    inside.flatMap((t) => [
      { x: t.redLandedWithoutFloor, known: t.redDutiesKnown },
      { x: t.blueLanded, known: t.blueDutiesKnown },
    ]),
  );
  if (!insideKnown) return false;
  const lowest = least([...leaks, ...mayLeak].map((t) => t.redLandedWithoutFloor));
  if (lowest !== null && compare(lowest, insideWithoutFloor) >= 0) return true;
  return (
    attains(
      leak,
      leaks.map((t) => ({ x: t.governingPrice, known: t.redDutiesKnown })),
    ) && mayLeak.every((t) => compare(t.redLandedWithoutFloor, leak) >= 0)
  );
}

/**
 * Whether insideCost = inside0 whatever the duties the data lacks, so that floorPart is 0 (the
 * floor adds nothing to what the best-placed maker inside pays) and the gap is all
 * otherDutiesPart. Either
 * - no floor destination charges a floor-gap duty (`noFloorDuty`: red lands above the floor in
 *   each, as red 75 under a 37.1% duty against a floor of 16): red landed is red landed without
 *   the floor everywhere inside, so the two minima are one; or
 * - a term with known duties landed with the floor — blue's, or red's with its floor duty —
 *   attains inside0: insideCost ≤ that term = inside0 as printed ≤ inside0 with the real duties ≤
 *   insideCost with them, so all are equal.
 */
function floorFree(
  inside: readonly TierFigures[],
  insideWithoutFloor: Decimal,
  attains: (value: Decimal, terms: readonly { x: Decimal; known: boolean }[]) => boolean,
): boolean {
  if (inside.every((t) => t.noFloorDuty)) return true;
  return attains(
    insideWithoutFloor,
    inside.flatMap((t) => [
      { x: t.redLanded, known: t.redDutiesKnown },
      { x: t.blueLanded, known: t.blueDutiesKnown },
    ]),
  );
}

/**
 * One destination's figures as an answer prints them, beside the exact decisions. Each is its
 * exact value rounded once, as `/v1/floor-gap` prints its per-unit figures: redLandedWithoutFloor
 * (red price + freight + other duties: the answer prints none of these per destination, so R0 is
 * one figure), floorGapPerUnit (the duty `/v1/floor-gap` prints as dutyPerUnit), redLanded (R0 + the
 * duty, exact, so a full gap lands on the printed floor as `/v1/floor-gap`'s landedPerUnit does;
 * the printed R0 + the printed duty can differ from it by a unit in the last place) and blueLanded.
 * redLanded and blueLanded are printed at 4 places unless that would show them (or another
 * destination's pair) equal or in the wrong order although they differ exactly; then with more, up
 * to 10, redLandedWithoutFloor with them (`placesInOrder`, `roundPairInOrder`).
 */
export interface ReportedTier extends TierFigures {
  readonly redLandedWithoutFloor: Decimal;
  readonly floorGapPerUnit: Decimal;
  /** redLandedWithoutFloor + floorGapPerUnit, exact, rounded once. */
  readonly redLanded: Decimal;
  readonly blueLanded: Decimal;
  /**
   * cheapestTrack of the exact redLanded and blueLanded, never of rounded ones; the printed ones
   * are in the same order, so they say the same.
   */
  readonly cheapest: Cheapest;
  readonly tier: Track;
  /** The printed landed price of the governing track: the lower printed one (blue at a tie). */
  readonly governingPrice: Decimal;
}

/** The figures of the tiers as an answer prints them, adding up and deciding as printed. */
export interface ReportedBlocTiers {
  readonly destinations: readonly ReportedTier[];
  /**
   * red and blue rounded once; spread = the reported blue − the reported red; bluePremium = the
   * reported spread / the reported red, rounded once when formatted; null where the reported red
   * is 0.
   */
  readonly tracks: {
    readonly red: Decimal;
    readonly blue: Decimal;
    readonly spread: Decimal;
    readonly bluePremium: Ratio | null;
  };
  /** `leakage` of the reported destinations: membership, costs and gap as printed. */
  readonly leakage: Leakage;
}

/**
 * One destination as reported (see `ReportedTier`). Each figure is rounded once from its exact
 * value, so the printed duty equals `/v1/floor-gap`'s for the same customs value. The decisions
 * (cheapest, tier) are the exact ones of `decided` (the same destination computed on the exact
 * prices), never taken on rounded figures: red landing at exactly 16 beside blue at 16.00001 is
 * cheaper, and prints "16.0000" beside "16.00001" so that a reader comparing the two sees it. The
 * duty is never negative (rounding keeps sign) and 0 where the floor does not apply or is met.
 */
function reportedTier(
  tier: DestinationTier,
  decided: Pick<DestinationTier, 'cheapest' | 'tier'>,
  mode: RoundingMode,
  places: number,
): ReportedTier {
  const redLandedWithoutFloor = roundPerUnitAt(tier.redLandedWithoutFloor, places, mode);
  // The duty /v1/floor-gap prints for the same customs value, and red landed from its exact value,
  // as /v1/floor-gap's landedPerUnit: a full gap lands on the printed floor.
  const floorGapPerUnit = roundPerUnit(tier.floorGapPerUnit, mode);
  const { cheapest, tier: track } = decided;
  const [redLanded, blueLanded] = roundPairInOrder(
    tier.redLanded,
    tier.blueLanded,
    orderOf(cheapest),
    mode,
    places,
  );
  return {
    country: tier.country,
    bloc: tier.bloc,
    floorApplies: tier.floorApplies,
    redDutiesKnown: tier.redDutiesKnown,
    blueDutiesKnown: tier.blueDutiesKnown,
    // Of the exact duty: a duty under half a unit in the last place prints 0 but is not none.
    noFloorDuty: tier.noFloorDuty,
    redLandedWithoutFloor,
    floorGapPerUnit,
    redLanded,
    blueLanded,
    cheapest,
    tier: track,
    governingPrice: track === 'red' ? redLanded : blueLanded,
  };
}

/**
 * The figures an answer reports (reported parts add up), beside the decisions, which are taken on
 * the exact values of `decided` (the tiers computed on the exact prices; by default `result`),
 * never on rounded ones. Rounded once each: per destination redLandedWithoutFloor,
 * floorGapPerUnit, redLanded and blueLanded; the red and blue track prices. redLanded and
 * blueLanded of each destination, and the two track prices, are printed in their exact order
 * (`roundPairInOrder`: at 4 places, or more, up to 10, where 4 would show a pair equal or
 * reversed), so the printed figures say what the decisions say; every destination's landed
 * figures (and redLandedWithoutFloor) share one number of places (`placesInOrder`), so that
 * figures of different destinations compare as their exact values do too. governingPrice is the printed landed price of
 * the governing track; spread = blue − red and bluePremium = spread / red as printed (one rounding,
 * when formatted; null where red prints 0). Leakage: its destinations and whether the gap's split
 * is known are the exact answer's (`leakage`); insideCost, leakCost and the inside cost without the
 * floor are the printed figures of the destinations (and track) whose exact values are the least,
 * and insideCost − leakCost = downstreamCostGapPerUnit = floorPart + otherDutiesPart as printed
 * (0 where the exact gap is 0).
 *
 * The cost gap is a difference of printed landed prices, not a sum of figures rounded on their
 * own: insideCost and leakCost are printed governing prices of destinations, and the gap's parts
 * are differences of printed figures too: otherDutiesPart = min(gap, max(0, the printed inside cost
 * without the floor − leakCost)) and floorPart the rest of the gap (where red governs inside and
 * leaks, a unit in the last place at most from that destination's printed floorGapPerUnit); both
 * null where the split rests on a duty the data lacks (`splitKnown`). Rounding them from their exact
 * values instead would make their sum differ from insideCost − leakCost (or insideCost from the
 * printed governing price of its destination) by a unit in the last place; this way every printed
 * figure agrees with every other, and each part is within two units in the last place of its exact
 * value.
 */
export function reportBlocTiers(
  result: BlocTiersResult,
  mode: RoundingMode,
  decided: BlocTiersResult = result,
): ReportedBlocTiers {
  const [red, blue] = roundPairInOrder(
    result.tracks.red,
    result.tracks.blue,
    compare(decided.tracks.red, decided.tracks.blue),
    mode,
  );
  const spread = subtract(blue, red);
  const decisions = result.destinations.map((t, i) => decided.destinations[i] ?? t);
  // One number of places for every landed figure of the answer, so that figures of different
  // destinations compare (the leak and inside costs) as their exact values do.
  const places = placesInOrder(
    result.destinations.map(
      (t, i): ComparedPair => [t.redLanded, t.blueLanded, orderOf((decisions[i] ?? t).cheapest)],
    ),
    mode,
  );
  const destinations = result.destinations.map((t, i) =>
    reportedTier(t, decisions[i] ?? t, mode, places),
  );
  return {
    destinations,
    tracks: { red, blue, spread, bluePremium: premium(spread, red) },
    leakage: reportedLeakage(decided, destinations),
  };
}

/**
 * `leakage` as reported (see `reportBlocTiers`): the exact answer's destinations, redHome and
 * whether the split is known; the costs are printed figures, the one of the least exact value in
 * each set (across destinations the printed figures can have different places, so the least is
 * chosen on the exact values), and the gap and its parts differences of them (`splitGap`).
 */
function reportedLeakage(decided: BlocTiersResult, reported: readonly ReportedTier[]): Leakage {
  const exact = decided.leakage;
  const rows = decided.destinations.flatMap((t, i) => {
    const p = reported[i];
    return p === undefined ? [] : [{ t, p }];
  });
  const inside = rows.filter(({ t }) => t.floorApplies);
  const leaks = rows.filter(({ t }) => isLeak(t));
  const insideCost = printedLeast(
    inside.map(({ t, p }) => ({ x: t.governingPrice, printed: p.governingPrice })),
  );
  const leakCost = printedLeast(
    leaks.map(({ t, p }) => ({ x: t.governingPrice, printed: p.governingPrice })),
  );
  const insideWithoutFloor = printedLeast(
    inside.flatMap(({ t, p }) => [
      { x: t.redLandedWithoutFloor, printed: p.redLandedWithoutFloor },
      { x: t.blueLanded, printed: p.blueLanded },
    ]),
  );
  const known = exact.floorPart !== null;
  const gap =
    insideCost === null || leakCost === null || insideWithoutFloor === null
      ? { downstreamCostGapPerUnit: ZERO, floorPart: ZERO, otherDutiesPart: ZERO }
      : isZero(exact.downstreamCostGapPerUnit)
        ? // No gap exactly (the leak at or above the inside cost): none as printed either.
          {
            downstreamCostGapPerUnit: ZERO,
            floorPart: known ? ZERO : null,
            otherDutiesPart: known ? ZERO : null,
          }
        : splitGap(insideCost, insideWithoutFloor, leakCost, { known });
  return { destinations: exact.destinations, redHome: exact.redHome, insideCost, leakCost, ...gap };
}

/**
 * The printed figure of the term whose exact value is the least (of equal ones, the lowest
 * printed); null for none.
 */
function printedLeast(
  terms: readonly { readonly x: Decimal; readonly printed: Decimal }[],
): Decimal | null {
  let best: { readonly x: Decimal; readonly printed: Decimal } | undefined;
  for (const term of terms) {
    const order = best === undefined ? -1 : compare(term.x, best.x);
    if (order < 0 || (order === 0 && best !== undefined && compare(term.printed, best.printed) < 0))
      best = term;
  }
  return best === undefined ? null : best.printed;
}

/** The tiers and the figures an answer reports of them. */
export interface BlocTiersReport extends BlocTiersResult {
  readonly reported: ReportedBlocTiers;
  /** The cleared zone as reported, when a market was asked for and cleared. */
  readonly reportedMarket?: ReportedZoneMarket | null;
}

/** The cleared floor zone as an answer prints it. */
export interface ReportedZoneMarket {
  /**
   * The clearing price as the zone destination's row prints it: its reported blueLanded when blue
   * sets the price, else its reported redLanded (itself the sum of two parts rounded once).
   */
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
 * be off by up to 30.00). The price is the zone destination's printed landed price (`zone`), so
 * the market and the row agree.
 */
export function reportZoneMarket(
  market: ZoneMarket,
  zone: Pick<ReportedTier, 'redLanded' | 'blueLanded'>,
  demand: Decimal,
  inDemandUnit: (x: Decimal) => Decimal,
  round: MarketRounding,
): ReportedZoneMarket {
  const reportedDemand = round.volume(demand);
  const blueVolume = round.volume(inDemandUnit(market.blueVolume));
  return {
    price: market.marginal === 'blue' ? zone.blueLanded : zone.redLanded,
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
 * no destination of the zone fits. The choice of destination and whether blue competes are
 * decided on the exact landed prices of `tiers`, never on rounded ones; the rows print those in
 * the same order (`reportBlocTiers`), so the market and the rows agree.
 */
export function clearZoneMarket(
  tiers: readonly DestinationTier[],
  market: ZoneMarketInput,
): ZoneMarket | null {
  const zone = tiers.filter((t) => t.floorApplies);
  const t =
    market.destination === undefined
      ? zone.reduce<DestinationTier | undefined>(
          (best, z) => (best === undefined || compare(z.redLanded, best.redLanded) < 0 ? z : best),
          undefined,
        )
      : zone.find((z) => z.country === market.destination);
  if (t === undefined) return null;
  return {
    destination: t.country,
    ...clearFloorZone({
      demand: market.demand,
      blueCapacity: market.blueCapacity,
      blueLanded: t.blueLanded,
      redLanded: t.redLanded,
      redLandedWithoutFloor: t.redLandedWithoutFloor,
      floorDutyPerUnit: t.floorGapPerUnit,
    }),
  };
}
