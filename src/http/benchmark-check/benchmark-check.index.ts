import { checkBenchmark } from '../../domain/benchmark-check';
import { type Calculator, calculatorRouter, flatForm } from '../calculator';
import { answerInInputCurrency, FX_FIELD, VAT_FIELD } from '../query-form';
import { type BenchmarkCheckCommand, resolveBenchmarkCheck } from './benchmark-check.command';
import {
  BENCHMARK_CHECK_COLUMNS,
  benchmarkCheckRow,
  benchmarkCheckRows,
  presentBenchmarkCheck,
} from './benchmark-check.present';
import {
  BenchmarkCheckRequestSchema,
  BenchmarkCheckResponseSchema,
} from './benchmark-check.schemas';

const DESCRIPTION =
  'A price against every benchmark that applies to the mineral (by id or group) and is in force on ' +
  '`asOf` (an undated one always is; `benchmark` names one in force or not): a floor is met at ' +
  'or above it, a cap is kept at or below it; `gapPerUnit` says how far past it the price sits, ' +
  'and `licenceRequired` whether the scheme wants a licence beyond it (the reported G7 scheme does). ' +
  'Prices are compared per the benchmark’s unit.';

const FORM = flatForm({
  mineral: { to: '/mineral', doc: 'Mineral id.', example: 'dy-oxide' },
  price: { to: '/price/amount', doc: 'Price per `per`.', example: '1600' },
  per: { to: '/price/per', doc: 'Unit of `price`.', example: 'kg' },
  fx: FX_FIELD,
  vat: VAT_FIELD,
  currency: {
    to: '/price/currency',
    doc:
      'Currency of the price (the JSON form’s `price.currency`); default USD. E.g. ' +
      '`price=113&currency=CNY&vat=0.13&fx=CNY:0.1390` is 113 / 1.13 = 100 CNY ex-VAT × 0.1390 = ' +
      '13.90 USD per kg.',
  },
  reportingCurrency: {
    to: '/currency',
    doc:
      'Currency of the answer (the JSON form’s `currency`); default the price’s (`currency`), or ' +
      'USD, as the JSON form’s, when `fx` gives the price’s currency a rate. A benchmark quoted ' +
      'in another currency than the answer’s needs its rate in `fx`.',
  },
  benchmark: { to: '/benchmark', doc: 'Check only this benchmark.', example: 'g7-hree-cap' },
  asOf: { to: '/asOf', doc: 'Date; default today.' },
  rounding: { to: '/rounding', doc: '`half-up` or `half-even`.' },
});

export const benchmarkCheckCalculator = {
  path: '/v1/benchmarks/check',
  tag: 'Benchmarks, origin content and floor financing',
  operationId: 'checkBenchmarks',
  summary: 'Check a price against the floors and caps',
  description: DESCRIPTION,
  request: BenchmarkCheckRequestSchema,
  requestDescription: 'The mineral and the price.',
  response: BenchmarkCheckResponseSchema,
  responseDescription: 'One result per applicable benchmark.',
  resolve: resolveBenchmarkCheck,
  compute: (command: BenchmarkCheckCommand) => command.checks.map((c) => checkBenchmark(c.input)),
  present: presentBenchmarkCheck,
  row: benchmarkCheckRow,
  table: (response) => ({ header: BENCHMARK_CHECK_COLUMNS, rows: benchmarkCheckRows(response) }),
  get: {
    operationId: 'checkBenchmarksFromQuery',
    summary: 'Check a price against the floors and caps (spreadsheets)',
    description: `${DESCRIPTION} \`format=csv\` gives one row per benchmark; \`format=text\` the \`field\` (default \`status\`) of the first.`,
    form: FORM,
    defaults: answerInInputCurrency('price'),
    field: 'status',
    examples: { text: 'above-cap' },
  },
} satisfies Calculator<
  '/v1/benchmarks/check',
  typeof BenchmarkCheckRequestSchema,
  typeof BenchmarkCheckResponseSchema,
  BenchmarkCheckCommand,
  ReturnType<typeof checkBenchmark>[],
  keyof typeof FORM.query.shape
>;

export const benchmarkCheckRouter = calculatorRouter(benchmarkCheckCalculator);
