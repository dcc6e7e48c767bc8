import type { RouteHandler } from '@hono/zod-openapi';
import { benchmarksFor, benchmarkWarnings } from '../../data/benchmarks';
import type { PolicyData } from '../../data/store';
import { policyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import { checkBenchmark } from '../../domain/benchmark-check';
import { formatPerUnit } from '../../domain/rounding';
import { buildMeta } from '../meta';
import { fxRates, restate, todayUtc } from '../money-input';
import { csvResponse, respondInFormat } from '../output';
import type { Parsed } from '../parsed';
import { type FieldProblem, validationProblem } from '../problem';
import { flatToRequest, queryProblems, queryValues } from '../query-form';
import { issuesToProblems } from '../validation';
import {
  BENCHMARK_CHECK_QUERY,
  type BenchmarkCheckRequest,
  BenchmarkCheckRequestSchema,
  type BenchmarkCheckResponse,
  type getBenchmarkCheck,
  type postBenchmarkCheck,
} from './benchmark-check.routes';

/** The one parser and domain call of the benchmark check, for its JSON and GET forms. */
export function runBenchmarkCheck(
  request: BenchmarkCheckRequest,
  data: PolicyData,
): Parsed<BenchmarkCheckResponse> {
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const asOf = request.asOf ?? todayUtc();
  const reporting = { currency: request.currency ?? 'USD', fx: fxRates(request.fx) };
  const rounding = request.rounding ?? 'half-up';
  const mineral = data.minerals.get(request.mineral);
  if (mineral === undefined)
    return { ok: false, problems: [{ pointer: '/mineral', detail: 'is not a known mineral' }] };
  const benchmarks = benchmarksFor(data, mineral).filter(
    (b) => request.benchmark === undefined || b.id === request.benchmark,
  );
  if (request.benchmark !== undefined && benchmarks.length === 0) {
    return {
      ok: false,
      problems: [
        { pointer: '/benchmark', detail: `is not a benchmark that applies to ${mineral.id}` },
      ],
    };
  }
  const results = benchmarks.flatMap((b) => {
    const threshold = restate(b.price, b.price.per, reporting, '/fx', problems);
    const price = restate(request.price, b.price.per, reporting, '/price', problems);
    if (threshold === undefined || price === undefined) return [];
    warnings.push(...benchmarkWarnings(b, asOf));
    const r = checkBenchmark({ kind: b.kind, threshold, price, licenceBeyond: b.licenceBeyond });
    return [
      {
        id: b.id,
        kind: b.kind,
        benchmarkStatus: b.status,
        mechanism: b.mechanism,
        stage: b.stage,
        per: b.price.per,
        thresholdPerUnit: formatPerUnit(threshold, rounding),
        pricePerUnit: formatPerUnit(price, rounding),
        status: r.status,
        gapPerUnit: formatPerUnit(r.gapPerUnit, rounding),
        licenceRequired: r.licenceRequired,
      },
    ];
  });
  if (problems.length > 0) return { ok: false, problems };
  if (results.length === 0) {
    warnings.push({
      code: 'no-benchmark',
      detail: `No benchmark in the data applies to ${mineral.id} (${mineral.group}).`,
    });
  }
  return {
    ok: true,
    value: { results, meta: buildMeta(asOf, reporting.currency, rounding, warnings) },
  };
}

export const handlePostBenchmarkCheck: RouteHandler<typeof postBenchmarkCheck> = (c) => {
  const result = runBenchmarkCheck(c.req.valid('json'), policyData);
  if (!result.ok) throw validationProblem(result.problems);
  return c.json(result.value, 200);
};

const COLUMNS = [
  'id',
  'kind',
  'benchmarkStatus',
  'per',
  'thresholdPerUnit',
  'pricePerUnit',
  'status',
  'gapPerUnit',
  'licenceRequired',
] as const;

export const handleGetBenchmarkCheck: RouteHandler<typeof getBenchmarkCheck> = (c) => {
  const { format = 'json', field = 'status' } = c.req.valid('query');
  const request = BenchmarkCheckRequestSchema.safeParse(
    flatToRequest(queryValues(c.req.queries(), BENCHMARK_CHECK_QUERY), BENCHMARK_CHECK_QUERY),
  );
  if (!request.success)
    throw queryProblems(BENCHMARK_CHECK_QUERY, issuesToProblems(request.error.issues));
  const result = runBenchmarkCheck(request.data, policyData);
  if (!result.ok) throw queryProblems(BENCHMARK_CHECK_QUERY, result.problems);
  const rows = result.value.results.map((r) => COLUMNS.map((k) => String(r[k])));
  if (format === 'csv') return csvResponse(c, COLUMNS, rows);
  const first = Object.fromEntries(COLUMNS.map((k, i) => [k, rows[0]?.[i] ?? '']));
  return respondInFormat(c, format, result.value, first, field);
};
