import { createRoute, z } from '@hono/zod-openapi';
import { requireJson } from '../media-type';
import { problemResponses } from '../problem';
import {
  CurrencyCode,
  DecimalOutput,
  FxSchema,
  IsoDate,
  MetaSchema,
  NonNegativeDecimal,
  PriceSchema,
  QuantitySchema,
  RoundingSchema,
  UnitSchema,
} from '../schemas';

export const FloorFinancingRequestSchema = z
  .object({
    floor: PriceSchema.optional().openapi({ description: 'The floor; or `benchmark`.' }),
    benchmark: z.string().max(64).optional().openapi({ example: 'dod-ndpr-floor' }),
    marketPrice: PriceSchema.openapi({ example: { amount: '62', currency: 'USD', per: 'kg' } }),
    quantity: QuantitySchema.openapi({ example: { value: '1000', unit: 't' } }),
    upsideShare: NonNegativeDecimal.optional().openapi({
      description:
        'Government share of the upside above the floor (0.3 in the DoD–MP deal); default 0.',
      example: '0.3',
    }),
    asOf: IsoDate.optional(),
    currency: CurrencyCode.optional(),
    fx: FxSchema.optional(),
    rounding: RoundingSchema.optional(),
  })
  .strict()
  .openapi('FloorFinancingRequest', {
    example: {
      benchmark: 'dod-ndpr-floor',
      marketPrice: { amount: '62', currency: 'USD', per: 'kg' },
      quantity: { value: '1000', unit: 't' },
      upsideShare: '0.3',
    },
  });

export type FloorFinancingRequest = z.infer<typeof FloorFinancingRequestSchema>;

export const FloorFinancingResponseSchema = z
  .object({
    per: UnitSchema,
    floorPerUnit: DecimalOutput,
    marketPricePerUnit: DecimalOutput,
    quantity: z.object({ value: DecimalOutput, unit: UnitSchema }),
    border: z.object({
      dutyPerUnit: DecimalOutput,
      buyerPricePerUnit: DecimalOutput,
      buyersPay: DecimalOutput,
      treasuryCollects: DecimalOutput,
    }),
    producerSide: z.object({
      topUpPerUnit: DecimalOutput,
      upsidePerUnit: DecimalOutput,
      governmentPays: DecimalOutput,
      governmentCollects: DecimalOutput,
      governmentNet: DecimalOutput,
      buyerPricePerUnit: DecimalOutput,
      producerReceivesPerUnit: DecimalOutput,
    }),
    meta: MetaSchema,
  })
  .openapi('FloorFinancingResponse');

export const postFloorFinancing = createRoute({
  operationId: 'computeFloorFinancing',
  method: 'post',
  path: '/v1/floor-financing',
  tags: ['Benchmarks, origin content and floor financing'],
  summary: 'Who pays for a floor: border duty vs producer-side top-up',
  description:
    'The same floor financed two ways. Border floor: buyers pay the gap max(0, F − M) per unit as a ' +
    'duty and the treasury collects it. Producer-side floor (DoD–MP Materials style contract for ' +
    'difference): buyers pay the market price, the government pays max(0, F − M) × quantity and ' +
    'collects upsideShare × max(0, M − F) × quantity above the floor.',
  middleware: [requireJson],
  request: {
    body: {
      required: true,
      description: 'The floor, the market price and the volume.',
      content: { 'application/json': { schema: FloorFinancingRequestSchema } },
    },
  },
  responses: {
    200: {
      description: 'Both financings side by side.',
      content: { 'application/json': { schema: FloorFinancingResponseSchema } },
    },
    ...problemResponses(400, 413, 415, 422),
  },
});
