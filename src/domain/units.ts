import { Dec } from './decimal';

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
