import {
  add,
  compare,
  type Decimal,
  divide,
  halfUp,
  isZero,
  multiply,
  ONE,
  subtract,
  toPlain,
  toText,
  ZERO,
} from '../numeric';
import { type FloorBasis, type FloorGapMethod, referencePrice } from './floor-gap';
import type { Ratio } from './rounding';

/**
 * A break-even answer: the exact value of / to (divided once, when it is reported), with a note
 * where it needs one (e.g. "any floor above it"), or null with the reason no value works.
 */
export type BreakEven =
  | { readonly value: Ratio; readonly note?: string }
  | { readonly value: null; readonly reason: string };

export interface Competition {
  /** B: the allied offer per unit, landed with no duty (the floor-gap duty never applies to it). */
  readonly bluePrice: Decimal;
  /** r: ad valorem rate of red's other duties. */
  readonly otherDutyRate: Decimal;
  readonly basis: FloorBasis;
  readonly method: FloorGapMethod;
}

/** How a note begins when the value itself does not work, only every floor above it. */
export const ANY_FLOOR_ABOVE = 'any floor above this value';

const whole = (x: Decimal): Ratio => ({ of: x, to: ONE });
const quotient = (of: Decimal, to: Decimal): Ratio => ({ of, to });
const atLeast = (a: Decimal, b: Decimal) => compare(a, b) >= 0;
const text = (x: Decimal) => toPlain(x);

/**
 * k = R / P: the reference price per unit of red price, from the floor-gap calculator's own
 * `referencePrice` (1 + r on the duty-paid basis, 1 on the customs-value basis). Red lands at
 * R + d (the floor-gap calculator's `landedPerUnit`).
 */
function referenceFactor(c: Competition): Decimal {
  return referencePrice(ONE, c.otherDutyRate, c.basis);
}

/**
 * One linear piece of a tranche schedule with trigger T = F: for a gap g with l·F < g ≤ h·F the
 * duty is C·F + s·(g − l·F), C being the duty on the bands below (Σ s_j × (u_j − u_{j−1})).
 * `h` null = no upper bound; the piece past a bounded last band taxes nothing more (s = 0).
 */
interface TranchePiece {
  readonly l: Decimal;
  readonly h: Decimal | null;
  readonly s: Decimal;
  readonly c: Decimal;
}

function tranchePieces(bands: readonly { upTo: Decimal | null; share: Decimal }[]): TranchePiece[] {
  const pieces: TranchePiece[] = [];
  let l = ZERO;
  let c = ZERO;
  for (const band of bands) {
    pieces.push({ l, h: band.upTo, s: band.share, c });
    if (band.upTo === null) return pieces;
    c = add(c, multiply(band.share, subtract(band.upTo, l)));
    l = band.upTo;
  }
  pieces.push({ l, h: null, s: ZERO, c });
  return pieces;
}

/** Gap fractions stop at 1: the gap F − R never exceeds F, so a band past it is never reached. */
function reachable(piece: TranchePiece): boolean {
  return compare(piece.l, ONE) < 0;
}

function unboundedWithin(piece: TranchePiece): boolean {
  return piece.h === null || atLeast(piece.h, ONE);
}

/**
 * The lowest floor F at which the allied offer wins against red supply at price P (tie → blue):
 * red lands at R + d(F) with R = k·P, d nondecreasing in F and linear between the tranche band
 * edges, so the answer is the one band's closed form, never a search:
 * - full-gap: d = F − R, so F = B; capped: F = B when maxRate × P ≥ B − R, else none;
 * - all-or-nothing: any F above R when penaltyRate × P ≥ B − R, else none;
 * - tranche (T = F): in the band where the gap fraction 1 − R/F lies in (l, h], d = a·F − s·R with
 *   a = s·(1 − l) + C, so F = (B − R + s·R) / a. E.g. WTO bands, P = 10, B = 15: band (0.60, 0.75],
 *   d = 0.70·(F − 10 − 0.60F) + 0.19F = 0.47F − 7 = 5 → F = 12 / 0.47 = 25.5319…
 */
export function minFloorForBlue(redPrice: Decimal, c: Competition): BreakEven {
  const reference = multiply(redPrice, referenceFactor(c));
  const need = subtract(c.bluePrice, reference);
  if (compare(need, ZERO) <= 0)
    return { value: whole(ZERO), note: 'blue competes without a floor' };
  const m = c.method;
  switch (m.type) {
    case 'full-gap':
      return { value: whole(c.bluePrice) };
    case 'capped': {
      const cap = multiply(m.maxRate, redPrice);
      if (atLeast(cap, need)) return { value: whole(c.bluePrice) };
      return {
        value: null,
        reason: `no floor works: the capped duty is at most maxRate × P = ${text(cap)}, less than the ${text(need)} red needs to reach blue’s price`,
      };
    }
    case 'all-or-nothing': {
      const penalty = multiply(m.penaltyRate, redPrice);
      if (atLeast(penalty, need)) {
        return {
          value: whole(reference),
          note: `${ANY_FLOOR_ABOVE}: the penalty applies only when the reference price is below the floor`,
        };
      }
      return {
        value: null,
        reason: `no floor works: the penalty penaltyRate × P = ${text(penalty)} is less than the ${text(need)} red needs to reach blue’s price`,
      };
    }
    case 'tranche':
      return trancheMinFloor(reference, need, tranchePieces(m.bands));
  }
}

