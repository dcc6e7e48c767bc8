import { z } from '@hono/zod-openapi';
import { sentValue } from '../issue-messages';
import {
  BasisSchema,
  CurrencyCode,
  DecimalOutput,
  FxSchema,
  IsoDate,
  MetaSchema,
  NonNegativeDecimal,
  PriceSchema,
  QuantitySchema,
  RoundingSchema,
  ShareSchema,
  UnitSchema,
  vatSchema,
} from '../schemas';
import { StrictSchema } from '../strict';

export const TrancheBandSchema = z
  .object({
    upTo: NonNegativeDecimal.nullable().openapi({
      description: 'Upper bound of the band as a fraction of the floor T; `null` = no bound.',
      example: '0.40',
    }),
    share: ShareSchema.openapi({
      description:
        'Share (0 to 1) of the gap slice inside this band that is charged as duty. A gap beyond ' +
        'the last band’s `upTo` is not taxed: end with `upTo: null` to tax it.',
      example: '0.30',
    }),
  })
  .strict()
  .openapi('TrancheBand');

const FloorGapMethodObjectSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('full-gap') }).strict(),
    z
      .object({
        type: z.literal('tranche'),
        trigger: PriceSchema.optional().openapi({
          description:
            'The trigger price T the bands are fractions of (WTO AoA art. 5.5); default the floor. ' +
            'The same as the top-level `trigger`; give one of the two.',
          example: { amount: '16', currency: 'USD', per: 'kg' },
        }),
        bands: z
          .array(TrancheBandSchema)
          .min(1)
          .max(20)
          .optional()
          .openapi({
            description:
              'Ordered bands; default: the WTO Agreement on Agriculture art. 5.5 schedule ' +
              '(0 / 30 / 50 / 70 / 90% of the gap in bands of 10 / 40 / 60 / 75% of T).',
          }),
      })
      .strict(),
    z
      .object({
        type: z.literal('capped'),
        maxRate: NonNegativeDecimal.openapi({
          description: 'The bound rate: duty = min(gap, maxRate × P).',
          example: '0.25',
        }),
      })
      .strict(),
    z
      .object({
        type: z.literal('all-or-nothing'),
        penaltyRate: NonNegativeDecimal.openapi({
          description: 'Rate charged on P when the reference price is below the floor.',
          example: '0.477',
        }),
      })
      .strict(),
  ])
  .openapi('FloorGapMethodObject', {
    description:
      '`full-gap` d = g (EEC variable levy); `tranche` WTO price-based safeguard; `capped` ' +
      'd = min(g, maxRate × P) (EU cereals); `all-or-nothing` d = penaltyRate × P below the floor ' +
      '(EU solar minimum import price).',
    example: { type: 'capped', maxRate: '0.25' },
  });

/** The methods that need nothing but their name: the string shorthand takes only these. */
const METHOD_SHORTHANDS = ['full-gap', 'tranche'] as const;

/** The methods whose rate has no default, so the shorthand cannot stand for them. */
const RATE_OF: Readonly<Record<string, string>> = {
  capped: '"maxRate": "0.25"',
  'all-or-nothing': '"penaltyRate": "0.477"',
};

/** What a method that is neither a shorthand nor an object is told. */
function methodMessage(issue: { readonly input?: unknown }): string {
  const sent = issue.input;
  const rate = typeof sent === 'string' ? RATE_OF[sent] : undefined;
  if (rate !== undefined) return `"${sent}" needs its rate: send { "type": "${sent}", ${rate} }`;
  return `must be one of ${METHOD_SHORTHANDS.join(', ')}, or an object such as { "type": "capped", "maxRate": "0.25" } (got ${sentValue(sent)})`;
}

/**
 * The method as a request gives it: the object, or the name alone for a method whose parameters
 * all have defaults (`"full-gap"`, `"tranche"` with the WTO schedule), the way answers echo it.
 * Either way the request is read as the object.
 */
export const FloorGapMethodSchema = z
  .union(
    [
      z
        .enum(METHOD_SHORTHANDS)
        .transform((type): z.infer<typeof FloorGapMethodObjectSchema> => ({ type }))
        .openapi({
          description: 'Shorthand for `{ "type": … }` with its defaults.',
          example: 'full-gap',
        }),
      FloorGapMethodObjectSchema,
    ],
    { error: methodMessage },
  )
  .openapi('FloorGapMethod', {
    description:
      'How the floor-gap duty is set: an object with `type` and its parameters, or for `full-gap` ' +
      'and `tranche` (the WTO AoA art. 5.5 schedule) the name alone. `capped` and ' +
      '`all-or-nothing` need their rate, so only the object form.',
    example: 'full-gap',
  });

