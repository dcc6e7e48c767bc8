import { z } from '@hono/zod-openapi';
import {
  CountryCode,
  CurrencyCode,
  DecimalOutput,
  IsoDate,
  MetaSchema,
  NonNegativeDecimal,
  RoundingSchema,
} from '../schemas';
import { StrictSchema } from '../strict';

export const OriginContentRequestSchema = z
  .object({
    productValue: z
      .object({ amount: NonNegativeDecimal, currency: CurrencyCode.optional() })
      .strict()
      .openapi({
        description: 'Value of the product (magnet, motor, battery).',
        example: { amount: '100000', currency: 'USD' },
      }),
    components: z
      .array(
        z
          .object({
            mineral: z.string().max(64).openapi({ example: 'dy-oxide' }),
            origin: CountryCode,
            value: NonNegativeDecimal.openapi({
              description: 'In the product value’s currency.',
              example: '100',
            }),
          })
          .strict(),
      )
      .min(1)
      .max(200),
    maxRedShare: NonNegativeDecimal.optional().openapi({
      description:
        'Highest red-origin share with which the product still counts as blue; default 0 (none).',
      example: '0.05',
    }),
    asOf: IsoDate.optional(),
    rounding: RoundingSchema.optional(),
    strict: StrictSchema,
  })
  .strict()
  .openapi('OriginContentRequest', {
    example: {
      productValue: { amount: '100000', currency: 'USD' },
      components: [
        { mineral: 'dy-oxide', origin: 'CN', value: '100' },
        { mineral: 'nd-oxide', origin: 'AU', value: '3000' },
      ],
      asOf: '2026-11-21',
    },
  });

export type OriginContentRequest = z.infer<typeof OriginContentRequestSchema>;

export const OriginContentResponseSchema = z
  .object({
    redValue: DecimalOutput,
    redShare: DecimalOutput,
    shares: z.object({ red: DecimalOutput, blue: DecimalOutput, grey: DecimalOutput }),
    chinaContentValue: DecimalOutput,
    chinaContentShare: DecimalOutput.openapi({ example: '0.001' }),
    chinaLicenceRequired: z.boolean(),
    chinaRule: z.object({
      measureId: z.string(),
      state: z.string().openapi({ example: 'in-force' }),
      deMinimisShare: DecimalOutput,
      controlledElements: z.array(z.string()),
    }),
    qualifiesAsBlue: z.boolean(),
    meta: MetaSchema,
  })
  .openapi('OriginContentResponse');

export type OriginContentResponse = z.infer<typeof OriginContentResponseSchema>;
