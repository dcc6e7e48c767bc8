import { Dec } from './decimal';
import { Exact } from './exact';

/** Mass units and their exact factor to one kilogram (1 lb = 0.45359237 kg by definition). */
export const UNITS = ['t', 'kg', 'g', 'lb', 'st', 'ozt'] as const;
export type Unit = (typeof UNITS)[number];

const KG_PER_UNIT: Readonly<Record<Unit, Dec>> = {
  t: new Dec('1000'),
  kg: new Dec('1'),
  g: new Dec('0.001'),
  lb: new Dec('0.45359237'),
  st: new Dec('907.18474'),
  ozt: new Dec('0.0311034768'),
};

/** A quantity of `value` `from` units, expressed in `to` units: value × kg(from) / kg(to). */
export function convertQuantity(value: Dec, from: Unit, to: Unit): Dec {
  if (from === to) return value;
  return value.times(KG_PER_UNIT[from]).dividedBy(KG_PER_UNIT[to]);
}

/** A price per `from` unit, expressed per `to` unit: price × kg(to) / kg(from). */
export function convertPerUnitPrice(price: Dec, from: Unit, to: Unit): Dec {
  if (from === to) return price;
  return price.times(KG_PER_UNIT[to]).dividedBy(KG_PER_UNIT[from]);
}

const KG_PER_UNIT_EXACT: Readonly<Record<Unit, Exact>> = {
  t: Exact.of('1000'),
  kg: Exact.of('1'),
  g: Exact.of('0.001'),
  lb: Exact.of('0.45359237'),
  st: Exact.of('907.18474'),
  ozt: Exact.of('0.0311034768'),
};

/** 1 / kg(unit) where it is a terminating decimal (t, kg, g): a multiplication instead of a division. */
const UNITS_PER_KG_EXACT: Readonly<Partial<Record<Unit, Exact>>> = {
  t: Exact.of('0.001'),
  kg: Exact.of('1'),
  g: Exact.of('1000'),
};

/** Kilograms in one `unit`, exactly. */
export function kgPerUnit(unit: Unit): Exact {
  return KG_PER_UNIT_EXACT[unit];
}

/**
 * `convertQuantity` on exact decimals: exact into t, kg and g; into lb, st and ozt a quotient
 * carried to QUOTIENT_SCALE places.
 */
export function convertExactQuantity(value: Exact, from: Unit, to: Unit): Exact {
  if (from === to) return value;
  const kg = value.times(KG_PER_UNIT_EXACT[from]);
  const inverse = UNITS_PER_KG_EXACT[to];
  return inverse === undefined ? kg.dividedBy(KG_PER_UNIT_EXACT[to]) : kg.times(inverse);
}
