import { benchmarkInForce, benchmarksFor, benchmarkWarnings } from '../../data/benchmarks';
import type { BenchmarkRow, MineralRow } from '../../data/schema';
import type { PolicyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import type { BenchmarkCheckInput } from '../../domain/benchmark-check';
import type { RoundingMode } from '../../domain/rounding';
import type { Decimal } from '../../numeric';
import { fxRates, rateNeeded, restate, todayUtc, vatRate } from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { BenchmarkCheckRequest } from './benchmark-check.schemas';

/** One benchmark to check, with the price and the threshold per its unit, in the reporting currency. */
export interface BenchmarkCheck {
  readonly benchmark: BenchmarkRow;
  readonly input: BenchmarkCheckInput;
  readonly threshold: Decimal;
  readonly price: Decimal;
}

/** A benchmark check resolved against the data. */
export interface BenchmarkCheckCommand {
  /** The version of the policy data it was resolved against. */
  readonly dataVersion: string;
  readonly mineral: MineralRow;
  readonly checks: readonly BenchmarkCheck[];
  readonly asOf: string;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly warnings: readonly Warning[];
}

/**
 * The benchmarks that apply to the mineral and are in force on `asOf` (or the one asked for, in
 * force or not, with a warning when not), each with its prices restated.
 */
export function resolveBenchmarkCheck(
  request: BenchmarkCheckRequest,
  data: PolicyData,
): Parsed<BenchmarkCheckCommand> {
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const asOf = request.asOf ?? todayUtc();
  const reporting = { currency: request.currency ?? 'USD', fx: fxRates(request.fx) };
  const mineral = data.minerals.get(request.mineral);
  if (mineral === undefined)
    return { ok: false, problems: [{ pointer: '/mineral', detail: 'is not a known mineral' }] };
  const benchmarks = benchmarksFor(data, mineral).filter((b) =>
    request.benchmark === undefined ? benchmarkInForce(b, asOf) : b.id === request.benchmark,
  );
  if (request.benchmark !== undefined && benchmarks.length === 0) {
    return {
      ok: false,
      problems: [
        { pointer: '/benchmark', detail: `is not a benchmark that applies to ${mineral.id}` },
      ],
    };
  }
  const checks = benchmarks.flatMap((benchmark): BenchmarkCheck[] => {
    // The threshold is data, not the request: a missing rate is asked for at /fx/<its currency>.
    const threshold = restate(benchmark.price, benchmark.price.per, reporting, '', []);
    if (threshold === undefined) {
      const currency = benchmark.price.currency;
      const needed = rateNeeded(
        currency,
        reporting.currency,
        `${benchmark.id} is quoted in ${currency}`,
      );
      if (!problems.some((p) => p.pointer === needed.pointer)) problems.push(needed);
    }
    const price = restate(
      request.price,
      benchmark.price.per,
      reporting,
      '/price',
      problems,
      vatRate(request.vat),
    );
    if (threshold === undefined || price === undefined) return [];
    warnings.push(...benchmarkWarnings(benchmark, asOf));
    const input = {
      kind: benchmark.kind,
      threshold,
      price,
      licenceBeyond: benchmark.licenceBeyond,
    };
    return [{ benchmark, input, threshold, price }];
  });
  if (problems.length > 0) return { ok: false, problems };
  if (checks.length === 0) {
    warnings.push({
      code: 'no-benchmark',
      detail: `No benchmark in the data applies to ${mineral.id} (${mineral.group}) on ${asOf}.`,
    });
  }
  return {
    ok: true,
    value: {
      dataVersion: data.dataVersion,
      mineral,
      checks,
      asOf,
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      warnings,
    },
  };
}
