import { type Decimal, greaterThan, lessThan, subtract, ZERO } from '../numeric';

/** A benchmark is a floor (prices should not fall below it) or a cap (should not rise above it). */
export const BENCHMARK_KINDS = ['floor', 'cap'] as const;
export type BenchmarkKind = (typeof BENCHMARK_KINDS)[number];

/** Where a price sits against a benchmark. */
export const BENCHMARK_STATUSES = [
  'below-floor',
  'meets-floor',
  'within-cap',
  'above-cap',
] as const;
export type BenchmarkStatus = (typeof BENCHMARK_STATUSES)[number];

export interface BenchmarkCheckInput {
  readonly kind: BenchmarkKind;
  /** The benchmark per unit, same unit and currency as `price`. */
  readonly threshold: Decimal;
  readonly price: Decimal;
  /** True when a trade beyond the benchmark needs a licence (e.g. the reported G7 scheme). */
  readonly licenceBeyond: boolean;
}

export interface BenchmarkCheckResult {
  readonly status: BenchmarkStatus;
  /** How far past the benchmark the price sits, per unit; zero when it does not. */
  readonly gapPerUnit: Decimal;
  readonly licenceRequired: boolean;
}

/**
 * A price against one benchmark, per unit:
 * - floor: below-floor when P < T with gap T − P, else meets-floor (P = T meets it), gap 0;
 * - cap: above-cap when P > T with gap P − T, else within-cap (P = T is within it), gap 0.
 * A licence is required when the benchmark asks for one beyond it and the price is beyond it.
 */
export function checkBenchmark(input: BenchmarkCheckInput): BenchmarkCheckResult {
  const { kind, threshold, price, licenceBeyond } = input;
  if (kind === 'floor') {
    const below = lessThan(price, threshold);
    return {
      status: below ? 'below-floor' : 'meets-floor',
      gapPerUnit: below ? subtract(threshold, price) : ZERO,
      licenceRequired: licenceBeyond && below,
    };
  }
  const above = greaterThan(price, threshold);
  return {
    status: above ? 'above-cap' : 'within-cap',
    gapPerUnit: above ? subtract(price, threshold) : ZERO,
    licenceRequired: licenceBeyond && above,
  };
}
