import type { Decimal } from '../../numeric';
import type { Unit } from '../units';

/** Incoterms 2020 the calculator accepts. */
export const INCOTERMS = ['EXW', 'FCA', 'FOB', 'CFR', 'CPT', 'CIF', 'CIP'] as const;
export type Incoterm = (typeof INCOTERMS)[number];

/** How a destination's customs values imports. */
export const VALUATION_BASES = ['FOB', 'CIF'] as const;
export type ValuationBasis = (typeof VALUATION_BASES)[number];

export const TRANSPORTS = ['ocean', 'air', 'truck', 'rail'] as const;
export type Transport = (typeof TRANSPORTS)[number];

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

/** What the invoice price already includes under an Incoterm (Incoterms 2020). */
export function priceIncludes(incoterm: Incoterm): { freight: boolean; insurance: boolean } {
  return PRICE_INCLUDES[incoterm];
}
