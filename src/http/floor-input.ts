import {
  benchmarkStageFit,
  benchmarkWarnings,
  notABorderFloorWarnings,
  notAFloor,
} from '../data/benchmarks';
import type { BenchmarkRow, MineralRow } from '../data/schema';
import type { PolicyData } from '../data/store';
import type { Warning } from '../data/warnings';
import type { Decimal } from '../numeric';
import { type PriceInput, type Reporting, restate } from './money-input';
import type { FieldProblem } from './problem';

export interface ResolvedFloor {
  readonly floor: PriceInput;
  readonly benchmarkId: string | undefined;
  /** The benchmark row when the floor is one: its mechanism and stage. */
  readonly benchmark?: BenchmarkRow;
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
  const notFloor = notAFloor(benchmark);
  if (notFloor !== undefined) {
    problems.push({ pointer: '/benchmark', detail: notFloor });
    return undefined;
  }
  warnings.push(...benchmarkWarnings(benchmark, asOf));
  return { floor: benchmark.price, benchmarkId: benchmark.id, benchmark };
}

/**
 * A producer-side contract floor (`mechanism: producer-contract`, e.g. the DoD–MP NdPr floor) is
 * not a border floor: the government tops the producer up and buyers pay the market price. Used as
 * a border floor it is refused (a 422 at /benchmark pointing to /v1/floor-financing) unless the
 * request insists (`asBorderFloor`, or a calculator that only warns), and then it warns.
 */
export function checkBorderFloor(
  resolved: ResolvedFloor,
  refuse: boolean,
  problems: FieldProblem[],
  warnings: Warning[],
): void {
  const benchmark = resolved.benchmark;
  if (benchmark?.mechanism !== 'producer-contract') return;
  if (refuse) {
    problems.push({
      pointer: '/benchmark',
      detail: `${benchmark.id} is a producer-side contract floor, not a border floor: the government tops the producer up and buyers pay the market price. See POST /v1/floor-financing for who pays, or send "asBorderFloor": true (asBorderFloor=true in the query form) to price it as a border floor anyway`,
    });
    return;
  }
  warnings.push(...notABorderFloorWarnings(benchmark));
}

/**
 * A benchmark floor applied to a mineral's own price fits its stage (`benchmarkStageFit`): one set
 * at another known stage is a problem at /benchmark, one at no known stage (the reported G7 floor)
 * applies with a `stage-unknown` warning, one that does not cover the mineral with
 * `benchmark-scope`. Nothing to check for an explicit floor or where the mineral is not known.
 */
export function checkStageFit(
  resolved: ResolvedFloor,
  mineral: MineralRow | undefined,
  problems: FieldProblem[],
  warnings: Warning[],
): void {
  if (resolved.benchmark === undefined || mineral === undefined) return;
  const fit = benchmarkStageFit(resolved.benchmark, mineral);
  if (fit.ok) warnings.push(...fit.warnings);
  else problems.push({ pointer: '/benchmark', detail: fit.detail });
}

/**
 * The floor restated in the reporting currency, per its own unit: the unit every per-unit value of
 * a floor calculation is expressed in. A missing fx rate is a problem at /floor or /benchmark.
 */
export function floorInReporting(
  resolved: ResolvedFloor,
  reporting: Reporting,
  problems: FieldProblem[],
): Decimal | undefined {
  const pointer = resolved.benchmarkId === undefined ? '/floor' : '/benchmark';
  return restate(resolved.floor, resolved.floor.per, reporting, pointer, problems);
}
