import { type Decimal, greaterThan, lessThan, subtract, ZERO } from '../numeric';
import { STAGES } from './content-floor';

/** A benchmark is a floor (prices should not fall below it) or a cap (should not rise above it). */
export const BENCHMARK_KINDS = ['floor', 'cap'] as const;
export type BenchmarkKind = (typeof BENCHMARK_KINDS)[number];

/**
 * How a benchmark acts on trade. Only a `border` benchmark is charged at the border; a
 * `producer-contract` (a government tops up one producer, buyers pay the market price) and a
 * `reported-reference` (a figure in the press, not an instrument) are not.
 */
export const BENCHMARK_MECHANISMS = ['border', 'producer-contract', 'reported-reference'] as const;
export type BenchmarkMechanism = (typeof BENCHMARK_MECHANISMS)[number];

/** The production stage a benchmark's price is quoted at; `unknown` where its source does not say. */
export const BENCHMARK_STAGES = [...STAGES, 'unknown'] as const;
export type BenchmarkStage = (typeof BENCHMARK_STAGES)[number];

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