export const FloorGapRequestSchema = z
  .object({
    price: PriceSchema.openapi({ description: 'Customs value per unit of the import.' }),
    floor: PriceSchema.optional().openapi({
      description: 'The price floor. Give exactly one of `floor` and `benchmark`.',
      example: { amount: '16', currency: 'USD', per: 'kg' },
    }),
    benchmark: z.string().max(64).optional().openapi({
      description: 'A benchmark id from `GET /v1/benchmarks` to use as the floor.',
      example: 'dod-ndpr-floor',
    }),
    quantity: QuantitySchema.optional().openapi({
      description: 'How much is imported; default 1 of the floor’s unit.',
    }),
    basis: BasisSchema.optional().openapi({
      description:
        'Which price is compared with the floor. Default `duty-paid`, except for the `tranche` ' +
        'method, which WTO AoA art. 5.5 measures on the customs value (c.i.f.): `customs-value`.',
    }),
    trigger: PriceSchema.optional().openapi({
      description:
        'With `method.type = tranche`: the trigger price T the gap and the bands are measured ' +
        'from, when it differs from the floor; default the floor.',
      example: { amount: '16', currency: 'USD', per: 'kg' },
    }),
    otherDutyRate: NonNegativeDecimal.optional().openapi({
      description: 'Ad valorem rate of the duties charged before the floor test; default 0.',
      example: '0.25',
    }),
    method: FloorGapMethodSchema.optional(),
    asOf: IsoDate.optional().openapi({ description: 'Date of the import; default today (UTC).' }),
    currency: CurrencyCode.optional().openapi({ description: 'Reporting currency; default USD.' }),
    fx: FxSchema.optional(),
    vat: vatSchema({ quoted: '`price`' }),
    rounding: RoundingSchema.optional(),
    strict: StrictSchema,
  })
  .strict()
  .openapi('FloorGapRequest', {
    example: {
      price: { amount: '10', currency: 'USD', per: 'kg' },
      floor: { amount: '16', currency: 'USD', per: 'kg' },
      quantity: { value: '1000', unit: 'kg' },
      basis: 'duty-paid',
      otherDutyRate: '0.25',
      method: { type: 'full-gap' },
    },
  });

export type FloorGapRequest = z.infer<typeof FloorGapRequestSchema>;

