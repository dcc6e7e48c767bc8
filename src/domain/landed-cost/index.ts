export {
  type EntryLineInput,
  entryCosts,
  type LandedCost,
  type LandedCostInput,
  landedCost,
  landedCostOfEntries,
} from './assessment';
export { customsEntries, type EntryLine, entryFeeShares, entryFees } from './customs-entry';
export { costsOnTop, customsValue } from './customs-value';
export { assessDuties, type DutyCharge, type DutyLine } from './duties';
export { clampedFee, type FeeCharge, type FeeLine, feeLine, ownFees, sameFee } from './fees';
export {
  INCOTERMS,
  type Incoterm,
  priceIncludes,
  type Shipment,
  TRANSPORTS,
  type Transport,
  VALUATION_BASES,
  type ValuationBasis,
} from './shipment';
export {
  type LandedCostTotals,
  landedCostTotals,
  type ReportedLandedCost,
  reportedLandedCost,
} from './totals';
