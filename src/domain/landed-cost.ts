import type { Dec } from './decimal';
import { Exact, sumExact } from './exact';
import {
  type FloorBasis,
  type FloorGapMethod,
  type FloorGapResult,
  floorGapDuty,
} from './floor-gap';
import type { RoundingMode } from './rounding';
import { convertExactQuantity, kgPerUnit, type Unit } from './units';

const ZERO = Exact.ZERO;

/** Incoterms 2020 the calculator accepts. */
export const INCOTERMS = ['EXW', 'FCA', 'FOB', 'CFR', 'CPT', 'CIF', 'CIP'] as const;
export type Incoterm = (typeof INCOTERMS)[number];

/** How a destination's customs values imports. */
export const VALUATION_BASES = ['FOB', 'CIF'] as const;
export type ValuationBasis = (typeof VALUATION_BASES)[number];

export const TRANSPORTS = ['ocean', 'air', 'truck', 'rail'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** What the invoice price already includes under each Incoterm: CFR/CPT freight, CIF/CIP both. */
const PRICE_INCLUDES: Readonly<Record<Incoterm, { freight: boolean; insurance: boolean }>> = {
  EXW: { freight: false, insurance: false },
  FCA: { freight: false, insurance: false },
  FOB: { freight: false, insurance: false },
  CFR: { freight: true, insurance: false },
  CPT: { freight: true, insurance: false },
  CIF: { freight: true, insurance: true },
  CIP: { freight: true, insurance: true },
};

/** What the invoice price already includes under an Incoterm. */
export function priceIncludes(incoterm: Incoterm): { freight: boolean; insurance: boolean } {
  return PRICE_INCLUDES[incoterm];
}

/**
 * A shipment in the reporting currency. Landed cost computes on exact decimals (`Exact`): sums and
 * products are exact, and the few quotients (pounds, entry fee shares, floor prices per unit)
 * carry 40 places.
 */
export interface Shipment {
  /** price × quantity. */
  readonly goods: Exact;
  /** International freight and insurance totals. */
  readonly freight: Exact;
  readonly insurance: Exact;
  readonly incoterm: Incoterm;
  readonly valuationBasis: ValuationBasis;
  readonly quantity: Exact;
  readonly unit: Unit;
}

/**
 * Customs value on the destination's basis. FOB basis (the US, 19 U.S.C. 1401a): the price less
 * any international freight and insurance it includes. CIF basis (EU, Japan, most others): the
 * price plus any freight and insurance it does not include.
 */
export function customsValue(s: Shipment): Exact {
  const inside = priceIncludes(s.incoterm);
  if (s.valuationBasis === 'FOB') {
    if (!inside.freight && !inside.insurance) return s.goods;
    // Never below zero: freight said to be inside a price cannot exceed it (callers reject that).
    const value = s.goods
      .minus(inside.freight ? s.freight : ZERO)
      .minus(inside.insurance ? s.insurance : ZERO);
    return value.isNegative() ? ZERO : value;
  }
  return s.goods
    .plus(inside.freight ? ZERO : s.freight)
    .plus(inside.insurance ? ZERO : s.insurance);
}

/** Freight and insurance the buyer pays on top of the price (each counted once). */
export function costsOnTop(s: Shipment): { freight: Exact; insurance: Exact } {
  const inside = priceIncludes(s.incoterm);
  return {
    freight: inside.freight ? ZERO : s.freight,
    insurance: inside.insurance ? ZERO : s.insurance,
  };
}

/** A duty resolved for the shipment; amounts in the reporting currency. */
export type DutyCharge =
  | { readonly kind: 'ad-valorem'; readonly id: string; readonly rate: Exact }
  | {
      readonly kind: 'specific';
      readonly id: string;
      /** Duty per `unit`. */
      readonly amountPerUnit: Exact;
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
  readonly amount: Exact;
  /** For floor-gap lines: P (customs value per unit), r, and the floor-gap result (decimal.js). */
  readonly floorGap?: {
    readonly pricePerUnit: Exact;
    readonly otherDutyRate: Exact;
    readonly quantity: Exact;
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
  value: Exact,
  quantity: Exact,
  unit: Unit,
): DutyLine[] {
  const lines: DutyLine[] = [];
  let before = ZERO; // ad valorem and specific duties so far
  for (const charge of charges) {
    if (charge.kind === 'ad-valorem') {
      const amount = charge.rate.times(value);
      before = before.plus(amount);
      lines.push({ charge, amount });
    } else if (charge.kind === 'specific') {
      // amount per its unit × the quantity in that unit, converted last: one quotient at most
      const amount = convertExactQuantity(charge.amountPerUnit.times(quantity), unit, charge.unit);
      before = before.plus(amount);
      lines.push({ charge, amount });
    } else {
      const q = convertExactQuantity(quantity, unit, charge.unit);
      // P = customs value per unit of the floor, as one quotient: value × kg(floor unit) / kg.
      const kg = quantity.times(kgPerUnit(unit));
      const pricePerUnit = kg.isZero() ? ZERO : value.times(kgPerUnit(charge.unit)).dividedBy(kg);
      const otherDutyRate = value.isZero() ? ZERO : before.dividedBy(value);
      // The floor-gap calculator itself (decimal.js): the same code as POST /v1/floor-gap.
      const result = floorGapDuty({
        price: pricePerUnit.toDec(),
        floor: charge.floor,
        basis: charge.basis,
        otherDutyRate: otherDutyRate.toDec(),
        method: charge.method,
      });
      lines.push({
        charge,
        amount: convertExactQuantity(
          Exact.fromDec(result.dutyPerUnit).times(quantity),
          unit,
          charge.unit,
        ),
        floorGap: { pricePerUnit, otherDutyRate, quantity: q, result },
      });
    }
  }
  return lines;
}

/** An ad valorem fee clamped per customs entry (19 CFR 24.23 MPF: min and max per entry). */
export interface FeeCharge {
  readonly id: string;
  readonly rate: Exact;
  readonly min: Exact | null;
  readonly max: Exact | null;
}

/** rate × value clamped to [min, max]. */
export function clampedFee(fee: FeeCharge, value: Exact): Exact {
  const amount = fee.rate.times(value);
  if (fee.min !== null && amount.compare(fee.min) < 0) return fee.min;
  if (fee.max !== null && amount.compare(fee.max) > 0) return fee.max;
  return amount;
}

/**
 * A fee over one customs entry of several lines, shared across them in proportion to their customs
 * values (equally when all are zero). Unclamped, each line owes rate × its value, exactly. Clamped
 * to the entry's min or max, the fee (rounded to `places`, the currency's minor unit) is allocated
 * in minor units, the units left over going to the largest remainders (the first line on a tie),
 * so the lines' shares add up to the entry's fee exactly, as a broker prorates it.
 */
export function entryFeeShares(
  fee: FeeCharge,
  values: readonly Exact[],
  places: number,
  mode: RoundingMode,
): Exact[] {
  const total = sumExact(values);
  const amount = clampedFee(fee, total);
  if (amount.compare(fee.rate.times(total)) === 0) return values.map((v) => fee.rate.times(v));
  const minorUnits = amount.round(places, mode).unitsAt(places);
  const scale = Math.max(0, ...values.map((v) => v.scale));
  const weights = total.isZero() ? values.map(() => 1n) : values.map((v) => v.unitsAt(scale));
  const whole = weights.reduce((a, w) => a + w, 0n);
  const shares = weights.map((w) => (minorUnits * w) / whole);
  let left = minorUnits - shares.reduce((a, s) => a + s, 0n);
  const byRemainder = weights
    .map((w, i) => ({ i, remainder: (minorUnits * w) % whole }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((units) => Exact.fromUnits(units, places));
}

export interface LandedCostTotals {
  readonly duties: Exact;
  readonly fees: Exact;
  readonly landedCost: Exact;
}

/** landedCost = goods + freight + insurance (each once) + duties + fees. */
export function landedCostTotals(
  shipment: Shipment,
  dutyAmounts: readonly Exact[],
  feeAmounts: readonly Exact[],
): LandedCostTotals {
  const duties = sumExact(dutyAmounts);
  const fees = sumExact(feeAmounts);
  const onTop = costsOnTop(shipment);
  return {
    duties,
    fees,
    landedCost: shipment.goods.plus(onTop.freight).plus(onTop.insurance).plus(duties).plus(fees),
  };
}
