import {
  add,
  CARRIED_PLACES,
  carry,
  type Decimal,
  divide,
  multiply,
  nonNegative,
  ONE,
  subtract,
  ZERO,
} from '../numeric';
import { carriedQuotient, overCommonDenominator } from './common-denominator';
import type { Ratio } from './rounding';

export interface FloorFinancingInput {
  /** F: the floor per unit. */
  readonly floor: Decimal;
  /** D: what buyers in the floor zone buy, units per period. */
  readonly demand: Decimal;
  /** Q: what the floor-protected producer sells, units per period. */
  readonly domesticOutput: Decimal;
  /** M_t: the market price per unit in each period, same unit and currency as F (one or more). */
  readonly marketPrices: readonly Decimal[];
  /** s: the government's share of the upside above A (0.3 in the DoD–MP deal). */
  readonly upsideShare: Decimal;
  /** A: the price above which the upside is shared; default F (DoD–MP), 150 in Lynas–JARE. */
  readonly upsideAbove?: Decimal;
  /** The first period (1-based) from which the upside is shared; earlier periods share none. */
  readonly upsideFromPeriod: number;
  /** r: the discount rate per period, for present values; zero discounts nothing. */
  readonly discountRate: Decimal;
}

/**
 * The input with F, each M_t, A, D and Q as exact quotients: restated per the floor's unit (from
 * per lb, ex-VAT, or a volume in another unit) a figure need not terminate.
 */
export interface FloorFinancingQuotients
  extends Omit<
    FloorFinancingInput,
    'floor' | 'demand' | 'domesticOutput' | 'marketPrices' | 'upsideAbove'
  > {
  readonly floor: Ratio;
  readonly demand: Ratio;
  readonly domesticOutput: Ratio;
  readonly marketPrices: readonly Ratio[];
  readonly upsideAbove?: Ratio;
}

/**
 * What `floorFinancing` is run on: `perUnit`, each price and volume a decimal (carried where it does
 * not terminate, as the answer prints them per unit), and `exact`, the prices and the volumes each
 * over one denominator. Every flow is a per-unit price difference (homogeneous of degree one in the
 * prices) times a volume (homogeneous of degree one in the volumes), so a flow of `exact` is the flow
 * times `denominator`, exact, and is divided by it once, when it is reported: 0.25 kg at a gap per
 * lb is never 0.25 / 0.45359237 lb cut to 100 places.
 */
export function floorFinancingInputs(q: FloorFinancingQuotients): {
  readonly perUnit: FloorFinancingInput;
  readonly exact: FloorFinancingInput;
  readonly denominator: Decimal;
} {
  const { upsideShare, upsideFromPeriod, discountRate } = q;
  const common = { upsideShare, upsideFromPeriod, discountRate };
  const above = q.upsideAbove === undefined ? [] : [q.upsideAbove];
  const prices = overCommonDenominator([q.floor, ...above, ...q.marketPrices]);
  const [floor = ZERO, ...rest] = prices.numerators;
  const volumes = overCommonDenominator([q.demand, q.domesticOutput] as const);
  const [demand, domesticOutput] = volumes.numerators;
  return {
    perUnit: {
      ...common,
      floor: carriedQuotient(q.floor),
      demand: carriedQuotient(q.demand),
      domesticOutput: carriedQuotient(q.domesticOutput),
      marketPrices: q.marketPrices.map(carriedQuotient),
      ...(q.upsideAbove === undefined ? {} : { upsideAbove: carriedQuotient(q.upsideAbove) }),
    },
    exact: {
      ...common,
      floor,
      demand,
      domesticOutput,
      marketPrices: rest.slice(above.length),
      ...(q.upsideAbove === undefined ? {} : { upsideAbove: rest[0] as Decimal }),
    },
    denominator: multiply(prices.denominator, volumes.denominator),
  };
}

/**
 * Who gains and who pays in one period, in money (not rounded). netPublicCost = governmentOutlay −
 * treasuryRevenue: negative when the public purse comes out ahead.
 */
export interface RegimeFlows {
  readonly buyersExtraCost: Decimal;
  readonly producerGain: Decimal;
  readonly treasuryRevenue: Decimal;
  readonly governmentOutlay: Decimal;
  readonly netPublicCost: Decimal;
}

/** A border floor in one period: a duty of max(0, F − M) on imports, the domestic price at max(F, M). */
export interface BorderFloorPeriod extends RegimeFlows {
  /** max(0, F − M). */
  readonly dutyPerUnit: Decimal;
  /** M + dutyPerUnit = max(F, M). */
  readonly buyerPricePerUnit: Decimal;
  /** max(0, D − Q): the imports the duty falls on. */
  readonly imports: Decimal;
}

