import type { BenchmarkCheckResult } from '../../domain/benchmark-check';
import { formatPerUnit, formatPerUnitAgainst } from '../../domain/rounding';
import { ZERO } from '../../numeric';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { BenchmarkCheckCommand } from './benchmark-check.command';
import type { BenchmarkCheckResponse } from './benchmark-check.schemas';

/** One result per checked benchmark, in the order of `command.checks`. */
export function presentBenchmarkCheck(
  command: BenchmarkCheckCommand,
  results: readonly BenchmarkCheckResult[],
): BenchmarkCheckResponse {
  const u = (x: Parameters<typeof formatPerUnit>[0]) => formatPerUnit(x, command.rounding);
  return {
    results: command.checks.map((check, i) => {
      const r = results[i] as BenchmarkCheckResult;
      return {
        id: check.benchmark.id,
        kind: check.benchmark.kind,
        benchmarkStatus: check.benchmark.status,
        mechanism: check.benchmark.mechanism,
        stage: check.benchmark.stage,
        per: check.benchmark.price.per,
        thresholdPerUnit: u(check.threshold),
        // a price compared with the benchmark never prints on it or across it (1,500.00001
        // against a 1,500 cap is not "1500.0000" beside "above-cap"), nor a gap that is there as 0.
        pricePerUnit: formatPerUnitAgainst(check.price, [check.threshold], command.rounding),
        status: r.status,
        gapPerUnit: formatPerUnitAgainst(r.gapPerUnit, [ZERO], command.rounding),
        licenceRequired: r.licenceRequired,
      };
    }),
    meta: buildMeta(
      command.dataVersion,
      command.asOf,
      command.currency,
      command.rounding,
      command.warnings,
    ),
  };
}

/**
 * The CSV columns: a result's cells, then the answer's own: `currency` (its `meta.currency`),
 * which the prices are in (`currency=CNY&fx=USD:7` answers in CNY, `currency=EUR&fx=EUR:1.08` in
 * USD), `asOf` and `warnings` (their codes, as in the other calculators' CSV: a benchmark not in
 * force on the date, a reported figure, data past its horizon).
 */
export const BENCHMARK_CHECK_COLUMNS = [
  'id',
  'kind',
  'benchmarkStatus',
  'per',
  'thresholdPerUnit',
  'pricePerUnit',
  'status',
  'gapPerUnit',
  'licenceRequired',
  'currency',
  'asOf',
  'warnings',
] as const;

/** One CSV row per benchmark. */
export function benchmarkCheckRows(response: BenchmarkCheckResponse): string[][] {
  const answer = answerCells(response);
  return response.results.map((r) =>
    BENCHMARK_CHECK_COLUMNS.map((k) =>
      k === 'currency' || k === 'asOf' || k === 'warnings' ? answer[k] : String(r[k]),
    ),
  );
}

/** The cells every row shares: the answer's currency, date and warning codes. */
function answerCells(response: BenchmarkCheckResponse) {
  const { currency, asOf, warnings } = response.meta;
  return { currency, asOf, warnings: warnings.map((w) => w.code).join(' ') };
}

/**
 * The first benchmark's cells (the text form's `field`s); empty (text: `none`) when none applies,
 * but for `currency`, `asOf` and `warnings`, the answer's either way.
 */
export function benchmarkCheckRow(response: BenchmarkCheckResponse): FlatRow {
  const first = benchmarkCheckRows(response)[0];
  return {
    ...Object.fromEntries(BENCHMARK_CHECK_COLUMNS.map((k, i) => [k, first?.[i] ?? ''])),
    ...answerCells(response),
  };
}
