import { createRoute, z } from '@hono/zod-openapi';
import { BENCHMARK_MECHANISMS, BENCHMARK_STAGES, BENCHMARK_STATUSES } from '../../data/schema';
import { requireJson } from '../media-type';
import { problemResponses } from '../problem';
import type { QueryForm } from '../query-form';
import {
  CurrencyCode,
  DecimalOutput,
  FormatSchema,
  FxSchema,
  IsoDate,
  MetaSchema,
  PriceSchema,
  queryParam,
  RoundingSchema,
  UnitSchema,
} from '../schemas';

const TAG = 'Benchmarks, origin content and floor financing';

export const BenchmarkCheckRequestSchema = z
  .object({
    mineral: z.string().max(64).openapi({ description: 'Mineral id.', example: 'dy-oxide' }),
    price: PriceSchema.openapi({ example: { amount: '1600', currency: 'USD', per: 'kg' } }),
    benchmark: z.string().max(64).optional().openapi({ description: 'Check only this benchmark.' }),
    asOf: IsoDate.optional(),
    currency: CurrencyCode.optional(),
    fx: FxSchema.optional(),
    rounding: RoundingSchema.optional(),
  })
  .strict()
  .openapi('BenchmarkCheckRequest', {
    example: {
      mineral: 'dy-oxide',
      price: { amount: '1600', currency: 'USD', per: 'kg' },
      asOf: '2026-11-21',
    },
  });

export type BenchmarkCheckRequest = z.infer<typeof BenchmarkCheckRequestSchema>;

export const BenchmarkCheckResultSchema = z
  .object({
    id: z.string().openapi({ example: 'g7-hree-cap' }),
    kind: z.enum(['floor', 'cap']),
    benchmarkStatus: z.enum(BENCHMARK_STATUSES),
    mechanism: z.enum(BENCHMARK_MECHANISMS).openapi({ example: 'reported-reference' }),
    stage: z.enum(BENCHMARK_STAGES).openapi({ example: 'unknown' }),
    per: UnitSchema,
    thresholdPerUnit: DecimalOutput.openapi({ example: '1500.0000' }),
    pricePerUnit: DecimalOutput.openapi({ example: '1600.0000' }),
    status: z.enum(['below-floor', 'meets-floor', 'within-cap', 'above-cap']),
    gapPerUnit: DecimalOutput.openapi({
      description: 'How far past the benchmark; 0 when not.',
      example: '100.0000',
    }),
    licenceRequired: z.boolean(),
  })
  .openapi('BenchmarkCheckResult');

export const BenchmarkCheckResponseSchema = z
  .object({ results: z.array(BenchmarkCheckResultSchema), meta: MetaSchema })
  .openapi('BenchmarkCheckResponse');

export type BenchmarkCheckResponse = z.infer<typeof BenchmarkCheckResponseSchema>;

const DESCRIPTION =
  'A price against every benchmark that applies to the mineral (by id or group): a floor is met at ' +
  'or above it, a cap is kept at or below it; `gapPerUnit` says how far past it the price sits, ' +
  'and `licenceRequired` whether the scheme wants a licence beyond it (the reported G7 scheme does). ' +
  'Prices are compared per the benchmark’s unit.';

export const postBenchmarkCheck = createRoute({
  operationId: 'checkBenchmarks',
  method: 'post',
  path: '/v1/benchmarks/check',
  tags: [TAG],
  summary: 'Check a price against the floors and caps',
  description: DESCRIPTION,
  middleware: [requireJson],
  request: {
    body: {
      required: true,
      description: 'The mineral and the price.',
      content: { 'application/json': { schema: BenchmarkCheckRequestSchema } },
    },
  },
  responses: {
    200: {
      description: 'One result per applicable benchmark.',
      content: { 'application/json': { schema: BenchmarkCheckResponseSchema } },
    },
    ...problemResponses(400, 413, 415, 422),
  },
});

export const BENCHMARK_CHECK_QUERY: QueryForm = {
  mineral: ['/mineral'],
  price: ['/price/amount'],
  per: ['/price/per'],
  currency: ['/currency'],
  benchmark: ['/benchmark'],
  asOf: ['/asOf'],
  rounding: ['/rounding'],
};

export const getBenchmarkCheck = createRoute({
  operationId: 'checkBenchmarksFromQuery',
  method: 'get',
  path: '/v1/benchmarks/check',
  tags: [TAG],
  summary: 'Check a price against the floors and caps (spreadsheets)',
  description: `${DESCRIPTION} \`format=csv\` gives one row per benchmark; \`format=text\` the \`field\` (default \`status\`) of the first.`,
  request: {
    query: z.object({
      mineral: queryParam('Mineral id.', 'dy-oxide'),
      price: queryParam('Price per `per`.', '1600'),
      per: queryParam('Unit of `price`.', 'kg'),
      currency: queryParam('Currency of the price; default USD.'),
      benchmark: queryParam('Check only this benchmark.', 'g7-hree-cap'),
      asOf: queryParam('Date; default today.'),
      rounding: queryParam('`half-up` or `half-even`.'),
      format: FormatSchema.optional(),
      field: queryParam('With `format=text`.', 'status'),
    }),
  },
  responses: {
    200: {
      description: 'JSON, CSV or a bare value.',
      content: {
        'application/json': { schema: BenchmarkCheckResponseSchema },
        'text/csv': { schema: z.string() },
        'text/plain': { schema: z.string().openapi({ example: 'above-cap' }) },
      },
    },
    ...problemResponses(400, 422),
  },
});