/** A producer-side floor in one period: a top-up to the producer, buyers at the market price. */
export interface ProducerFloorPeriod extends RegimeFlows {
  /** max(0, F − M). */
  readonly topUpPerUnit: Decimal;
  /** s × max(0, M − A) from the upside period on, else 0. */
  readonly upsidePerUnit: Decimal;
  /** M. */
  readonly buyerPricePerUnit: Decimal;
  /** M + topUpPerUnit − upsidePerUnit. */
  readonly producerReceivesPerUnit: Decimal;
}

export interface FinancingPeriod {
  /** 1, 2, …: the period's number. */
  readonly period: number;
  readonly marketPrice: Decimal;
  /** 1 / (1 + r)^period, carried to CARRIED_PLACES: flows are discounted at period end. */
  readonly discountFactor: Decimal;
  readonly border: BorderFloorPeriod;
  readonly producerSide: ProducerFloorPeriod;
}

function flows(
  buyersExtraCost: Decimal,
  producerGain: Decimal,
  treasuryRevenue: Decimal,
  governmentOutlay: Decimal,
): RegimeFlows {
  return {
    buyersExtraCost,
    producerGain,
    treasuryRevenue,
    governmentOutlay,
    netPublicCost: subtract(governmentOutlay, treasuryRevenue),
  };
}

/**
 * Border floor: every unit bought in the zone costs max(F, M), so buyers pay the gap on all of D;
 * the producer sells at most D at home and gains the gap on min(Q, D); the duty falls on the
 * imports max(0, D − Q). Buyers' extra cost = producer gain + treasury revenue (money is conserved).
 */
export function borderFloorPeriod(
  floor: Decimal,
  marketPrice: Decimal,
  demand: Decimal,
  output: Decimal,
): BorderFloorPeriod {
  const dutyPerUnit = nonNegative(subtract(floor, marketPrice));
  const imports = nonNegative(subtract(demand, output));
  const soldAtHome = subtract(demand, imports);
  return {
    dutyPerUnit,
    buyerPricePerUnit: add(marketPrice, dutyPerUnit),
    imports,
    ...flows(
      multiply(dutyPerUnit, demand),
      multiply(dutyPerUnit, soldAtHome),
      multiply(dutyPerUnit, imports),
      ZERO,
    ),
  };
}

/**
 * Producer-side floor, a contract for difference (DoD–MP Materials, July 2025: $110/kg NdPr, 30%
 * of the upside above it to DoD): buyers pay M; the government pays max(0, F − M) on Q and, when
 * sharing, collects s × max(0, M − A) on Q (A = F unless the contract sets another threshold).
 * The producer's gain is the top-up less the upside it gives up.
 */
export function producerFloorPeriod(
  floor: Decimal,
  marketPrice: Decimal,
  output: Decimal,
  upsideShare: Decimal,
  upsideAbove: Decimal = floor,
): ProducerFloorPeriod {
  const topUpPerUnit = nonNegative(subtract(floor, marketPrice));
  const upsidePerUnit = multiply(upsideShare, nonNegative(subtract(marketPrice, upsideAbove)));
  const outlay = multiply(topUpPerUnit, output);
  const collected = multiply(upsidePerUnit, output);
  return {
    topUpPerUnit,
    upsidePerUnit,
    buyerPricePerUnit: marketPrice,
    producerReceivesPerUnit: subtract(add(marketPrice, topUpPerUnit), upsidePerUnit),
    ...flows(ZERO, subtract(outlay, collected), collected, outlay),
  };
}

/**
 * 1 / (1 + r)^t for t = 1 … periods, each the previous one divided by 1 + r and carried to
 * CARRIED_PLACES. Each step adds at most one unit in the last carried place and dividing by
 * 1 + r ≥ 1 never enlarges an earlier error, so the t-th factor is within t units of the 100th
 * place of the exact one. (The exact power would grow by r's digits every period: 600 periods of
 * a 37-digit rate is a 22,000-digit number.)
 */
export function discountFactors(rate: Decimal, periods: number): Decimal[] {
  const base = add(ONE, rate);
  const factors: Decimal[] = [];
  let factor = ONE;
  for (let t = 1; t <= periods; t += 1) {
    factor = divide(factor, base, CARRIED_PLACES, carry);
    factors.push(factor);
  }
  return factors;
}

/**
 * The same floor F financed two ways over a path of market prices, one period per price: at the
 * border (buyers pay, the treasury collects) or producer-side (the government pays). Money per
 * period in the price's currency; nothing is rounded here.
 */
