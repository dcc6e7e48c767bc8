import { add, type Decimal, multiply, nonNegative, subtract } from '../numeric';

export interface FloorFinancingInput {
  /** F: the floor per unit. */
  readonly floor: Decimal;
  /** M: the market (benchmark) price per unit, same unit and currency. */
  readonly marketPrice: Decimal;
  /**
   * Q: what one unit of price is multiplied by to make a total — the quantity in the floor's
   * unit, or any `amountFor`-style factor; multiplied, never divided here.
   */
  readonly quantity: Decimal;
  /** s: the government's share of the upside above the floor (0.3 in the DoD–MP deal). */
  readonly upsideShare: Decimal;
}

/** A border floor: buyers pay the gap as a duty and the treasury collects it. */
export interface BorderFloorFinancing {
  /** max(0, F − M). */
  readonly dutyPerUnit: Decimal;
  /** max(F, M): market price plus the duty. */
  readonly buyerPricePerUnit: Decimal;
  /** dutyPerUnit × Q. */
  readonly buyersPay: Decimal;
  /** dutyPerUnit × Q: the same money, received. */
  readonly treasuryCollects: Decimal;
}

/** A producer-side floor: the government tops the producer up to the floor and shares the upside. */
export interface ProducerFloorFinancing {
  /** max(0, F − M). */
  readonly topUpPerUnit: Decimal;
  /** s × max(0, M − F). */
  readonly upsidePerUnit: Decimal;
  /** topUpPerUnit × Q. */
  readonly governmentPays: Decimal;
  /** upsidePerUnit × Q. */
  readonly governmentCollects: Decimal;
  /** governmentPays − governmentCollects (negative when the government comes out ahead). */
  readonly governmentNet: Decimal;
  /** M: buyers pay the market price. */
  readonly buyerPricePerUnit: Decimal;
  /** M + topUpPerUnit − upsidePerUnit. */
  readonly producerReceivesPerUnit: Decimal;
}

export interface FloorFinancingResult {
  readonly border: BorderFloorFinancing;
  readonly producerSide: ProducerFloorFinancing;
}

/** Border floor: duty d = max(0, F − M) per unit, buyers pay max(F, M); d × Q goes to the treasury. */
export function borderFloorFinancing(
  floor: Decimal,
  marketPrice: Decimal,
  quantity: Decimal,
): BorderFloorFinancing {
  const dutyPerUnit = nonNegative(subtract(floor, marketPrice));
  const collected = multiply(dutyPerUnit, quantity);
  return {
    dutyPerUnit,
    buyerPricePerUnit: add(marketPrice, dutyPerUnit),
    buyersPay: collected,
    treasuryCollects: collected,
  };
}

/**
 * Producer-side floor, a contract for difference (DoD–MP Materials, July 2025: $110/kg NdPr, 30%
 * of the upside to DoD): the government pays max(0, F − M) × Q and collects s × max(0, M − F) × Q;
 * buyers pay M and the producer receives M + top-up − upside per unit.
 */
export function producerFloorFinancing(input: FloorFinancingInput): ProducerFloorFinancing {
  const { floor, marketPrice, quantity, upsideShare } = input;
  const topUpPerUnit = nonNegative(subtract(floor, marketPrice));
  const upsidePerUnit = multiply(upsideShare, nonNegative(subtract(marketPrice, floor)));
  const governmentPays = multiply(topUpPerUnit, quantity);
  const governmentCollects = multiply(upsidePerUnit, quantity);
  return {
    topUpPerUnit,
    upsidePerUnit,
    governmentPays,
    governmentCollects,
    governmentNet: subtract(governmentPays, governmentCollects),
    buyerPricePerUnit: marketPrice,
    producerReceivesPerUnit: subtract(add(marketPrice, topUpPerUnit), upsidePerUnit),
  };
}

/**
 * Who pays for the same floor F at market price M on Q units: buyers at the border, or the
 * government as a producer top-up. Totals in the price's currency; nothing is rounded here.
 */
export function floorFinancing(input: FloorFinancingInput): FloorFinancingResult {
  return {
    border: borderFloorFinancing(input.floor, input.marketPrice, input.quantity),
    producerSide: producerFloorFinancing(input),
  };
}
