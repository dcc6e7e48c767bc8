import { uniqueWarnings, type Warning } from '../data/warnings';
import type { RoundingMode } from '../domain/rounding';

export interface Meta {
  dataVersion: string;
  asOf: string;
  currency: string;
  rounding: RoundingMode;
  warnings: Warning[];
}

/** The `meta` block of every calculation response: data version, date, currency, rounding, warnings. */
export function buildMeta(
  dataVersion: string,
  asOf: string,
  currency: string,
  rounding: RoundingMode,
  warnings: readonly Warning[],
): Meta {
  return {
    dataVersion,
    asOf,
    currency,
    rounding,
    warnings: distinct(warnings),
  };
}

/** The lines of a batch lane share one warnings list: de-duplicate it once. */
const distinctCache = new WeakMap<readonly Warning[], Warning[]>();
function distinct(warnings: readonly Warning[]): Warning[] {
  let unique = distinctCache.get(warnings);
  if (unique === undefined) {
    unique = uniqueWarnings(warnings);
    distinctCache.set(warnings, unique);
  }
  return unique;
}
