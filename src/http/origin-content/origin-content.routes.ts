import { createRoute, z } from '@hono/zod-openapi';
import { requireJson } from '../media-type';
import { problemResponses } from '../problem';
import {
  CountryCode,
  CurrencyCode,
  DecimalOutput,
  IsoDate,
  MetaSchema,
  NonNegativeDecimal,
  RoundingSchema,
} from '../schemas';

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

export const postOriginContent = createRoute({
  operationId: 'computeOriginContent',
  method: 'post',
  path: '/v1/origin-content',
  tags: ['Benchmarks, origin content and floor financing'],
  summary: 'Red / blue / grey content of a product, and China’s 0.1% rule',
  description:
    'Shares of product value by the bloc of each mineral component’s origin, and whether China’s ' +
    'extraterritorial rule (MOFCOM No. 61 [2025]: a foreign product whose Chinese-origin content of ' +
    'controlled rare earths is 0.1% of its value or more needs a Chinese export licence) bites on ' +
    '`asOf`. The rule follows its dated status: suspended by No. 70 [2025] from 2025-11-07 to ' +
    '2026-11-10; after that, the data does not know whether the suspension was extended, so the ' +
    'legal default (the rule applies) is kept and the answer warns.',
  middleware: [requireJson],
  request: {
    body: {
      required: true,
      description: 'The product and its mineral content.',
      content: { 'application/json': { schema: OriginContentRequestSchema } },
    },
  },
  responses: {
    200: {
      description: 'The shares and the licence test.',
      content: { 'application/json': { schema: OriginContentResponseSchema } },
    },
    ...problemResponses(400, 413, 415, 422),
  },
});
