import { add, type Decimal, sum } from '../../numeric';
import { costsOnTop } from './customs-value';
import type { Shipment } from './shipment';

export interface LandedCostTotals {
  readonly duties: Decimal;
  readonly fees: Decimal;
  readonly landedCost: Decimal;
}

/** landedCost = goods + freight + insurance (each once) + duties + fees. */
export function landedCostTotals(
  shipment: Shipment,
  dutyAmounts: readonly Decimal[],
  feeAmounts: readonly Decimal[],
): LandedCostTotals {
  const onTop = costsOnTop(shipment);
  return totalsOf(shipment.goods, onTop.freight, onTop.insurance, dutyAmounts, feeAmounts);
}

function totalsOf(
  goods: Decimal,
  freight: Decimal,
  insurance: Decimal,
  dutyAmounts: readonly Decimal[],
  feeAmounts: readonly Decimal[],
): LandedCostTotals {
  const duties = sum(dutyAmounts);
  const fees = sum(feeAmounts);
  return {
    duties,
    fees,
    landedCost: add(add(add(add(goods, freight), insurance), duties), fees),
  };
}

/** A landed cost as reported: every part rounded once, every total the sum of reported parts. */
export interface ReportedLandedCost extends LandedCostTotals {
  readonly goods: Decimal;
  readonly customsValue: Decimal;
  readonly freight: Decimal;
  readonly insurance: Decimal;
  /** Each duty line's amount, in the order of the duty lines. */
  readonly dutyLines: readonly Decimal[];
  /** Each fee line's amount, in the order of the fee charges. */
  readonly feeLines: readonly Decimal[];
}

/**
 * Reported parts add up, as on a customs entry summary (CBP Form 7501 totals the duty of its
 * lines as shown): goods, customs value, freight, insurance and every duty and fee line are each
 * rounded once by `round` (to the currency's minor unit); duties = Σ reported duty lines, fees =
 * Σ reported fee lines, landedCost = goods + freight + insurance + duties + fees as reported.
 */
export function reportedLandedCost(
  shipment: Shipment,
  value: Decimal,
  dutyAmounts: readonly Decimal[],
  feeAmounts: readonly Decimal[],
  round: (x: Decimal) => Decimal,
): ReportedLandedCost {
  const onTop = costsOnTop(shipment);
  // Parts inside the price (CFR/CIF freight, insurance) are reported as zero: each part counted
  // once, like the exact totals.
  const goods = round(shipment.goods);
  const freight = round(onTop.freight);
  const insurance = round(onTop.insurance);
  const dutyLines = dutyAmounts.map(round);
  const feeLines = feeAmounts.map(round);
  // Sums of rounded parts are already at the minor unit; rounding them again changes no digit
  // and gives an empty list ("no fees") the same scale: "0.00".
  const totals = totalsOf(goods, freight, insurance, dutyLines, feeLines);
  return {
    duties: round(totals.duties),
    fees: round(totals.fees),
    landedCost: round(totals.landedCost),
    goods,
    customsValue: round(value),
    freight,
    insurance,
    dutyLines,
    feeLines,
  };
}
