import type { BenchmarkRow, MineralRow } from './schema';
import type { PolicyData } from './store';
import { staleRowWarning, type Warning } from './warnings';

/** Whether a benchmark covers a mineral, by its id or its group. */
export function benchmarkAppliesTo(benchmark: BenchmarkRow, mineral: MineralRow): boolean {
  return benchmark.appliesTo === mineral.id || benchmark.appliesTo === mineral.group;
}

/** The benchmarks that cover a mineral, in seed order. */
export function benchmarksFor(data: PolicyData, mineral: MineralRow): BenchmarkRow[] {
  return [...data.benchmarks.values()].filter((b) => benchmarkAppliesTo(b, mineral));
}

/** What a user must be told when an answer uses a benchmark on `asOf`. */
export function benchmarkWarnings(benchmark: BenchmarkRow, asOf: string): Warning[] {
  const warnings: Warning[] = [];
  if (benchmark.status === 'reported' || benchmark.status === 'proposed') {
    warnings.push({
      code: 'reported-figure',
      detail: `${benchmark.id} (${benchmark.price.amount} ${benchmark.price.currency}/${benchmark.price.per}) is a ${benchmark.status} figure, not law: ${benchmark.source.instrument}.`,
      rowIds: [benchmark.id],
    });
  }
  if (benchmark.effectiveFrom !== null && asOf < benchmark.effectiveFrom) {
    warnings.push({
      code: 'not-yet-in-force',
      detail: `${benchmark.id} takes effect on ${benchmark.effectiveFrom}, after ${asOf}.`,
      rowIds: [benchmark.id],
    });
  }
  if (benchmark.effectiveTo !== null && asOf > benchmark.effectiveTo) {
    warnings.push({
      code: 'no-longer-in-force',
      detail: `${benchmark.id} ended on ${benchmark.effectiveTo}, before ${asOf}.`,
      rowIds: [benchmark.id],
    });
  }
  return [...warnings, ...staleRowWarning(benchmark, asOf)];
}
