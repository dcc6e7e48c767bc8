import { compare, type Decimal, min, multiply, nonNegative, subtract, ZERO } from '../numeric';

/**
 * The floor zone as one market with finite allied supply. All prices per the same unit and in the
 * same currency; demand and capacity in that unit.
 */
export interface FloorZoneMarketInput {
  /** D: what buyers in the floor zone buy. */
  readonly demand: Decimal;
  /** K: what allied (blue) suppliers can sell there at their offer. */
  readonly blueCapacity: Decimal;
  /** B: the blue offer landed in the zone. */
  readonly blueLanded: Decimal;
  /** R: red supply landed in the zone, floor duty included (red supply is unlimited at R). */
  readonly redLanded: Decimal;
  /** R0: red supply landed without the floor duty. */
  readonly redLandedWithoutFloor: Decimal;
  /** The floor-gap duty per unit of red supply (R − R0). */
  readonly floorDutyPerUnit: Decimal;
}

export interface FloorZoneMarket {
  /** The clearing price: B when blue is cheaper and can serve all of D, else R. */
  readonly price: Decimal;
  /** Which supply sets the price. */
  readonly marginal: 'red' | 'blue';
  readonly blueVolume: Decimal;
  readonly redVolume: Decimal;
  /** floor duty per unit × red volume. */
  readonly treasuryRevenue: Decimal;
  /** max(0, price − B) × blue volume: what allied producers earn above their offer. */
  readonly blueRent: Decimal;
  /**
   * What buyers pay more than without the floor: D × (price − min(R0, B)) when blue could serve
   * all of D, else D × (price − R0).
   */
  readonly buyersExtraCost: Decimal;
}

/**
 * Clears the floor zone: blue sells up to K at B, red is unlimited at R. If B ≤ R, blue sells
 * min(K, D) and the price is B when K ≥ D, else R (red is the marginal supplier and the rest of
 * demand, D − K, is red at the floor); if R < B, red sells all of D at R. B ≤ R is decided on the
 * exact B and R, never on rounded ones; the figures are exact, nothing is rounded here.
 */
export function clearFloorZone(input: FloorZoneMarketInput): FloorZoneMarket {
  const { demand, blueCapacity, blueLanded, redLanded, redLandedWithoutFloor } = input;
  const blueCompetes = compare(blueLanded, redLanded) <= 0;
  const blueServesAll = compare(blueCapacity, demand) >= 0;
  const blueVolume = blueCompetes ? min(blueCapacity, demand) : ZERO;
  const redVolume = subtract(demand, blueVolume);
  const blueSetsPrice = blueCompetes && blueServesAll;
  const price = blueSetsPrice ? blueLanded : redLanded;
  const withoutFloor = blueServesAll
    ? min(redLandedWithoutFloor, blueLanded)
    : redLandedWithoutFloor;
  return {
    price,
    marginal: blueSetsPrice ? 'blue' : 'red',
    blueVolume,
    redVolume,
    treasuryRevenue: multiply(input.floorDutyPerUnit, redVolume),
    blueRent: multiply(nonNegative(subtract(price, blueLanded)), blueVolume),
    buyersExtraCost: multiply(demand, subtract(price, withoutFloor)),
  };
}
