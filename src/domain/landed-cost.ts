import { type Dec, nonNegative, sum, ZERO } from './decimal';
import {
  type FloorBasis,
  type FloorGapMethod,
  type FloorGapResult,
  floorGapDuty,
} from './floor-gap';
import { convertQuantity, type Unit } from './units';

/** Incoterms 2020 the calculator accepts. */
export const INCOTERMS = ['EXW', 'FCA', 'FOB', 'CFR', 'CPT', 'CIF', 'CIP'] as const;
export type Incoterm = (typeof INCOTERMS)[number];

/** How a destination's customs values imports. */
export const VALUATION_BASES = ['FOB', 'CIF'] as const;
export type ValuationBasis = (typeof VALUATION_BASES)[number];

export const TRANSPORTS = ['ocean', 'air', 'truck', 'rail'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** What the invoice price already includes under an Incoterm: CFR/CPT freight, CIF/CIP both. */
export function priceIncludes(incoterm: Incoterm): { freight: boolean; insurance: boolean } {
  return {
    freight: ['CFR', 'CPT', 'CIF', 'CIP'].includes(incoterm),
    insurance: incoterm === 'CIF' || incoterm === 'CIP',
  };
}

export interface Shipment {
  /** price × quantity, in the reporting currency. */
  readonly goods: Dec;
  /** International freight and insurance totals, in the reporting currency. */
  readonly freight: Dec;
  readonly insurance: Dec;
  readonly incoterm: Incoterm;
  readonly valuationBasis: ValuationBasis;
  readonly quantity: Dec;
  readonly unit: Unit;
}

/**
 * Customs value on the destination's basis. FOB basis (the US, 19 U.S.C. 1401a): the price less
 * any international freight and insurance it includes. CIF basis (EU, Japan, most others): the
 * price plus any freight and insurance it does not include.
 */
export function customsValue(s: Shipment): Dec {
  const inside = priceIncludes(s.incoterm);
  if (s.valuationBasis === 'FOB') {
    // Never below zero: freight said to be inside a price cannot exceed it (callers reject that).
    return nonNegative(
      s.goods.minus(inside.freight ? s.freight : ZERO).minus(inside.insurance ? s.insurance : ZERO),
    );
  }
  return s.goods
    .plus(inside.freight ? ZERO : s.freight)
    .plus(inside.insurance ? ZERO : s.insurance);
}

/** Freight and insurance the buyer pays on top of the price (each counted once). */
export function costsOnTop(s: Shipment): { freight: Dec; insurance: Dec } {
  const inside = priceIncludes(s.incoterm);
  return {
    freight: inside.freight ? ZERO : s.freight,
    insurance: inside.insurance ? ZERO : s.insurance,
  };
}

/** A duty resolved for the shipment; amounts in the reporting currency. */
export type DutyCharge =
  | { readonly kind: 'ad-valorem'; readonly id: string; readonly rate: Dec }
  | {
      readonly kind: 'specific';
      readonly id: string;
      /** Duty per `unit`. */
      readonly amountPerUnit: Dec;
      readonly unit: Unit;
    }
  | {
      readonly kind: 'floor-gap';
      readonly id: string;
      /** The floor per `unit`. */
      readonly floor: Dec;
      readonly unit: Unit;
      readonly basis: FloorBasis;
      readonly method: FloorGapMethod;
    };

export interface DutyLine {
  readonly charge: DutyCharge;
  readonly amount: Dec;
  /** For floor-gap lines: P (customs value per unit), r, and the floor-gap result. */
  readonly floorGap?: {
    readonly pricePerUnit: Dec;
    readonly otherDutyRate: Dec;
    readonly quantity: Dec;
    readonly result: FloorGapResult;
  };
}

/**
 * Duties in API.md §4 order: ad valorem (rate × customs value), specific (amount × quantity), then
 * floor-gap measures with r = (ad valorem + specific duties so far) / customs value, P = customs
 * value per unit of the floor. Charges must come in that order.
 */
export function assessDuties(
  charges: readonly DutyCharge[],
  value: Dec,
  quantity: Dec,
  unit: Unit,
): DutyLine[] {
  const lines: DutyLine[] = [];
  for (const charge of charges) {
    if (charge.kind === 'ad-valorem') {
      lines.push({ charge, amount: charge.rate.times(value) });
    } else if (charge.kind === 'specific') {
      lines.push({
        charge,
        amount: charge.amountPerUnit.times(convertQuantity(quantity, unit, charge.unit)),
      });
    } else {
      const q = convertQuantity(quantity, unit, charge.unit);
      const before = sum(lines.filter((l) => l.charge.kind !== 'floor-gap').map((l) => l.amount));
      const pricePerUnit = q.isZero() ? ZERO : value.dividedBy(q);
      const otherDutyRate = value.isZero() ? ZERO : before.dividedBy(value);
      const result = floorGapDuty({
        price: pricePerUnit,
        floor: charge.floor,
        basis: charge.basis,
        otherDutyRate,
        method: charge.method,
      });
      lines.push({
        charge,
        amount: result.dutyPerUnit.times(q),
        floorGap: { pricePerUnit, otherDutyRate, quantity: q, result },
      });
    }
  }
  return lines;
}

/** An ad valorem fee clamped per customs entry (19 CFR 24.23 MPF: min and max per entry). */
export interface FeeCharge {
  readonly id: string;
  readonly rate: Dec;
  readonly min: Dec | null;
  readonly max: Dec | null;
}

/** rate × value clamped to [min, max]. */
export function clampedFee(fee: FeeCharge, value: Dec): Dec {
  let amount = fee.rate.times(value);
  if (fee.min !== null && amount.lessThan(fee.min)) amount = fee.min;
  if (fee.max !== null && amount.greaterThan(fee.max)) amount = fee.max;
  return amount;
}

/**
 * A fee over one customs entry of several lines: clamped on the entry's total customs value, then
 * shared across its lines in proportion to their customs values (equally when all are zero).
 * The shares add up to the entry's fee.
 */
export function entryFeeShares(fee: FeeCharge, values: readonly Dec[]): Dec[] {
  const total = sum(values);
  const amount = clampedFee(fee, total);
  // Unclamped, each line's share is simply rate × its value (the same number, without a division).
  if (amount.equals(fee.rate.times(total))) return values.map((v) => fee.rate.times(v));
  if (total.isZero()) return values.map(() => amount.dividedBy(values.length));
  return values.map((v) => amount.times(v).dividedBy(total));
}

export interface LandedCostTotals {
  readonly duties: Dec;
  readonly fees: Dec;
  readonly landedCost: Dec;
}

/** landedCost = goods + freight + insurance (each once) + duties + fees. */
export function landedCostTotals(
  shipment: Shipment,
  dutyAmounts: readonly Dec[],
  feeAmounts: readonly Dec[],
): LandedCostTotals {
  const duties = sum(dutyAmounts);
  const fees = sum(feeAmounts);
  const onTop = costsOnTop(shipment);
  return {
    duties,
    fees,
    landedCost: shipment.goods.plus(onTop.freight).plus(onTop.insurance).plus(duties).plus(fees),
  };
}

/** amount / quantity, zero for a zero quantity: landed cost per unit or per kg. */
export function perUnit(amount: Dec, quantity: Dec): Dec {
  return quantity.isZero() ? ZERO : amount.dividedBy(quantity);
}
