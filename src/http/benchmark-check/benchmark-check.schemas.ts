import { z } from '@hono/zod-openapi';
import { BENCHMARK_STATUSES } from '../../data/schema';
import {
  BENCHMARK_KINDS,
  BENCHMARK_MECHANISMS,
  BENCHMARK_STAGES,
  BENCHMARK_STATUSES as CHECK_STATUSES,
} from '../../domain/benchmark-check';
import {
  CurrencyCode,
  DecimalOutput,
  FxSchema,
  IsoDate,
  MetaSchema,
  PriceSchema,
  RoundingSchema,
  UnitSchema,
  vatSchema,
} from '../schemas';
import { StrictSchema } from '../strict';

export const BenchmarkCheckRequestSchema = z
  .object({
    mineral: z.string().max(64).openapi({ description: 'Mineral id.', example: 'dy-oxide' }),
    price: PriceSchema.openapi({ example: { amount: '291', currency: 'USD', per: 'kg' } }),
    benchmark: z.string().max(64).optional().openapi({ description: 'Check only this benchmark.' }),
    asOf: IsoDate.optional(),
    currency: CurrencyCode.optional(),
    fx: FxSchema.optional(),
    vat: vatSchema({ quoted: '`price`' }),
    rounding: RoundingSchema.optional(),
    strict: StrictSchema,
  })
  .strict()
  .openapi('BenchmarkCheckRequest', {
    description:
      'A price to check against the benchmarks. The example’s Dy oxide price, 291 USD/kg, is the ' +
      'middle of SMM’s FOB China quotation of 271–311 USD/kg on 2026-01-30 (news.metal.com).',
    example: {
      mineral: 'dy-oxide',
      price: { amount: '291', currency: 'USD', per: 'kg' },
      asOf: '2026-11-21',
    },
  });

export type BenchmarkCheckRequest = z.infer<typeof BenchmarkCheckRequestSchema>;

export const BenchmarkCheckResultSchema = z
  .object({
    id: z.string().openapi({ example: 'g7-hree-cap' }),
    kind: z.enum(BENCHMARK_KINDS),
    benchmarkStatus: z.enum(BENCHMARK_STATUSES),
    mechanism: z.enum(BENCHMARK_MECHANISMS).openapi({ example: 'reported-reference' }),
    stage: z.enum(BENCHMARK_STAGES).openapi({ example: 'unknown' }),
    per: UnitSchema,
    thresholdPerUnit: DecimalOutput.openapi({ example: '1500.0000' }),
    pricePerUnit: DecimalOutput.openapi({
      description:
        'The price in the benchmark’s unit and currency, at 4 places unless that would print it on ' +
        'the benchmark or across it: then with as many places as it takes, up to 10 (1500.00001 ' +
        'against a 1,500 cap).',
      example: '1600.0000',
    }),
    status: z.enum(CHECK_STATUSES),
    gapPerUnit: DecimalOutput.openapi({
      description:
        'How far past the benchmark; 0 when not. A gap under half a unit of the 4th place is ' +
        'printed with the places it takes (0.00001), never as 0.',
      example: '100.0000',
    }),
    licenceRequired: z.boolean(),
  })
  .openapi('BenchmarkCheckResult');

export const BenchmarkCheckResponseSchema = z
  .object({ results: z.array(BenchmarkCheckResultSchema), meta: MetaSchema })
  .openapi('BenchmarkCheckResponse');

export type BenchmarkCheckResponse = z.infer<typeof BenchmarkCheckResponseSchema>;
