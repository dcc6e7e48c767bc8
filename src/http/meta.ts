import { policyData } from '../data/store';
import { uniqueWarnings, type Warning } from '../data/warnings';
import type { RoundingMode } from '../domain/rounding';

export interface Meta {
  dataVersion: string;
  asOf: string;
  currency: string;
  rounding: RoundingMode;
  warnings: Warning[];
}

/** The `meta` block of every calculation response (API.md §1). */
export function buildMeta(
  asOf: string,
  currency: string,
  rounding: RoundingMode,
  warnings: readonly Warning[],
): Meta {
  return {
    dataVersion: policyData.dataVersion,
    asOf,
    currency,
    rounding,
    warnings: uniqueWarnings(warnings),
  };
}
