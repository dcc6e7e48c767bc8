import { z } from '@hono/zod-openapi';
import {
  CurrencyCode,
  DecimalOutput,
  FxSchema,
  IsoDate,
  MetaSchema,
  NonNegativeDecimal,
  PerUnitAmountSchema,
  PriceSchema,
  QuantitySchema,
  RoundingSchema,
  ShareSchema,
  UnitSchema,
  vatSchema,
} from '../schemas';
import { StrictSchema } from '../strict';

export const FloorFinancingRequestSchema = z
  .object({
    floor: PriceSchema.optional().openapi({
      description:
        'The floor; or `benchmark`. A policy price, ex-VAT: `vat` is not taken out of it (`fx` ' +
        'restates it when it is in another currency).',
    }),
    benchmark: z.string().max(64).optional().openapi({ example: 'dod-ndpr-floor' }),
    marketPrice: PriceSchema.optional().openapi({
      description:
        'The market (world) price M. Required unless `pricePath` is given. A quote in another ' +
        'currency is restated with `fx`; a VAT it includes is taken out first with `vat`.',
      example: { amount: '62', currency: 'USD', per: 'kg' },
    }),
    pricePath: z
      .array(PerUnitAmountSchema)
      .min(1)
      .max(600)
      .optional()
      .openapi({
        description:
          'One market price per period (years, quarters: the caller’s choice). Each regime is ' +
          'answered per period and, with `discountRate`, in present value. Each is a quote, as ' +
          '`marketPrice`: `vat` and `fx` apply to it.',
        example: ['62', '80', '120'],
      }),
    demand: QuantitySchema.optional().openapi({
      description: 'D: what buyers in the floor zone buy per period.',
      example: { value: '5000', unit: 't' },
    }),
    domesticOutput: QuantitySchema.optional().openapi({
      description: 'Q: what the floor-protected producer sells per period.',
      example: { value: '1000', unit: 't' },
    }),
    quantity: QuantitySchema.optional().openapi({
      description:
        'The v1 single volume: demand and domestic output both (all demand served at home). ' +
        'Give either `quantity` or both `demand` and `domesticOutput`.',
    }),
    upsideShare: ShareSchema.optional().openapi({
      description:
        'Government share of the upside above `upsideAbove` under the producer-side floor. Default: ' +
        'the benchmark contract’s own terms where the data has them (dod-ndpr-floor: 0.30 above ' +
        '110 USD/kg; lynas-jare-ndpr-floor: 0.30 above 150 USD/kg), said in a `contract-terms` ' +
        'warning; otherwise 0. Send 0 to leave the sharing out.',
      example: '0.3',
    }),
    upsideAbove: PriceSchema.optional().openapi({
      description:
        'The price above which the upside is shared; default the contract’s threshold when ' +
        '`upsideShare` comes from it, else the floor.',
      example: { amount: '150', currency: 'USD', per: 'kg' },
    }),
    upsideFromPeriod: z
      .number()
      .int()
      .min(1)
      .max(600)
      .optional()
      .openapi({
        description:
          'The first period in which the upside is shared (DoD takes its 30% only once MP is at full ' +
          'production); default 1.',
        example: 3,
      }),
    discountRate: NonNegativeDecimal.optional().openapi({
      description:
        'Discount rate per period for present values; period t is discounted by 1 / (1 + r)^t ' +
        '(flows at period end). Default 0.',
      example: '0.07',
    }),
    asOf: IsoDate.optional(),
    currency: CurrencyCode.optional(),
    fx: FxSchema.optional(),
    vat: vatSchema({
      quoted:
        '`marketPrice` and every `pricePath` price (market quotes, e.g. a Chinese domestic price); ' +
        'the floor and `upsideAbove` are policy and contract prices, taken as ex-VAT and never ' +
        'divided',
    }),
    rounding: RoundingSchema.optional(),
    strict: StrictSchema,
  })
  .strict()
  .openapi('FloorFinancingRequest', {
    example: {
      floor: { amount: '110', currency: 'USD', per: 'kg' },
      marketPrice: { amount: '62', currency: 'USD', per: 'kg' },
      demand: { value: '5000', unit: 't' },
      domesticOutput: { value: '1000', unit: 't' },
      upsideShare: '0.3',
    },
  });

export type FloorFinancingRequest = z.infer<typeof FloorFinancingRequestSchema>;

