import { z } from '@hono/zod-openapi';
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
import { StrictSchema } from '../strict';

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
    strict: StrictSchema,
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

export type FloorFinancingResponse = z.infer<typeof FloorFinancingResponseSchema>;
