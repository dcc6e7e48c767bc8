import { benchmarkWarnings } from '../data/benchmarks';
import type { PolicyData } from '../data/store';
import type { Warning } from '../data/warnings';
import type { PriceInput } from './money-input';
import type { FieldProblem } from './problem';

export interface ResolvedFloor {
  readonly floor: PriceInput;
  readonly benchmarkId: string | undefined;
}

/**
 * The floor of a request that gives exactly one of an explicit `floor` and a `benchmark` id (a
 * floor, not a cap); the benchmark's status and dates become warnings.
 */
export function resolveFloor(
  request: { readonly floor?: PriceInput | undefined; readonly benchmark?: string | undefined },
  data: PolicyData,
  asOf: string,
  problems: FieldProblem[],
  warnings: Warning[],
): ResolvedFloor | undefined {
  if (request.floor !== undefined && request.benchmark !== undefined) {
    problems.push({ pointer: '/benchmark', detail: 'give either floor or benchmark, not both' });
    return undefined;
  }
  if (request.floor !== undefined) return { floor: request.floor, benchmarkId: undefined };
  if (request.benchmark === undefined) {
    problems.push({ pointer: '/floor', detail: 'is required (or give a benchmark id)' });
    return undefined;
  }
  const benchmark = data.benchmarks.get(request.benchmark);
  if (benchmark === undefined) {
    problems.push({
      pointer: '/benchmark',
      detail: `is not a known benchmark; one of ${[...data.benchmarks.keys()].join(', ')}`,
    });
    return undefined;
  }
  if (benchmark.kind !== 'floor') {
    problems.push({
      pointer: '/benchmark',
      detail: `${benchmark.id} is a ${benchmark.kind}, not a floor`,
    });
    return undefined;
  }
  warnings.push(...benchmarkWarnings(benchmark, asOf));
  return { floor: benchmark.price, benchmarkId: benchmark.id };
}
