import { type Decimal, multiply, ONE, parseDecimal } from '../numeric';
import { carriedQuotient } from './common-denominator';
import type { Ratio } from './rounding';

/** Mass units and their exact factor to one kilogram (1 lb = 0.45359237 kg by definition). */
export const UNITS = ['t', 'kg', 'g', 'lb', 'st', 'ozt'] as const;
export type Unit = (typeof UNITS)[number];

const KG_PER_UNIT: Readonly<Record<Unit, Decimal>> = {
  t: parseDecimal('1000'),
  kg: parseDecimal('1'),
  g: parseDecimal('0.001'),
  // Weights and Measures Act 1985 / US NBS 1959: 1 lb = 0.45359237 kg, short ton 2000 lb, troy ounce 31.1034768 g.
  lb: parseDecimal('0.45359237'),
  st: parseDecimal('907.18474'),
  ozt: parseDecimal('0.0311034768'),
};

/** 1 / kg(unit) where it is a terminating decimal (t, kg, g): a multiplication instead of a division. */
const UNITS_PER_KG: Readonly<Partial<Record<Unit, Decimal>>> = {
  t: parseDecimal('0.001'),
  kg: parseDecimal('1'),
  g: parseDecimal('1000'),
};

/** Kilograms in one `unit`, exactly. */
export function kgPerUnit(unit: Unit): Decimal {
  return KG_PER_UNIT[unit];
}

/** x / kg(unit) as an exact quotient: x × 1 / kg(unit) over 1 into t, kg and g; else x over kg(unit). */
function perKgOf(x: Decimal, unit: Unit): Ratio {
  const inverse = UNITS_PER_KG[unit];
  return inverse === undefined
    ? { of: x, to: KG_PER_UNIT[unit] }
    : { of: multiply(x, inverse), to: ONE };
}

/**
 * A quantity of `value` `from` units in `to` units as the exact quotient value × kg(from) / kg(to),
 * never divided: into lb, st or ozt it need not terminate, so a figure made from it is divided
 * once, where it is reported.
 */
export function quantityQuotient(value: Decimal, from: Unit, to: Unit): Ratio {
  return from === to ? { of: value, to: ONE } : perKgOf(multiply(value, KG_PER_UNIT[from]), to);
}

/**
 * An amount per `from` unit restated per `to` unit as the exact quotient amount × kg(to) / kg(from),
 * never divided (see `quantityQuotient`).
 */
export function perUnitQuotient(amount: Decimal, from: Unit, to: Unit): Ratio {
  return from === to ? { of: amount, to: ONE } : perKgOf(multiply(amount, KG_PER_UNIT[to]), from);
}

/**
 * `quantityQuotient` as a decimal: exact into t, kg and g; into lb, st and ozt a carried quotient
 * (`carriedQuotient`): never multiply it by money (use `amountFor`, or the quotient).
 */
export function convertQuantity(value: Decimal, from: Unit, to: Unit): Decimal {
  return carriedQuotient(quantityQuotient(value, from, to));
}

/** `perUnitQuotient` as a decimal: exact from t, kg and g; from lb, st and ozt carried. */
export function convertPerUnitPrice(price: Decimal, from: Unit, to: Unit): Decimal {
  return carriedQuotient(perUnitQuotient(price, from, to));
}

/**
 * What `value` `unit`s cost at `perUnit` per `per`: perUnit × value × kg(unit) / kg(per), the
 * product formed whole and divided once (so a large quantity never multiplies a rounded quotient).
 */
export function amountFor(perUnit: Decimal, per: Unit, value: Decimal, unit: Unit): Decimal {
  return convertQuantity(multiply(perUnit, value), unit, per);
}