export const FloorGapResponseSchema = z
  .object({
    pricePerUnit: DecimalOutput.openapi({ description: 'P, per `per`.', example: '10.0000' }),
    referencePerUnit: DecimalOutput.openapi({
      description: 'R, the price compared with the floor, rounded once.',
      example: '12.5000',
    }),
    floorPerUnit: DecimalOutput.openapi({
      description:
        'F, rounded once: at 4 places, or, where 4 would put it at or under a landedPerUnit that ' +
        'is exactly below it, with more, up to 10, so that floorMet reads off the printed figures ' +
        '(a floor of 16.00001 above a landed price of exactly 16 is `16.00001`, not `16.0000`).',
      example: '16.0000',
    }),
    gapPerUnit: DecimalOutput.openapi({
      description:
        'g = max(0, F − R) of the exact F and R, rounded once; for `tranche` the gap to the ' +
        'trigger T (the floor unless given): max(0, T − R).',
      example: '3.5000',
    }),
    dutyPerUnit: DecimalOutput.openapi({
      description:
        'd, by the method, from the exact figures, rounded once (`half-up` rounds half away from ' +
        'zero, `half-even` half to the even digit).',
      example: '3.5000',
    }),
    duty: DecimalOutput.openapi({
      description:
        'd × quantity from d before rounding, a money total in the reporting currency, rounded once.',
      example: '3500.00',
    }),
    adValoremEquivalent: DecimalOutput.nullable().openapi({
      description: 'd / P; `null` when the price is 0 (no rate expresses a duty on nothing).',
      example: '0.35',
    }),
    binding: z.boolean().openapi({
      description:
        'Whether the import is below the floor before the duty: R < F, exactly (the decision an ' +
        'all-or-nothing penalty rests on); for `tranche`, below the trigger: R < T, the gap its ' +
        'bands tax (the first band’s share may still make the duty 0). A gap under half a unit ' +
        'of the last place prints gapPerUnit 0.0000 and still binds.',
    }),
    landedPerUnit: DecimalOutput.openapi({
      description:
        'R + d of the exact R and d, rounded once: at 4 places, or, where 4 would put it on or ' +
        'across the floor, printed with more places, up to 10, as it takes to show on which side ' +
        'it is (capped at 0.599999, red 10 lands at exactly 15.99999 under a floor of 16: ' +
        '`15.99999`, not `16.0000`); past 10 places it is cut toward its side. A full gap lands ' +
        'on floorPerUnit. It can differ from the printed referencePerUnit + dutyPerUnit by a unit ' +
        'in the 4th place (R 10.00005 → 10.0001 and d 5.99995 → 6.0000 beside landed 16 → ' +
        '16.0000, half-up); the formula then writes the sum with the exact R and d.',
      example: '16.0000',
    }),
    floorMet: z.boolean().openapi({
      description:
        'landedPerUnit ≥ floorPerUnit: whether the duty lifts the import to the floor, decided on ' +
        'the exact values, never on rounded ones; landedPerUnit and floorPerUnit are printed with ' +
        'more places (up to 10) where 4 would cross the floor, so the printed figures read the ' +
        'same (landed 15.99999 under a floor of 16: `15.99999`, false). A tranche, capped or ' +
        'all-or-nothing duty can leave it below while `binding` is true.',
      example: true,
    }),
    triggerPerUnit: DecimalOutput.optional().openapi({
      description:
        'Tranche only: the trigger price T, rounded once; printed as floorPerUnit where it is the floor.',
      example: '16.0000',
    }),
    triggerGapPerUnit: DecimalOutput.optional().openapi({
      description:
        'Tranche only: max(0, T − R), the gap the bands tax, of the exact T and R, rounded once ' +
        '(the tranche’s gapPerUnit).',
      example: '6.0000',
    }),
    per: UnitSchema.openapi({ description: 'The unit every per-unit value is expressed in.' }),
    quantity: z.object({ value: DecimalOutput, unit: UnitSchema }).openapi({
      description:
        'The quantity in the floor’s unit (`per`, the unit every per-unit value is in), so that ' +
        '`duty` is d × it (d the exact `dutyPerUnit`) rounded as a money total. A quantity given in ' +
        'another unit is restated by the exact unit factors, written as it is where it ends within ' +
        '10 places (2 t = 2000 kg), else rounded once to 10: a conversion that does not terminate ' +
        'is written to 10 places (0.5 kg = 0.5 / 0.45359237 = 1.1023113109 lb; below 1e-10, to 10 ' +
        'significant digits, never 0), the duty is computed on the exact quantity.',
    }),
    quantityGiven: z.object({ value: DecimalOutput, unit: UnitSchema }).openapi({
      description:
        'The quantity as the request gave it (default 1 `per`), exactly; where it is in another ' +
        'unit the formula writes both (`d × (0.5 kg = 1.1023113109… lb)`).',
    }),
    basis: BasisSchema,
    method: z.string().openapi({ example: 'full-gap' }),
    benchmark: z.string().optional().openapi({ example: 'dod-ndpr-floor' }),
    formula: z.string().openapi({
      description:
        'The computation in words and numbers; each step holds as written. A figure rounding ' +
        'changed is written exact with the reported one beside it (`5.99995 (reported 6.0000)`), an ' +
        'operand or rate its places cannot hold is written exact (`1 + 0.2712345`), and floorMet ' +
        'compares the exact landed price with F, the reported one beside it where rounding changed ' +
        'it (`11.3199865 (reported 11.3200) < F: floor not met`).',
      example:
        'R = P × (1 + r) = 10.0000 × (1 + 0.25) = 12.5000; g = max(0, F − R) = max(0, 16.0000 − 12.5000) = 3.5000; full gap: d = g = 3.5000; duty = d × 1000 kg = 3500.00 USD; R + d = 16.0000 ≥ F: floor met',
    }),
    meta: MetaSchema,
  })
  .openapi('FloorGapResponse');

export type FloorGapResponse = z.infer<typeof FloorGapResponseSchema>;
