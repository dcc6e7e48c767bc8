import {
  type FloorGapMethod,
  type TrancheBandIssue,
  trancheBandIssues,
  WTO_TRANCHE_BANDS,
} from '../domain/floor-gap';
import { parseDecimal } from '../numeric';

/**
 * A floor-gap method's terms as written, in a seed row or a request: decimals as strings (or JSON
 * numbers), tranche bands optional (the WTO schedule by default).
 */
export type MethodTerms =
  | { readonly type: 'full-gap' }
  | {
      readonly type: 'tranche';
      readonly bands?:
        | readonly { readonly upTo: string | number | null; readonly share: string | number }[]
        | undefined;
    }
  | { readonly type: 'capped'; readonly maxRate: string | number }
  | { readonly type: 'all-or-nothing'; readonly penaltyRate: string | number };

/** A method as the domain takes it, and what is wrong with its tranche bands (nothing: []). */
export interface MethodOf {
  readonly method: FloorGapMethod;
  readonly bandIssues: readonly TrancheBandIssue[];
}

/** The method of `terms` (full gap when none is given), its decimals read exactly. */
export function floorGapMethodOf(terms: MethodTerms | undefined): MethodOf {
  switch (terms?.type) {
    case undefined:
    case 'full-gap':
      return { method: { type: 'full-gap' }, bandIssues: [] };
    case 'tranche': {
      if (terms.bands === undefined)
        return { method: { type: 'tranche', bands: WTO_TRANCHE_BANDS }, bandIssues: [] };
      const bands = terms.bands.map((band) => ({
        upTo: band.upTo === null ? null : parseDecimal(band.upTo),
        share: parseDecimal(band.share),
      }));
      return { method: { type: 'tranche', bands }, bandIssues: trancheBandIssues(bands) };
    }
    case 'capped':
      return { method: { type: 'capped', maxRate: parseDecimal(terms.maxRate) }, bandIssues: [] };
    case 'all-or-nothing':
      return {
        method: { type: 'all-or-nothing', penaltyRate: parseDecimal(terms.penaltyRate) },
        bandIssues: [],
      };
  }
}