const flowFields = {
  buyersExtraCost: DecimalOutput.openapi({
    description: 'What buyers in the zone pay more than the market price.',
    example: '240000000.00',
  }),
  producerGain: DecimalOutput.openapi({
    description: 'What the protected producer earns more than at the market price.',
    example: '48000000.00',
  }),
  treasuryRevenue: DecimalOutput.openapi({
    description: 'Border: the duty on imports. Producer-side: the upside collected.',
    example: '192000000.00',
  }),
  governmentOutlay: DecimalOutput.openapi({
    description: 'Producer-side: the top-up paid. Border: 0.',
    example: '0.00',
  }),
  netPublicCost: DecimalOutput.openapi({
    description: 'governmentOutlay − treasuryRevenue (negative: the public purse gains).',
    example: '-192000000.00',
  }),
};

const BorderSchema = z
  .object({
    dutyPerUnit: DecimalOutput.optional().openapi({ description: 'max(0, F − M).' }),
    buyerPricePerUnit: DecimalOutput.optional().openapi({ description: 'max(F, M).' }),
    buyersPay: DecimalOutput.openapi({ description: 'The same as `buyersExtraCost`.' }),
    treasuryCollects: DecimalOutput.openapi({ description: 'The same as `treasuryRevenue`.' }),
    ...flowFields,
  })
  .openapi('BorderFloorFinancing', {
    description:
      'Border floor: a duty of max(0, F − M) per unit lifts every unit bought in the zone to F. ' +
      'buyersExtraCost = gap × D = producerGain (gap × min(Q, D)) + treasuryRevenue (gap × imports).',
  });

const ProducerSideSchema = z
  .object({
    topUpPerUnit: DecimalOutput.optional().openapi({ description: 'max(0, F − M).' }),
    upsidePerUnit: DecimalOutput.optional().openapi({
      description: 'upsideShare × max(0, M − F), from `upsideFromPeriod` on.',
    }),
    buyerPricePerUnit: DecimalOutput.optional().openapi({ description: 'M.' }),
    producerReceivesPerUnit: DecimalOutput.optional().openapi({
      description: 'M + top-up − upside.',
    }),
    governmentPays: DecimalOutput.openapi({ description: 'The same as `governmentOutlay`.' }),
    governmentCollects: DecimalOutput.openapi({ description: 'The same as `treasuryRevenue`.' }),
    governmentNet: DecimalOutput.openapi({ description: 'The same as `netPublicCost`.' }),
    buyersPay: DecimalOutput.openapi({ description: 'Always 0: buyers pay the market price.' }),
    ...flowFields,
  })
  .openapi('ProducerSideFloorFinancing', {
    description:
      'Producer-side floor (a contract for difference, DoD–MP style): the government pays the gap ' +
      'on output and collects its upside share above the floor; buyers pay the market price.',
  });

const FlowsSchema = z.object(flowFields);

const QuantityOutput = z.object({ value: DecimalOutput, unit: UnitSchema });

/** How a volume restated in `per` is written. */
const IN_PER =
  ' In `per`, at most 10 places: exact where it has no more, else rounded once (0.25 kg restated ' +
  'in lb is 0.25 / 0.45359237 = 0.5511556555 lb); below 1e-10, to 10 significant digits.';

export const FloorFinancingResponseSchema = z
  .object({
    per: UnitSchema,
    floorPerUnit: DecimalOutput,
    marketPricePerUnit: DecimalOutput.optional().openapi({
      description: 'M, when one market price is given.',
    }),
    quantity: QuantityOutput.optional().openapi({
      description: `The v1 \`quantity\`, when given.${IN_PER}`,
    }),
    demand: QuantityOutput.openapi({ description: `D per period.${IN_PER}` }),
    domesticOutput: QuantityOutput.openapi({ description: `Q per period.${IN_PER}` }),
    imports: QuantityOutput.openapi({ description: `max(0, D − Q) per period.${IN_PER}` }),
    border: BorderSchema.openapi({
      description: 'One market price: that period. A price path: the sum over its periods.',
    }),
    producerSide: ProducerSideSchema,
    periods: z
      .array(
        z.object({
          period: z.number().int(),
          marketPricePerUnit: DecimalOutput,
          discountFactor: DecimalOutput.openapi({ description: '1 / (1 + r)^period, 6 places.' }),
          border: BorderSchema,
          producerSide: ProducerSideSchema,
        }),
      )
      .optional()
      .openapi({ description: 'With `pricePath`: each period.' }),
    presentValue: z
      .object({ discountRate: DecimalOutput, border: FlowsSchema, producerSide: FlowsSchema })
      .optional()
      .openapi({
        description:
          'With `pricePath`: Σ flow_t / (1 + r)^t, each flow rounded once; totals of it (buyers’ ' +
          'cost at the border, net public cost) are sums of the reported parts.',
      }),
    meta: MetaSchema,
  })
  .openapi('FloorFinancingResponse');

export type FloorFinancingResponse = z.infer<typeof FloorFinancingResponseSchema>;
