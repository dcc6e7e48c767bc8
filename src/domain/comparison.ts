import { type Decimal, equal, negate, subtract } from '../numeric';

/** An answer's charge amounts by measure, in the answer's order. */
const byMeasure = (lines: readonly ReportedCharge[]) =>
  new Map(lines.map((l) => [l.measureId, l.amount]));

/** One charge line of an answer as it was reported: its measure and its rounded amount. */
export interface ReportedCharge {
  readonly measureId: string;
  readonly amount: Decimal;
}

/** The figures of a landed-cost answer a comparison reads, each as the answer reported it. */
export interface ReportedTotals {
  readonly lines: readonly ReportedCharge[];
  readonly duties: Decimal;
  readonly fees: Decimal;
  readonly landedCost: Decimal;
}

/** How a charge line differs in a variant from the first answer. */
export type ChargeChange = 'added' | 'removed' | 'changed';

export interface ChargeDelta {
  readonly measureId: string;
  readonly change: ChargeChange;
  /** The variant's reported amount less the first's (0 where a side has no such line). */
  readonly amountDelta: Decimal;
}

export interface TotalsDeltas {
  readonly duties: Decimal;
  readonly fees: Decimal;
  readonly landedCost: Decimal;
}

export interface Comparison {
  /** The charge lines that differ, the variant's own in its order, then those it no longer has. */
  readonly charges: readonly ChargeDelta[];
  readonly deltas: TotalsDeltas;
}

/**
 * A variant's answer against the first, from the figures both reported (reported parts add up):
 * each delta is the difference of two reported figures, never re-rounded, so where each answer's
 * duties and fees are the sums of its reported lines, Σ amountDelta = Δduties + Δfees, and
 * ΔlandedCost = Δduties + Δfees when goods, freight and insurance are the same. A line is `added`
 * (its amount − 0) or `removed` (0 − its amount) when only one answer has it, `changed` when both
 * do with different amounts; lines equal in both are left out.
 */
export function compareReported(first: ReportedTotals, variant: ReportedTotals): Comparison {
  const before = byMeasure(first.lines);
  const after = byMeasure(variant.lines);
  const charges: ChargeDelta[] = [];
  for (const [measureId, amount] of after) {
    const was = before.get(measureId);
    if (was === undefined) charges.push({ measureId, change: 'added', amountDelta: amount });
    else if (!equal(was, amount))
      charges.push({ measureId, change: 'changed', amountDelta: subtract(amount, was) });
  }
  for (const [measureId, amount] of before) {
    if (!after.has(measureId))
      charges.push({ measureId, change: 'removed', amountDelta: negate(amount) });
  }
  return {
    charges,
    deltas: {
      duties: subtract(variant.duties, first.duties),
      fees: subtract(variant.fees, first.fees),
      landedCost: subtract(variant.landedCost, first.landedCost),
    },
  };
}
