import {
  add,
  CARRIED_PLACES,
  carry,
  compare,
  type Decimal,
  decimal,
  divide,
  isNegative,
  isZero,
  multiply,
  round,
  subtract,
  sum,
  unitsAt,
  ZERO,
} from '../numeric';
import {
  type FloorBasis,
  type FloorGapMethod,
  type FloorGapResult,
  floorGapDuty,
} from './floor-gap';
import { ROUNDERS, type RoundingMode } from './rounding';
import { amountFor, convertQuantity, kgPerUnit, type Unit } from './units';

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
 * A shipment in the reporting currency, on the exact numeric core: sums and products exact, the
 * few quotients (pounds, floor prices per unit) divided last or carried (see src/numeric).
 */
export interface Shipment {
  /** price × quantity. */
  readonly goods: Decimal;
  /** International freight and insurance totals. */
  readonly freight: Decimal;
  readonly insurance: Decimal;
  readonly incoterm: Incoterm;
  readonly valuationBasis: ValuationBasis;
  readonly quantity: Decimal;
  readonly unit: Unit;
}

/**
 * Customs value on the destination's basis. FOB basis (the US, 19 U.S.C. 1401a): the price less
 * any international freight and insurance it includes. CIF basis (EU, Japan, most others): the
 * price plus any freight and insurance it does not include.
 */
export function customsValue(s: Shipment): Decimal {
  const inside = priceIncludes(s.incoterm);
  if (s.valuationBasis === 'FOB') {
    if (!inside.freight && !inside.insurance) return s.goods;
    // Never below zero: freight said to be inside a price cannot exceed it (callers reject that).
    const value = subtract(
      subtract(s.goods, inside.freight ? s.freight : ZERO),
      inside.insurance ? s.insurance : ZERO,
    );
    return isNegative(value) ? ZERO : value;
  }
  return add(
    add(s.goods, inside.freight ? ZERO : s.freight),
    inside.insurance ? ZERO : s.insurance,
  );
}

/** Freight and insurance the buyer pays on top of the price (each counted once). */
export function costsOnTop(s: Shipment): { freight: Decimal; insurance: Decimal } {
  const inside = priceIncludes(s.incoterm);
  return {
    freight: inside.freight ? ZERO : s.freight,
    insurance: inside.insurance ? ZERO : s.insurance,
  };
}

/** A duty resolved for the shipment; amounts in the reporting currency. */
export type DutyCharge =
  | { readonly kind: 'ad-valorem'; readonly id: string; readonly rate: Decimal }
  | {
      readonly kind: 'specific';
      readonly id: string;
      /** Duty per `unit`. */
      readonly amountPerUnit: Decimal;
      readonly unit: Unit;
    }
  | {
      readonly kind: 'floor-gap';
      readonly id: string;
      /** The floor per `unit`. */
      readonly floor: Decimal;
      readonly unit: Unit;
      readonly basis: FloorBasis;
      readonly method: FloorGapMethod;
    };

export interface DutyLine {
  readonly charge: DutyCharge;
  readonly amount: Decimal;
  /** For floor-gap lines: P (customs value per unit), r, and the floor-gap result per unit. */
  readonly floorGap?: {
    readonly pricePerUnit: Decimal;
    readonly otherDutyRate: Decimal;
    readonly quantity: Decimal;
    readonly result: FloorGapResult;
  };
}

/**
 * Duties in the contract's order: ad valorem (rate × customs value), specific (amount × quantity), then
 * floor-gap measures with r = (ad valorem + specific duties so far) / customs value, P = customs
 * value per unit of the floor. Charges must come in that order.
 */
