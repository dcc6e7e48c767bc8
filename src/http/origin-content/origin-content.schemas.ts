import { z } from '@hono/zod-openapi';
import { MEASURE_STATES } from '../../data/measures';
import { LICENCE_BASES } from '../../data/value-rule';
import {
  atMostEntries,
  CountryCode,
  CurrencyCode,
  DecimalOutput,
  FxSchema,
  IsoDate,
  MetaSchema,
  NonNegativeDecimal,
  RoundingSchema,
  ShareSchema,
  vatSchema,
} from '../schemas';
import { StrictSchema } from '../strict';

/** Element grades one component may give: one per chemical element. */
const MAX_ELEMENTS = 118;

export const OriginContentRequestSchema = z
  .object({
    productValue: z
      .object({
        amount: NonNegativeDecimal,
        currency: CurrencyCode.optional().openapi({
          description:
            'Currency of the product value, and of every component’s `value` that gives none; ' +
            'default the answer’s (`currency`, default USD). Another currency than the answer’s ' +
            'needs its rate in `fx` (or name it as `currency`, to answer in it).',
          example: 'EUR',
        }),
      })
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
              description:
                'A bare decimal in the product value’s currency (`productValue.currency`), or in ' +
                'the component’s own `currency` when it gives one.',
              example: '100',
            }),
            currency: CurrencyCode.optional().openapi({
              description:
                'Currency of `value` when it differs from the product value’s (give its rate in ' +
                '`fx`): e.g. a Chinese oxide bought in CNY inside a product priced in USD.',
              example: 'CNY',
            }),
            grade: z
              .preprocess(
                atMostEntries(MAX_ELEMENTS, 'elements'),
                z.record(z.string().regex(/^[A-Z][a-z]?$/), NonNegativeDecimal),
              )
              .optional()
              .openapi({
                maxProperties: MAX_ELEMENTS,
                description:
                  'Element grades by value: the share of this component’s value carried by each ' +
                  'element, e.g. `{ "Dy": "0.08", "Nd": "0.55" }` for an NdFeB magnet. China’s ' +
                  'controlled content is then the component’s value × the grades of the controlled ' +
                  'elements; without grades a component that contains any controlled element ' +
                  'counts whole (the legal default of the value rule).',
                example: { Dy: '0.08', Nd: '0.55' },
              }),
          })
          .strict(),
      )
      .min(1)
      .max(200),
    maxRedShare: ShareSchema.optional().openapi({
      description:
        'Highest red-origin share with which the product still counts as blue; default 0 (none).',
      example: '0.05',
    }),
    minBlueShare: ShareSchema.optional().openapi({
      description:
        'Lowest allied (blue) share with which the product counts as blue; default 0.5 (the IRA ' +
        '§30D applicable percentage for critical minerals in 2024, a modelling default). Grey ' +
        'content never counts as blue.',
      example: '0.5',
    }),
    asOf: IsoDate.optional(),
    currency: CurrencyCode.optional().openapi({
      description:
        'Currency of the answer (`redValue`, `chinaContentValue`); default USD, as every ' +
        'calculator’s. Every value in another currency, the product value’s included, needs its ' +
        'rate in `fx` (a missing rate is a 422 naming the currency) and is restated with it, which ' +
        'changes the shares when the components are in other currencies than the product.',
      example: 'USD',
    }),
    fx: FxSchema.optional(),
    vat: vatSchema({
      quoted:
        'every value of the request, `productValue` and each component’s `value` alike (one rate ' +
        'for all of them). The same 1 + vat then divides both parts of every share, so the shares ' +
        'and the licence and blue tests are those of the values as given; what changes is the ' +
        'money reported, `redValue` and `chinaContentValue`, which are ex-VAT. Send values that ' +
        'carry no VAT ex-VAT yourself',
    }),
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
    chinaContentShare: DecimalOutput.openapi({
      description:
        'Reported with as many places (up to 10) as it takes to stay on its side of the 0.1% ' +
        'threshold: 0.0009999 is never shown as 0.001. The same holds for every share of the ' +
        'answer (`redShare` and `shares`) against every threshold it tests (the 0.1%, ' +
        '`maxRedShare`, `minBlueShare`), so a figure reads the same wherever it appears.',
      example: '0.0009999',
    }),
    chinaLicenceRequired: z.boolean(),
    chinaLicenceBasis: z.enum(LICENCE_BASES).openapi({
      description:
        'What `chinaLicenceRequired` rests on: `in-force`, the rule is in force on `asOf`; ' +
        '`suspended`, a suspension covers `asOf` (also one that began before the rule took ' +
        'effect); `assumed`: `asOf` is past the date until which the rule’s status is known, so ' +
        'the legal default (the rule applies once its suspension ends) is assumed; or ' +
        '`not-in-force` (a fourth state): the rule has not taken effect or has ended, ' +
        'so no licence is required.',
      example: 'in-force',
    }),
    chinaRule: z.object({
      measureId: z.string(),
      state: z.enum(MEASURE_STATES).openapi({
        description:
          'The rule’s own state on `asOf`: `in-force`, `not-yet-in-force`, `suspended`, `ended` or ' +
          '`assumed` (its suspension ended and what followed is not known).',
        example: 'in-force',
      }),
      reason: z.string().openapi({
        description: 'Why it is in that state, e.g. `takes effect on 2025-12-01`.',
        example: 'in force',
      }),
      deMinimisShare: DecimalOutput,
      controlledElements: z.array(z.string()),
    }),
    qualifiesAsBlue: z.boolean().openapi({
      description: 'redShare ≤ maxRedShare and shares.blue ≥ minBlueShare.',
    }),
    maxRedShare: DecimalOutput,
    minBlueShare: DecimalOutput,
    meta: MetaSchema,
  })
  .openapi('OriginContentResponse');

export type OriginContentResponse = z.infer<typeof OriginContentResponseSchema>;