/**
 * minFloorForBlue over the grid's red prices: the lowest floor with which blue wins at every one of
 * them. Red's landed cost never falls as the floor rises (every method), so at one red price the
 * floors that work run from its answer up, and over the grid the answer is the highest of the red
 * prices' answers, none where one has none.
 * - Every method but all-or-nothing: red's landed cost also rises with its price, so the lowest red
 *   price has the highest answer: the grid's is the one at its lowest red price.
 * - all-or-nothing: red lands at (k + p)·P while its reference k·P is below the floor and at k·P
 *   from there, so a higher red price can need a higher floor. A floor works at the lowest red price
 *   only if (k + p)·P ≥ B there, and then at every higher one; a red price with k·P ≥ B needs none;
 *   each other red price needs a floor above its reference k·P. So the answer is "any floor above
 *   k·P" at the highest red price with k·P < B (red 10 and 14, blue 15, p = 0.6: above 14, not 10:
 *   under a floor of 12 red 14 pays no penalty and lands at 14 < 15).
 */
export function minFloorForBlueOverGrid(redPrices: readonly Decimal[], c: Competition): BreakEven {
  const lowest = redPrices.reduce((a, b) => (compare(b, a) < 0 ? b : a));
  const atLowest = minFloorForBlue(lowest, c);
  if (c.method.type !== 'all-or-nothing' || atLowest.value === null) return atLowest;
  const k = referenceFactor(c);
  let binding: Decimal | undefined;
  for (const p of redPrices) {
    const belowBlue = compare(multiply(p, k), c.bluePrice) < 0;
    if (belowBlue && (binding === undefined || compare(p, binding) > 0)) binding = p;
  }
  // Every reference reaches blue's price: blue competes without a floor at each red price.
  if (binding === undefined) return atLowest;
  return {
    value: whole(multiply(binding, k)),
    note: `${ANY_FLOOR_ABOVE}, the reference price at red ${text(binding)} (the highest red price of the grid whose reference is below blue’s price): the penalty applies only when the reference price is below the floor`,
  };
}

function trancheMinFloor(reference: Decimal, need: Decimal, pieces: TranchePiece[]): BreakEven {
  for (const p of pieces.filter(reachable)) {
    const a = add(multiply(p.s, subtract(ONE, p.l)), p.c);
    const numerator = add(need, multiply(p.s, reference)); // a·F = need + s·R
    if (unboundedWithin(p) || p.h === null) {
      if (isZero(a)) break; // d stays where it is however high the floor
      return { value: quotient(numerator, a) };
    }
    // Band top F = R / (1 − h): d there ≥ need ⇔ a·R ≥ (need + s·R)·(1 − h).
    const oneMinusH = subtract(ONE, p.h);
    if (atLeast(multiply(a, reference), multiply(numerator, oneMinusH)) && !isZero(a)) {
      return { value: quotient(numerator, a) };
    }
  }
  return {
    value: null,
    reason: 'no floor works: the tranche schedule never charges enough to lift red to blue’s price',
  };
}

/**
 * The red price below which red supply still lands cheaper than the allied offer at floor F (at it
 * the tie goes to blue): the largest X with k·P + d(P) < B at every P in [0, X). Where red's landed
 * cost is nondecreasing in P (every method but all-or-nothing) that is sup{P ≥ 0 : k·P + d(P) < B}.
 * Closed forms:
 * - full-gap: red lands at max(F, R): none when F ≥ B, else P = B / k (e.g. B = 17, r = 0.271
 *   duty-paid: 17 / 1.271 = 13.3753…);
 * - capped: red lands at min((k + m)·P, max(F, k·P)): P = B / (k + m) when B ≤ F, else B / k;
 * - all-or-nothing: red lands at (k + p)·P below P = F / k, where its reference reaches the floor,
 *   and at k·P from there: it wins on [0, min(F/k, B/(k+p))) and, when F < B, on [F/k, B/k). So
 *   P = B / (k + p) when that is below F / k (with the window [F/k, B/k) in a note when F < B: red
 *   10 and 14 under a floor of 12, blue 15, p = 0.6: red wins below 9.375 and on [12, 15), and
 *   blue at red 10, 10 × 1.6 = 16 ≥ 15); else B / k when F < B, F / k when F ≥ B;
 * - tranche: with g = F − R, red lands at h(g) = F − g + d(g), nonincreasing in g; in the band
 *   where h crosses B, g = (F·(1 + C − s·l) − B) / (1 − s) and P = (F − g) / k.
 */