export function floorFinancing(input: FloorFinancingInput): FinancingPeriod[] {
  const {
    floor,
    demand,
    domesticOutput,
    upsideShare,
    upsideAbove,
    upsideFromPeriod,
    discountRate,
  } = input;
  const factors = discountFactors(discountRate, input.marketPrices.length);
  return input.marketPrices.map((marketPrice, i) => {
    const period = i + 1;
    const share = period >= upsideFromPeriod ? upsideShare : ZERO;
    return {
      period,
      marketPrice,
      discountFactor: factors[i] ?? ONE,
      border: borderFloorPeriod(floor, marketPrice, demand, domesticOutput),
      producerSide: producerFloorPeriod(
        floor,
        marketPrice,
        domesticOutput,
        share,
        upsideAbove ?? floor,
      ),
    };
  });
}

/** No money moves. */
const NO_FLOWS: RegimeFlows = {
  buyersExtraCost: ZERO,
  producerGain: ZERO,
  treasuryRevenue: ZERO,
  governmentOutlay: ZERO,
  netPublicCost: ZERO,
};

function addFlows(a: RegimeFlows, b: RegimeFlows): RegimeFlows {
  return {
    buyersExtraCost: add(a.buyersExtraCost, b.buyersExtraCost),
    producerGain: add(a.producerGain, b.producerGain),
    treasuryRevenue: add(a.treasuryRevenue, b.treasuryRevenue),
    governmentOutlay: add(a.governmentOutlay, b.governmentOutlay),
    netPublicCost: add(a.netPublicCost, b.netPublicCost),
  };
}

/** Flows scaled by a discount factor (exact products; rounded only when reported). */
function discounted(f: RegimeFlows, factor: Decimal): RegimeFlows {
  return {
    buyersExtraCost: multiply(f.buyersExtraCost, factor),
    producerGain: multiply(f.producerGain, factor),
    treasuryRevenue: multiply(f.treasuryRevenue, factor),
    governmentOutlay: multiply(f.governmentOutlay, factor),
    netPublicCost: multiply(f.netPublicCost, factor),
  };
}

/**
 * Flows as reported (reported parts add up): the independent parts rounded once by
 * `round`, every other figure the sum or difference of reported parts. At the border buyers' cost
 * = producer gain + treasury revenue; producer-side the producer's gain = outlay − revenue, to the
 * cent; net public cost = outlay − revenue in both.
 */
export function reportedFlows(
  f: RegimeFlows,
  border: boolean,
  round: (x: Decimal) => Decimal,
): RegimeFlows {
  const treasuryRevenue = round(f.treasuryRevenue);
  const governmentOutlay = round(f.governmentOutlay);
  const producerGain = border ? round(f.producerGain) : subtract(governmentOutlay, treasuryRevenue);
  return {
    buyersExtraCost: border ? add(producerGain, treasuryRevenue) : ZERO,
    producerGain,
    treasuryRevenue,
    governmentOutlay,
    netPublicCost: subtract(governmentOutlay, treasuryRevenue),
  };
}

/** Both regimes' flows, as reported. */
export interface RegimesReported {
  readonly border: RegimeFlows;
  readonly producerSide: RegimeFlows;
}

/** The periods and what an answer reports of them, every figure rounded once. */
export interface FloorFinancingReport {
  /** The exact periods (per-unit figures are rounded when written). */
  readonly periods: readonly FinancingPeriod[];
  /** Each period's flows as reported, in the order of `periods`. */
  readonly reported: readonly RegimesReported[];
  /** The sums of the periods' reported flows, so that they add up to what the periods show. */
  readonly total: RegimesReported;
  /** Σ each period's exact flows × its discount factor, reported as one figure per part. */
  readonly presentValue: RegimesReported;
}

/** What an answer reports of the periods: each period's flows, their totals and present values. */
export function reportFloorFinancing(
  periods: readonly FinancingPeriod[],
  round: (x: Decimal) => Decimal,
): FloorFinancingReport {
  const reported = periods.map((p) => ({
    border: reportedFlows(p.border, true, round),
    producerSide: reportedFlows(p.producerSide, false, round),
  }));
  const pv = (pick: (p: FinancingPeriod) => RegimeFlows, border: boolean) =>
    reportedFlows(
      periods.map((p) => discounted(pick(p), p.discountFactor)).reduce(addFlows, NO_FLOWS),
      border,
      round,
    );
  return {
    periods,
    reported,
    total: {
      border: reported.map((r) => r.border).reduce(addFlows, NO_FLOWS),
      producerSide: reported.map((r) => r.producerSide).reduce(addFlows, NO_FLOWS),
    },
    presentValue: {
      border: pv((p) => p.border, true),
      producerSide: pv((p) => p.producerSide, false),
    },
  };
}