export function assessDuties(
  charges: readonly DutyCharge[],
  value: Decimal,
  quantity: Decimal,
  unit: Unit,
): DutyLine[] {
  const lines: DutyLine[] = [];
  let before = ZERO; // ad valorem and specific duties so far
  for (const charge of charges) {
    if (charge.kind === 'ad-valorem') {
      const amount = multiply(charge.rate, value);
      before = add(before, amount);
      lines.push({ charge, amount });
    } else if (charge.kind === 'specific') {
      const amount = amountFor(charge.amountPerUnit, charge.unit, quantity, unit);
      before = add(before, amount);
      lines.push({ charge, amount });
    } else {
      // P = customs value per unit of the floor and r = (duties so far) / customs value, carried:
      // they are reported per unit. The amount does not multiply them up: every floor-gap method
      // is homogeneous in (P, F), so the duty on the whole quantity is the calculator run on
      // P × q = the customs value and F × q (one division, last).
      const kg = multiply(quantity, kgPerUnit(unit));
      const pricePerUnit = isZero(kg)
        ? ZERO
        : divide(multiply(value, kgPerUnit(charge.unit)), kg, CARRIED_PLACES, carry);
      const otherDutyRate = isZero(value) ? ZERO : divide(before, value, CARRIED_PLACES, carry);
      const perUnit = { basis: charge.basis, otherDutyRate, method: charge.method };
      const result = floorGapDuty({ ...perUnit, price: pricePerUnit, floor: charge.floor });
      const whole = floorGapDuty({
        ...perUnit,
        price: value,
        floor: amountFor(charge.floor, charge.unit, quantity, unit),
      });
      lines.push({
        charge,
        amount: whole.dutyPerUnit,
        floorGap: {
          pricePerUnit,
          otherDutyRate,
          quantity: convertQuantity(quantity, unit, charge.unit),
          result,
        },
      });
    }
  }
  return lines;
}

/** An ad valorem fee clamped per customs entry (19 CFR 24.23 MPF: min and max per entry). */
export interface FeeCharge {
  readonly id: string;
  readonly rate: Decimal;
  readonly min: Decimal | null;
  readonly max: Decimal | null;
}

/** rate × value clamped to [min, max]. */
export function clampedFee(fee: FeeCharge, value: Decimal): Decimal {
  const amount = multiply(fee.rate, value);
  if (fee.min !== null && compare(amount, fee.min) < 0) return fee.min;
  if (fee.max !== null && compare(amount, fee.max) > 0) return fee.max;
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
  values: readonly Decimal[],
  places: number,
  mode: RoundingMode,
): Decimal[] {
  const total = sum(values);
  const amount = clampedFee(fee, total);
  if (compare(amount, multiply(fee.rate, total)) === 0)
    return values.map((v) => multiply(fee.rate, v));
  const minorUnits = round(amount, places, ROUNDERS[mode]).units;
  const scale = total.scale;
  const weights = isZero(total) ? values.map(() => 1n) : values.map((v) => unitsAt(v, scale));
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
  return shares.map((units) => decimal(units, places));
}

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
  const duties = sum(dutyAmounts);
  const fees = sum(feeAmounts);
  const onTop = costsOnTop(shipment);
  return {
    duties,
    fees,
    landedCost: sum([shipment.goods, onTop.freight, onTop.insurance, duties, fees]),
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
  // Parts inside the price (CFR/CIF freight, insurance) are reported as zero: costsOnTop of the
  // rounded shipment counts each part once, like the exact one.
  const rounded: Shipment = {
    ...shipment,
    goods: round(shipment.goods),
    freight: round(onTop.freight),
    insurance: round(onTop.insurance),
    incoterm: 'FOB',
  };
  const dutyLines = dutyAmounts.map(round);
  const feeLines = feeAmounts.map(round);
  // Sums of rounded parts are already at the minor unit; rounding them again changes no digit
  // and gives an empty list ("no fees") the same scale: "0.00".
  const totals = landedCostTotals(rounded, dutyLines, feeLines);
  return {
    duties: round(totals.duties),
    fees: round(totals.fees),
    landedCost: round(totals.landedCost),
    goods: rounded.goods,
    customsValue: round(value),
    freight: rounded.freight,
    insurance: rounded.insurance,
    dutyLines,
    feeLines,
  };
}
