import { add, type Decimal, isNegative, subtract, ZERO } from '../../numeric';
import { priceIncludes, type Shipment } from './shipment';

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
