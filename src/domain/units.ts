import { CARRIED_PLACES, carry, type Decimal, divide, multiply, parseDecimal } from '../numeric';

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

/** x / kg(unit): exact into t, kg and g; into lb, st and ozt carried (CARRIED_PLACES, `carry`). */
function perKgOf(x: Decimal, unit: Unit): Decimal {
  const inverse = UNITS_PER_KG[unit];
  return inverse === undefined
    ? divide(x, KG_PER_UNIT[unit], CARRIED_PLACES, carry)
    : multiply(x, inverse);
}

/**
 * A quantity of `value` `from` units, expressed in `to` units: value × kg(from) / kg(to), the
 * division last. Exact into t, kg and g; into lb, st and ozt a carried quotient: never multiply it
 * by money (use `amountFor`).
 */
export function convertQuantity(value: Decimal, from: Unit, to: Unit): Decimal {
  if (from === to) return value;
  return perKgOf(multiply(value, KG_PER_UNIT[from]), to);
}

/** A price per `from` unit, expressed per `to` unit: price × kg(to) / kg(from), the division last. */
export function convertPerUnitPrice(price: Decimal, from: Unit, to: Unit): Decimal {
  if (from === to) return price;
  return perKgOf(multiply(price, KG_PER_UNIT[to]), from);
}

/**
 * What `value` `unit`s cost at `perUnit` per `per`: perUnit × value × kg(unit) / kg(per), the
 * product formed whole and divided once (so a large quantity never multiplies a rounded quotient).
 */
export function amountFor(perUnit: Decimal, per: Unit, value: Decimal, unit: Unit): Decimal {
  return convertQuantity(multiply(perUnit, value), unit, per);
}