export function maxRedPriceForRed(floor: Decimal, c: Competition): BreakEven {
  const k = referenceFactor(c);
  const b = c.bluePrice;
  if (isZero(b)) return { value: null, reason: 'blue’s price is 0: red never lands below it' };
  const m = c.method;
  switch (m.type) {
    case 'full-gap':
      if (atLeast(floor, b)) return floorAboveBlue(floor, b);
      return { value: quotient(b, k) };
    case 'capped':
      return atLeast(floor, b)
        ? { value: quotient(b, add(k, m.maxRate)) }
        : { value: quotient(b, k) };
    case 'all-or-nothing': {
      const kp = add(k, m.penaltyRate);
      const belowFloor = quotient(floor, k);
      const penalised = quotient(b, kp);
      // Below F/k red pays the penalty and wins while (k + p)·P < B; from F/k it pays none.
      const penaltyBinds = compare(multiply(b, k), multiply(floor, kp)) < 0; // B/(k+p) < F/k
      const lower = penaltyBinds ? penalised : belowFloor;
      if (compare(floor, b) >= 0) return { value: lower };
      if (!penaltyBinds) return { value: quotient(b, k) };
      // Red wins below B/(k+p), loses from there to F/k, wins again from F/k up to B/k: red wins
      // at every price below B/(k+p), not below B/k.
      return {
        value: penalised,
        note: `red wins below this value and again from ${describe(belowFloor)}, where its reference price reaches the floor and the penalty stops, up to ${describe(quotient(b, k))}; in between the penalty lifts it to blue’s price or above`,
      };
    }
    case 'tranche':
      if (compare(floor, b) < 0) return { value: quotient(b, k) };
      return trancheMaxRedPrice(floor, b, k, tranchePieces(m.bands));
  }
}

function describe(q: Ratio): string {
  return toText(divide(q.of, q.to, 4, halfUp));
}

function floorAboveBlue(floor: Decimal, blue: Decimal): BreakEven {
  return {
    value: null,
    reason: `the floor ${text(floor)} is at or above blue’s price ${text(blue)}: red lands at the floor or more at any price`,
  };
}

function trancheMaxRedPrice(
  floor: Decimal,
  blue: Decimal,
  k: Decimal,
  pieces: TranchePiece[],
): BreakEven {
  // h(g) = F − g + C·F + s·(g − l·F) on a piece; red wins where h(g) < B. Walk g upward from 0
  // (h(0) = F ≥ B) to the first piece whose top lands red below B.
  for (const p of pieces.filter(reachable)) {
    const top = unboundedWithin(p) || p.h === null ? ONE : p.h; // gap fraction at the top
    const atTop = add(
      add(subtract(floor, multiply(top, floor)), multiply(p.c, floor)),
      multiply(multiply(p.s, subtract(top, p.l)), floor),
    );
    if (compare(atTop, blue) < 0) {
      // F·(1 + C − s·l) − (1 − s)·g = B; h strictly falls here, so s < 1.
      const g = quotient(
        subtract(multiply(floor, subtract(add(ONE, p.c), multiply(p.s, p.l))), blue),
        subtract(ONE, p.s),
      );
      // P = (F − g) / k = (F·(1 − s) − g.of) / ((1 − s)·k)
      return { value: quotient(subtract(multiply(floor, g.to), g.of), multiply(g.to, k)) };
    }
  }
  return {
    value: null,
    reason: 'the tranche duty lifts red to blue’s price or more even at a red price of 0',
  };
}

/**
 * The smallest `maxRate` of a capped floor with which blue wins at red price P: red lands at
 * R + min(F − R, m·P), which reaches B only if F ≥ B and m ≥ (B − R) / P. Only the capped method
 * has a rate to solve for.
 */
export function minMaxRateForBlue(
  redPrice: Decimal,
  highestFloor: Decimal,
  c: Competition,
): BreakEven {
  if (c.method.type !== 'capped') {
    return {
      value: null,
      reason: `only the capped method has a maxRate (method is ${c.method.type})`,
    };
  }
  const need = subtract(c.bluePrice, multiply(redPrice, referenceFactor(c)));
  if (compare(need, ZERO) <= 0)
    return { value: whole(ZERO), note: 'blue competes without a floor duty' };
  if (compare(highestFloor, c.bluePrice) < 0) {
    return {
      value: null,
      reason: `no rate works: the highest floor ${text(highestFloor)} is below blue’s price ${text(c.bluePrice)}`,
    };
  }
  if (isZero(redPrice)) {
    return { value: null, reason: 'no rate works: a rate of a red price of 0 is 0' };
  }
  return { value: quotient(need, redPrice) };
}
