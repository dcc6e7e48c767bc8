import { compare, type Decimal, greaterThanOrEqual, toPlain } from '../numeric';
import {
  type BreakEven,
  type Competition,
  maxRedPriceForRed,
  minFloorForBlueOverGrid,
  minMaxRateForBlue,
} from './break-even';
import {
  type FloorBasis,
  type FloorGapMethod,
  type FloorGapResult,
  floorGapDuty,
  type ReportedFloorGap,
  reportFloorGap,
} from './floor-gap';
import { type RoundingMode, roundPerUnit, roundThresholdAbove } from './rounding';

/** The most cells one sweep computes (red prices × floors). */
export const MAX_SWEEP_CELLS = 10_000;

export interface SweepInput {
  /** Red (China-track) prices per unit, in the order the grid lists them. */
  readonly redPrices: readonly Decimal[];
  readonly floors: readonly Decimal[];
  /** The allied offer per unit; null = blue offers at each cell's floor. */
  readonly bluePrice: Decimal | null;
  readonly otherDutyRate: Decimal;
  readonly basis: FloorBasis;
  readonly method: FloorGapMethod;
}

export interface SweepCell {
  readonly redPrice: Decimal;
  readonly floor: Decimal;
  /** The floor-gap calculator's answer for this red price and floor. */
  readonly result: FloorGapResult;
  /** landedPerUnit ≥ floor: the duty lifted red to the floor. */
  readonly floorMet: boolean;
  /** Blue's offer ≤ red's landed cost (a tie goes to blue: buyers take the secure supply). */
  readonly blueWins: boolean;
}

/**
 * Every (red price, floor) pair, red price major: each cell is exactly one floor-gap calculation
 * (`floorGapDuty`), so a cell equals the single-call answer for the same inputs.
 */
export function sweepCells(input: SweepInput): SweepCell[] {
  const cells: SweepCell[] = [];
  for (const redPrice of input.redPrices) {
    for (const floor of input.floors) {
      const result = floorGapDuty({
        price: redPrice,
        floor,
        basis: input.basis,
        otherDutyRate: input.otherDutyRate,
        method: input.method,
      });
      const blue = input.bluePrice ?? floor;
      cells.push({
        redPrice,
        floor,
        result,
        floorMet: result.floorMet,
        blueWins: greaterThanOrEqual(result.landedPerUnit, blue),
      });
    }
  }
  return cells;
}

/** A cell as an answer prints it: the single floor-gap answer's figures and decisions. */
export interface ReportedSweepCell {
  readonly redPrice: Decimal;
  readonly floor: Decimal;
  readonly result: ReportedFloorGap;
  readonly floorMet: boolean;
  readonly blueWins: boolean;
}

/**
 * The cells rounded the way `/v1/floor-gap` reports the same inputs (reportFloorGap: R, the duty
 * and landed = R + d each rounded once from its exact value). floorMet (R + d ≥ F) and blueWins (a
 * tie goes to blue) are the exact decisions, never taken on the printed figures, and the printed
 * landed price and floor read as floorMet says (landedPerUnit ≥ floor): each at 4 places unless
 * that would put a landed price on or across its floor, then with more, up to 10 (capped at
 * 0.599999, red 10 lands at exactly 15.99999 under a floor of 16: "15.99999", floorMet false). A
 * floor is printed alike in every cell of its column (`roundThresholdAbove` against every landed
 * price of the grid below it), so a column is one floor. blueWins is the decision the break-even
 * prices are solved on, so a cell never says blue wins below the answer's own maxRedPriceForRed:
 * red 11.99999 capped at 0.25 lands at 14.9999875 < 15 (printed 15.0000) and red still wins.
 */
export function reportSweepCells(
  cells: readonly SweepCell[],
  mode: RoundingMode,
): ReportedSweepCell[] {
  // The landed prices under each floor, by the floor's value (a floor listed twice is one column);
  // the cells of a column share the grid's floor, so its text is written once.
  const keys = new Map<Decimal, string>();
  const keyOf = (floor: Decimal) => {
    let key = keys.get(floor);
    if (key === undefined) {
      key = toPlain(floor);
      keys.set(floor, key);
    }
    return key;
  };
  const below = new Map<string, { floor: Decimal; under: Decimal[] }>();
  for (const cell of cells) {
    const key = keyOf(cell.floor);
    const column = below.get(key) ?? { floor: cell.floor, under: [] };
    if (!cell.result.floorMet) column.under.push(cell.result.landedPerUnit);
    below.set(key, column);
  }
  const floors = new Map(
    [...below].map(([key, c]) => [key, roundThresholdAbove(c.floor, c.under, mode)]),
  );
  return cells.map((cell) => {
    const floor = floors.get(keyOf(cell.floor)) ?? roundThresholdAbove(cell.floor, [], mode);
    const result = reportFloorGap(cell.result, cell.floor, mode, floor);
    return {
      redPrice: roundPerUnit(cell.redPrice, mode),
      floor: result.floor,
      result,
      floorMet: result.floorMet,
      blueWins: cell.blueWins,
    };
  });
}

export interface SweepBreakEven {
  /**
   * The lowest red price of the grid: minMaxRateForBlue, and minFloorForBlue under every method but
   * all-or-nothing, are solved at it and hold for every red price above.
   */
  readonly atRedPrice: Decimal;
  /** The highest floor of the grid: below maxRedPriceForRed red wins at every floor of the grid. */
  readonly atFloor: Decimal;
  readonly minFloorForBlue: BreakEven;
  readonly maxRedPriceForRed: BreakEven;
  readonly minMaxRateForBlue: BreakEven;
}

const lowest = (xs: readonly Decimal[]): Decimal =>
  xs.reduce((a, b) => (compare(b, a) < 0 ? b : a));
const highest = (xs: readonly Decimal[]): Decimal =>
  xs.reduce((a, b) => (compare(b, a) > 0 ? b : a));

/**
 * The grid's break-even prices, solved in closed form (see break-even.ts). Red's landed cost rises
 * with the floor, so the hardest case for red is the grid's highest floor: `maxRedPriceForRed` is
 * the red price below which red wins at every floor of the grid. `minFloorForBlue` is the lowest
 * floor with which blue wins at every red price of the grid: the highest of the red prices' own
 * answers (`minFloorForBlueOverGrid`), the lowest red price's wherever red's landed cost rises with
 * its price (every method but all-or-nothing). Null without a blue price (blue then offers at the
 * floor itself).
 */
export function sweepBreakEven(input: SweepInput): SweepBreakEven {
  const atRedPrice = lowest(input.redPrices);
  const atFloor = highest(input.floors);
  if (input.bluePrice === null) {
    const none: BreakEven = {
      value: null,
      reason:
        'give bluePrice: without it blue offers at each floor, and there is no price to break even with',
    };
    return {
      atRedPrice,
      atFloor,
      minFloorForBlue: none,
      maxRedPriceForRed: none,
      minMaxRateForBlue: none,
    };
  }
  const competition: Competition = {
    bluePrice: input.bluePrice,
    otherDutyRate: input.otherDutyRate,
    basis: input.basis,
    method: input.method,
  };
  const red = atRedPrice;
  const floor = atFloor;
  return {
    atRedPrice,
    atFloor,
    minFloorForBlue: minFloorForBlueOverGrid(input.redPrices, competition),
    maxRedPriceForRed: maxRedPriceForRed(floor, competition),
    minMaxRateForBlue: minMaxRateForBlue(red, floor, competition),
  };
}
