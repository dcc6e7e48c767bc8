import { type Decimal, multiply } from '../../numeric';
import { minorUnits, type Ratio, type RoundingMode, roundMoney } from '../rounding';
import { kgPerUnit } from '../units';
import { customsEntries, entryFees } from './customs-entry';
import { customsValue } from './customs-value';
import { assessDuties, type DutyCharge, type DutyLine } from './duties';
import { type FeeCharge, type FeeLine, feeLine, ownFees } from './fees';
import type { Shipment } from './shipment';
import {
  type LandedCostTotals,
  landedCostTotals,
  type ReportedLandedCost,
  reportedLandedCost,
} from './totals';

/** One line: the shipment and the charges in force on it, all in the reporting currency. */
export interface LandedCostInput {
  readonly shipment: Shipment;
  /** Duties in the order assessDuties takes them: ad valorem, specific, then floor-gap. */
  readonly duties: readonly DutyCharge[];
  readonly fees: readonly FeeCharge[];
  /** The reporting currency: every reported part is rounded once to its minor unit. */
  readonly currency: string;
  readonly rounding: RoundingMode;
}

/** A line of a batch: lines sharing an entryId (and currency) form one customs entry. */
export interface EntryLineInput extends LandedCostInput {
  readonly entryId?: string | undefined;
}

/** The landed cost of one line: customs value, duty lines, fees, exact totals and reported parts. */
export interface LandedCost {
  readonly customsValue: Decimal;
  readonly dutyLines: readonly DutyLine[];
  /** One line per fee charge: the line's own fee, or its share of its customs entry's fee. */
  readonly feeLines: readonly FeeLine[];
  /** Exact totals, before any rounding. */
  readonly totals: LandedCostTotals;
  /** What the answer reports: each part rounded once, totals summed from the reported parts. */
  readonly reported: ReportedLandedCost;
  /**
   * The reported landedCost / quantity, per the shipment's unit: the figure a reader gets dividing
   * the landed cost the answer prints by the quantity it names. A ratio, rounded once when reported.
   */
  readonly landedPerUnit: Ratio;
  /** The reported landedCost / quantity in kg: the same object as landedPerUnit when the unit is kg. */
  readonly landedPerKg: Ratio;
  /** The reported duties / the reported customs value (0/0 where the customs value prints 0). */
  readonly effectiveDutyRate: Ratio;
  /** duties / customs value before rounding: the rate a model (trade effects) applies per unit. */
  readonly exactDutyRate: Ratio;
}

type Duties = Pick<LandedCost, 'customsValue' | 'dutyLines'>;

function dutiesOf(input: LandedCostInput, value = customsValue(input.shipment)): Duties {
  const { quantity, unit } = input.shipment;
  return { customsValue: value, dutyLines: assessDuties(input.duties, value, quantity, unit) };
}

function withFees(
  input: LandedCostInput,
  duties: Duties,
  feeAmounts: readonly Decimal[],
): LandedCost {
  const { shipment } = input;
  const value = duties.customsValue;
  const dutyAmounts = duties.dutyLines.map((l) => l.amount);
  const totals = landedCostTotals(shipment, dutyAmounts, feeAmounts);
  const reported = reportedLandedCost(shipment, value, dutyAmounts, feeAmounts, (x) =>
    roundMoney(x, input.currency, input.rounding),
  );
  // The ratios the answer prints divide the figures it prints (landed cost, duties, customs
  // value), so that a reader dividing them gets the same figure: 43.96 landed on 1 kg is 43.9600
  // per kg, not the 43.9552 of the exact sum its parts were rounded from.
  const landedPerUnit = { of: reported.landedCost, to: shipment.quantity };
  return {
    customsValue: value,
    dutyLines: duties.dutyLines,
    feeLines: input.fees.map((fee, i) => feeLine(fee, value, feeAmounts[i] as Decimal)),
    totals,
    reported,
    landedPerUnit,
    landedPerKg:
      shipment.unit === 'kg'
        ? landedPerUnit
        : { of: reported.landedCost, to: multiply(shipment.quantity, kgPerUnit(shipment.unit)) },
    effectiveDutyRate: { of: reported.duties, to: reported.customsValue },
    exactDutyRate: { of: totals.duties, to: value },
  };
}

/**
 * The landed cost of a line that is a customs entry of its own: customs value on the
 * destination's basis, duties in order, each fee clamped on the line alone, totals, and the parts
 * as reported (each rounded once, totals the sums of the reported parts).
 */
export function landedCost(input: LandedCostInput): LandedCost {
  const duties = dutiesOf(input);
  return withFees(input, duties, ownFees(input.fees, duties.customsValue));
}

/**
 * The landed cost of every line of a batch, in order: each line's duties alone, then the fees of
 * each customs entry (customsEntries) clamped on the entry and shared across its lines
 * (entryFees, in the minor unit and rounding of the entry's first line), the other lines' fees on
 * their own.
 */
export function landedCostOfEntries(lines: readonly EntryLineInput[]): LandedCost[] {
  const costOf = entryCosts(lines);
  return lines.map((_, i) => costOf(i));
}

/**
 * landedCostOfEntries one line at a time: the customs values and the entries' fees are settled
 * for every line at once (an entry's fee needs all its lines), and the i-th line's landed cost
 * (its duties, totals, reported parts and ratios) is made when asked for, so that a batch need not
 * hold every line's landed cost, or duty lines, at once.
 */
export function entryCosts(lines: readonly EntryLineInput[]): (i: number) => LandedCost {
  const values = lines.map((line) => customsValue(line.shipment));
  const entries = customsEntries(lines);
  // A line of an entry of several lines owes a share of the entry's fees (below), not its own.
  const shared = new Set(entries.flat());
  const fees = lines.map((line, i) =>
    shared.has(i) ? [] : ownFees(line.fees, values[i] as Decimal),
  );
  for (const members of entries) {
    const first = lines[members[0] as number] as EntryLineInput;
    const shares = entryFees(
      members.map((i) => ({
        customsValue: values[i] as Decimal,
        fees: (lines[i] as EntryLineInput).fees,
      })),
      minorUnits(first.currency),
      first.rounding,
    );
    members.forEach((line, k) => {
      fees[line] = shares[k] as Decimal[];
    });
  }
  return (i) => {
    const line = lines[i];
    if (line === undefined) throw new RangeError(`no line ${i} in this batch`);
    return withFees(line, dutiesOf(line, values[i]), fees[i] as Decimal[]);
  };
}
