import {
  add,
  CARRIED_PLACES,
  carry,
  type Decimal,
  divide,
  isZero,
  multiply,
  ZERO,
} from '../../numeric';
import {
  type FloorBasis,
  type FloorGapMethod,
  type FloorGapResult,
  floorGapDuty,
} from '../floor-gap';
import { amountFor, convertPerUnitPrice, convertQuantity, kgPerUnit, type Unit } from '../units';

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
      /** A tranche schedule's trigger T per its own unit, where it is not the floor. */
      readonly trigger?: { readonly price: Decimal; readonly unit: Unit };
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
    /**
     * On the duty-paid basis with a quantity: the customs value and the duties charged before the
     * floor test, whose sum per unit R is (r, their quotient, only approximates it).
     */
    readonly dutyPaid?: { readonly customsValue: Decimal; readonly dutiesBefore: Decimal };
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
      // On the duty-paid basis R is (customs value + duties so far) per unit, one division: R as
      // P × (1 + r) would carry r = duties / customs value, which need not terminate (100.015 /
      // 700), and an R of exactly 8.00015 would fall a hair under its half-way point.
      const kg = multiply(quantity, kgPerUnit(unit));
      const perUnitOf = (amount: Decimal) =>
        isZero(kg)
          ? ZERO
          : divide(multiply(amount, kgPerUnit(charge.unit)), kg, CARRIED_PLACES, carry);
      const pricePerUnit = perUnitOf(value);
      const otherDutyRate = isZero(value) ? ZERO : divide(before, value, CARRIED_PLACES, carry);
      const dutyPaid = charge.basis === 'duty-paid' && !isZero(kg);
      const perUnit = { basis: charge.basis, otherDutyRate, method: charge.method };
      const { trigger } = charge;
      const result = floorGapDuty({
        ...perUnit,
        price: pricePerUnit,
        floor: charge.floor,
        ...(trigger === undefined
          ? {}
          : { trigger: convertPerUnitPrice(trigger.price, trigger.unit, charge.unit) }),
        ...(dutyPaid ? { reference: perUnitOf(add(value, before)) } : {}),
      });
      const whole = floorGapDuty({
        ...perUnit,
        price: value,
        floor: amountFor(charge.floor, charge.unit, quantity, unit),
        ...(trigger === undefined
          ? {}
          : { trigger: amountFor(trigger.price, trigger.unit, quantity, unit) }),
        ...(dutyPaid ? { reference: add(value, before) } : {}),
      });
      lines.push({
        charge,
        amount: whole.dutyPerUnit,
        floorGap: {
          pricePerUnit,
          otherDutyRate,
          quantity: convertQuantity(quantity, unit, charge.unit),
          result,
          ...(dutyPaid ? { dutyPaid: { customsValue: value, dutiesBefore: before } } : {}),
        },
      });
    }
  }
  return lines;
}
