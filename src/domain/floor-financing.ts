import { type Dec, nonNegative } from './decimal';

export interface FloorFinancingInput {
  /** F: the floor per unit. */
  readonly floor: Dec;
  /** M: the market (benchmark) price per unit, same unit and currency. */
  readonly marketPrice: Dec;
  /** Q: units sold. */
  readonly quantity: Dec;
  /** s: the government's share of the upside above the floor (0.3 in the DoD–MP deal). */
  readonly upsideShare: Dec;
}

/** A border floor: buyers pay the gap as a duty and the treasury collects it. */
export interface BorderFloorFinancing {
  /** max(0, F − M). */
  readonly dutyPerUnit: Dec;
  /** max(F, M): market price plus the duty. */
  readonly buyerPricePerUnit: Dec;
  /** dutyPerUnit × Q. */
  readonly buyersPay: Dec;
  /** dutyPerUnit × Q: the same money, received. */
  readonly treasuryCollects: Dec;
}

/** A producer-side floor: the government tops the producer up to the floor and shares the upside. */
export interface ProducerFloorFinancing {
  /** max(0, F − M). */
  readonly topUpPerUnit: Dec;
  /** s × max(0, M − F). */
  readonly upsidePerUnit: Dec;
  /** topUpPerUnit × Q. */
  readonly governmentPays: Dec;
  /** upsidePerUnit × Q. */
  readonly governmentCollects: Dec;
  /** governmentPays − governmentCollects (negative when the government comes out ahead). */
  readonly governmentNet: Dec;
  /** M: buyers pay the market price. */
  readonly buyerPricePerUnit: Dec;
  /** M + topUpPerUnit − upsidePerUnit. */
  readonly producerReceivesPerUnit: Dec;
}

export interface FloorFinancingResult {
  readonly border: BorderFloorFinancing;
  readonly producerSide: ProducerFloorFinancing;
}

/** Border floor: duty d = max(0, F − M) per unit, buyers pay max(F, M); d × Q goes to the treasury. */
export function borderFloorFinancing(
  floor: Dec,
  marketPrice: Dec,
  quantity: Dec,
): BorderFloorFinancing {
  const dutyPerUnit = nonNegative(floor.minus(marketPrice));
  const collected = dutyPerUnit.times(quantity);
  return {
    dutyPerUnit,
    buyerPricePerUnit: marketPrice.plus(dutyPerUnit),
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
  const topUpPerUnit = nonNegative(floor.minus(marketPrice));
  const upsidePerUnit = upsideShare.times(nonNegative(marketPrice.minus(floor)));
  const governmentPays = topUpPerUnit.times(quantity);
  const governmentCollects = upsidePerUnit.times(quantity);
  return {
    topUpPerUnit,
    upsidePerUnit,
    governmentPays,
    governmentCollects,
    governmentNet: governmentPays.minus(governmentCollects),
    buyerPricePerUnit: marketPrice,
    producerReceivesPerUnit: marketPrice.plus(topUpPerUnit).minus(upsidePerUnit),
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
