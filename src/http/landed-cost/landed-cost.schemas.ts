import { z } from '@hono/zod-openapi';
import { TARIFF_COVERAGES } from '../../data/measures';
import { CONFIDENCES } from '../../domain/confidence';
import { INCOTERMS, TRANSPORTS, VALUATION_BASES } from '../../domain/landed-cost';
import { FloorGapMethodSchema } from '../floor-gap/floor-gap.schemas';
import { FieldProblemSchema } from '../problem';
import {
  BasisSchema,
  CountryCode,
  CoverageSchema,
  CurrencyCode,
  DecimalOutput,
  FxSchema,
  IdSchema,
  IsoDate,
  MetaSchema,
  NonNegativeDecimal,
  PriceSchema,
  QuantitySchema,
  RoundingSchema,
  UnitSchema,
  upperCaseCode,
  vatSchema,
  WarningSchema,
} from '../schemas';
import { StrictSchema } from '../strict';

const Id = IdSchema;
const whatIf = { id: Id, label: z.string().max(200).optional(), programme: Id.optional() };

export const InlineMeasureSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...whatIf, kind: z.literal('ad-valorem'), rate: NonNegativeDecimal }).strict(),
    z.object({ ...whatIf, kind: z.literal('specific'), amount: PriceSchema }).strict(),
    z
      .object({
        ...whatIf,
        kind: z.literal('floor-gap'),
        floor: PriceSchema.optional(),
        benchmark: Id.optional().openapi({
          description:
            'A floor benchmark from `GET /v1/benchmarks` (a cap is a 422); a producer-side ' +
            'contract floor is priced as a border floor with a `not-a-border-floor` warning.',
          example: 'g7-lree-floor',
        }),
        basis: BasisSchema.optional().openapi({
          description:
            'As in `POST /v1/floor-gap`: default `customs-value` for `tranche` (WTO AoA art. ' +
            '5.5), `duty-paid` otherwise.',
        }),
        method: FloorGapMethodSchema.optional().openapi({
          description:
            'As in `POST /v1/floor-gap`. The reference R counts the ad valorem and specific duties ' +
            'before this line, not another floor-gap line’s duty: two floors on one line add up ' +
            'where both bind, and the answer says so in a `floors-stacked` warning.',
        }),
      })
      .strict(),
    z
      .object({
        ...whatIf,
        kind: z.literal('fee'),
        rate: NonNegativeDecimal,
        min: NonNegativeDecimal.optional(),
        max: NonNegativeDecimal.optional(),
        currency: CurrencyCode.optional().openapi({
          description: 'Currency of `min` and `max`; defaults to the reporting currency.',
        }),
      })
      .strict(),
  ])
  .openapi('WhatIfMeasure', {
    description:
      'A measure added by the request (what-if). It applies to this shipment whatever its lane ' +
      'and date; an id equal to a seeded measure replaces that measure (and keeps its `programme` ' +
      'unless one is given). Answers say so in one `overridden` warning naming them in `rowIds`; ' +
      'a what-if is not a reported figure, so `strict` does not refuse it.',
    example: { id: 'what-if-floor', kind: 'floor-gap', benchmark: 'g7-lree-floor' },
  });

export type InlineMeasure = z.infer<typeof InlineMeasureSchema>;

export const LandedCostRequestSchema = z
  .object({
    mineral: Id.optional().openapi({
      description: 'Mineral id (see `GET /v1/minerals`).',
      example: 'ndfeb-magnet',
    }),
    hts: z
      .string()
      .regex(/^[0-9]{4}\.[0-9]{2}(\.[0-9]{2}(\.?[0-9]{2})?)?$/, {
        error: 'must be an HTS number such as "2846.90.80" or "8505.11.0070"',
      })
      .optional()
      .openapi({
        description:
          'HTS line, 6, 8 or 10 digits (a 10-digit statistical line where a rule names one, such ' +
          'as 8505.11.0070, sintered NdFeB); when given it decides the tariff line. Give ' +
          '`mineral`, `hts` or both. Without `mineral`, a line only one seeded mineral has names ' +
          'it; a line several share (2846.90.80, the single rare-earth oxides) names none, so ' +
          'export licences, which follow the mineral, are not listed (a `classification` warning).',
        example: '8505.11.0070',
      }),
    origin: CountryCode.openapi({
      description:
        'Country of origin, outside the destination’s customs territory (US to US, or Germany to the EU or to France, is no import: a 422).',
      example: 'CN',
    }),
    destination: CountryCode.optional().openapi({
      description: 'Importing country or `EU`; default US.',
      example: 'US',
    }),
    asOf: IsoDate.optional().openapi({ description: 'Date of entry; default today (UTC).' }),
    quantity: QuantitySchema,
    price: PriceSchema.openapi({ description: 'Invoice price per unit, on the `incoterm` terms.' }),
    // A code like the ISO ones: "fob" is FOB, as a sheet's user types it.
    incoterm: z
      .preprocess(upperCaseCode, z.enum(INCOTERMS))
      .optional()
      .openapi({ description: 'Incoterms 2020, in any case; default FOB.', example: 'FOB' }),
    freight: NonNegativeDecimal.optional().openapi({
      description:
        'International freight total, in the price currency; inside the price for CFR/CPT/CIF/CIP.',
      example: '4000',
    }),
    insurance: NonNegativeDecimal.optional().openapi({
      description: 'Insurance total, in the price currency; inside the price for CIF/CIP.',
      example: '500',
    }),
    transport: z
      .enum(TRANSPORTS)
      .optional()
      .openapi({ description: 'Default ocean (HMF applies to ocean only).' }),
    scenario: Id.optional().openapi({
      description: 'Policy scenario; default `baseline`.',
      example: 'baseline',
    }),
    measures: z.array(InlineMeasureSchema).max(20).optional(),
    excludeMeasures: z
      .array(Id)
      .max(50)
      .optional()
      .openapi({
        description:
          'Measure ids to leave out (what-if). Each row left out that is in force on `asOf` is ' +
          'named in an `overridden` warning; leaving out one that ended before `asOf`, has not ' +
          'started or is suspended changes nothing and warns nothing.',
        example: ['us-301-magnets-2026'],
      }),
    entryId: z.string().max(64).optional().openapi({
      description:
        'Batch only: lines with the same entryId form one customs entry (MPF min/max per entry).',
      example: 'E-001',
    }),
    currency: CurrencyCode.optional().openapi({ description: 'Reporting currency; default USD.' }),
    fx: FxSchema.optional(),
    vat: vatSchema({ quoted: '`price` (not in freight or insurance)' }),
    rounding: RoundingSchema.optional(),
    strict: StrictSchema,
  })
  .strict()
  .openapi('LandedCostRequest', {
    description:
      'A shipment. The example’s Nd oxide price, 150 USD/kg, is the middle of SMM’s FOB China ' +
      'quotation of 140–160 USD/kg on 2026-01-30 (news.metal.com).',
    example: {
      mineral: 'nd-oxide',
      origin: 'CN',
      destination: 'US',
      asOf: '2026-03-01',
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '150', currency: 'USD', per: 'kg' },
      incoterm: 'FOB',
      transport: 'ocean',
    },
  });

export type LandedCostRequest = z.infer<typeof LandedCostRequestSchema>;

/** The kinds of charge line: the duties in the order they are assessed, then fees. */
const CHARGE_KINDS = ['ad-valorem', 'specific', 'floor-gap', 'fee'] as const;

const Legal = z.object({
  instrument: z.string(),
  citation: z.string().optional(),
  url: z.string().optional(),
});

/** landedCost / quantity: no figure per unit of nothing shipped. */
const perQuantity = (per: string, example: string) =>
  DecimalOutput.nullable().openapi({
    description:
      `landedCost / quantity ${per}: the printed landedCost divided by the quantity, rounded ` +
      'once to 4 places; `null` when ' +
      'the quantity is 0, where there is no cost per unit even if fees (the MPF minimum) are ' +
      'charged (an empty cell in CSV, "none" in text).',
    example,
  });
const LandedPerUnit = perQuantity('per `quantity.unit`', '95.9339');
const LandedPerKg = perQuantity('in kg', '95.9339');

const EffectiveDutyRate = DecimalOutput.nullable().openapi({
  description:
    'duties / customsValue as printed, rounded once; `null` when the customs value prints 0 (a ' +
    'price or quantity of 0, or one under half a cent), where ' +
    'there is no rate, even if a specific duty is charged (an empty cell in CSV).',
  example: '0.271',
});

export const ChargeLineSchema = z
  .object({
    measureId: z.string().openapi({ example: 'us-mfn-8505-11' }),
    kind: z.enum(CHARGE_KINDS),
    label: z.string().openapi({ example: 'US MFN duty, permanent magnets of metal (2.1%)' }),
    basis: z.string().openapi({ example: 'customs value' }),
    rate: DecimalOutput.optional().openapi({ example: '0.021' }),
    amount: DecimalOutput.openapi({ example: '15750.00' }),
    formula: z.string().openapi({ example: '2.1% × 750,000.00' }),
    legal: Legal,
    confidence: z.enum(CONFIDENCES),
  })
  .openapi('ChargeLine');

export const LandedCostResponseSchema = z
  .object({
    product: z.object({ mineral: z.string().nullable(), hts: z.string() }),
    lane: z.object({
      origin: z.string(),
      originBloc: z.string(),
      destination: z.string(),
      destinationBloc: z.string(),
    }),
    scenario: z.string(),
    incoterm: z.string(),
    transport: z.string(),
    quantity: z.object({ value: DecimalOutput, unit: UnitSchema }),
    goods: DecimalOutput.openapi({ description: 'price × quantity.' }),
    customsValue: DecimalOutput,
    valuationBasis: z.enum(VALUATION_BASES),
    lines: z
      .array(ChargeLineSchema)
      .openapi({ description: 'Duties (ad valorem, specific, floor-gap), then fees.' }),
    duties: DecimalOutput,
    fees: DecimalOutput,
    freight: DecimalOutput.openapi({
      description: 'Freight paid on top of the price (zero when inside it).',
    }),
    insurance: DecimalOutput.openapi({ description: 'Insurance paid on top of the price.' }),
    landedCost: DecimalOutput.openapi({
      description: 'goods + freight + insurance + duties + fees.',
    }),
    landedPerUnit: LandedPerUnit,
    landedPerKg: LandedPerKg,
    effectiveDutyRate: EffectiveDutyRate,
    coverage: z
      .object({
        tariffs: z.enum(TARIFF_COVERAGES).openapi({
          description:
            '`complete`: the line’s general (MFN) rate and every other duty in the data are ' +
            'counted; `partial`: duties apply but the general rate is not in the data, so ' +
            '`duties` is understated by it; `none`: the data has no tariff for this line at this ' +
            'destination, so `duties` is unknown, not zero. With either, the text and CSV forms ' +
            'answer 422 `no-tariff-data` unless `assume=no-duty`.',
          example: 'complete',
        }),
      })
      .openapi({ description: 'How much of the answer the data covers.' }),
    exportLicences: z
      .array(
        z.object({
          measureId: z.string(),
          label: z.string(),
          elements: z.array(z.string()),
          legal: Legal,
        }),
      )
      .openapi({
        description:
          'Export licences of the origin country in force for this product (not charges).',
      }),
    explain: z
      .array(
        z.object({
          measureId: z.string(),
          label: z.string(),
          applied: z.boolean(),
          reason: z.string(),
        }),
      )
      .optional()
      .openapi({
        description: 'Every measure considered for the destination, and why it applied or not.',
      }),
    entryId: z.string().optional(),
    meta: MetaSchema,
  })
  .openapi('LandedCostResponse');

export type LandedCostResponse = z.infer<typeof LandedCostResponseSchema>;

/** A batch line in `"detail": "lines"` (the default) or `"totals"`: what varies per line, pointing to its lane. */
export const LandedCostBatchLineSchema = z
  .object({
    lane: z
      .string()
      .openapi({ description: 'Key of the line’s lane in the answer’s `lanes`.', example: 'L1' }),
    incoterm: z.enum(INCOTERMS),
    quantity: z.object({ value: DecimalOutput, unit: UnitSchema }),
    goods: DecimalOutput,
    customsValue: DecimalOutput,
    lines: z
      .array(
        z.object({
          measureId: z.string().openapi({
            description: 'Key of the measure in the answer’s `measures` (label, legal source).',
            example: 'us-mfn-8505-11',
          }),
          kind: z.enum(CHARGE_KINDS),
          rate: DecimalOutput.optional().openapi({
            description:
              'The rate (a floor-gap duty’s ad valorem equivalent); none for specific duties.',
            example: '0.021',
          }),
          base: DecimalOutput.openapi({
            description: 'What the rate applies to: the customs value; a specific duty’s quantity.',
            example: '750000.00',
          }),
          amount: DecimalOutput.openapi({ example: '15750.00' }),
        }),
      )
      .optional()
      .openapi({
        description:
          'The charges, as in the single-call answer’s `lines` but pointing to `measures` by ' +
          'id: duties (ad valorem, specific, floor-gap), then fees; left out with ' +
          '`"detail": "totals"`.',
      }),
    duties: DecimalOutput,
    fees: DecimalOutput,
    freight: DecimalOutput,
    insurance: DecimalOutput,
    landedCost: DecimalOutput,
    landedPerUnit: LandedPerUnit,
    landedPerKg: LandedPerKg,
    effectiveDutyRate: EffectiveDutyRate,
    entryId: z.string().optional(),
  })
  .openapi('LandedCostBatchLine');

export type LandedCostBatchLine = z.infer<typeof LandedCostBatchLineSchema>;

/** What every line of a lane shares, once per batch answer. */
export const BatchLaneSchema = LandedCostResponseSchema.pick({
  product: true,
  lane: true,
  scenario: true,
  transport: true,
  valuationBasis: true,
  coverage: true,
  explain: true,
  meta: true,
})
  .extend({
    exportLicences: z
      .array(z.object({ measureId: z.string(), elements: z.array(z.string()) }))
      .openapi({
        description: 'Export licences of the origin in force for the product (in `measures`).',
      }),
  })
  .openapi('LandedCostBatchLane');

export type BatchLane = z.infer<typeof BatchLaneSchema>;

/** A measure the lines of a batch answer point to. */
export const BatchMeasureSchema = z
  .object({
    label: z.string(),
    kind: z.string().openapi({ example: 'ad-valorem' }),
    programme: z.string().openapi({ example: 'mfn' }),
    legal: Legal,
    confidence: z.enum(CONFIDENCES),
  })
  .openapi('LandedCostBatchMeasure');

export type BatchMeasure = z.infer<typeof BatchMeasureSchema>;

export const BatchRequestSchema = z
  .object({
    lines: z.array(z.unknown()).openapi({
      description:
        'Landed-cost requests (each a LandedCostRequest, with an optional entryId). A bad line fails alone.',
      items: { $ref: '#/components/schemas/LandedCostRequest' },
    }),
    detail: z
      .enum(['lines', 'full', 'totals'])
      .optional()
      .openapi({
        description:
          '`lines` (default): each result carries what varies per line (customs value, each ' +
          'charge’s measureId, kind, rate, base and amount, the totals and per-unit figures) and ' +
          'points by id to the answer’s `lanes` (product, lane, export licences, warnings) and ' +
          '`measures` (label, legal source, confidence, programme), given once; `full`: each ' +
          'result is exactly the single-call answer, formulas included; `totals`: as `lines` ' +
          'without the charges (`lines`). CSV answers are the same whatever the detail.',
        example: 'lines',
      }),
    explain: z
      .boolean()
      .optional()
      .openapi({
        description:
          'Include every measure considered and why it applied or not (per lane, or per line with ' +
          '`full`); default true with `full` (the single-call answer), false otherwise.',
      }),
    strict: StrictSchema.openapi({
      description:
        'With `true`, every line is strict, as `strict=true` in the query (a line may also say ' +
        '`"strict": true` for itself alone): a line whose answer would carry a `data-horizon`, ' +
        '`reported-figure`, `no-tariff-data` or `suspension-ended` warning fails alone, a 422 ' +
        'problem (`code` `strict`) listing them.',
    }),
    defaults: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({
        description:
          'Fields every line takes unless it gives its own (e.g. origin, destination, asOf, ' +
          'currency). A bad value here fails each line that takes it (alone, like any bad line), ' +
          'its problem pointing at `/defaults/<field>`.',
        example: { destination: 'US', asOf: '2026-03-01' },
      }),
  })
  .strict()
  .openapi('LandedCostBatchRequest', {
    description:
      'Lines of landed-cost requests. The example prices are the middles of SMM’s FOB China ' +
      'quotations of 2026-01-30 (news.metal.com): Nd oxide 140–160 USD/kg, Pr oxide 112–116 USD/kg.',
    example: {
      defaults: { destination: 'US', asOf: '2026-03-01' },
      lines: [
        {
          entryId: 'E-1',
          mineral: 'nd-oxide',
          origin: 'CN',
          quantity: { value: '1000', unit: 'kg' },
          price: { amount: '150', currency: 'USD', per: 'kg' },
        },
        {
          entryId: 'E-1',
          mineral: 'pr-oxide',
          origin: 'CN',
          quantity: { value: '500', unit: 'kg' },
          price: { amount: '114', currency: 'USD', per: 'kg' },
        },
      ],
    },
  });

export type BatchRequest = z.infer<typeof BatchRequestSchema>;

const ProblemObject = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z
    .string()
    .optional()
    .openapi({
      description:
        '`strict` when the line (or the batch) is strict and its answer rests on uncertain data; ' +
        '`no-tariff-data` when a CSV answer would print a duty the data does not know.',
    }),
  errors: z.array(FieldProblemSchema).optional(),
  warnings: z
    .array(WarningSchema)
    .optional()
    .openapi({ description: 'The warnings that made the line a problem.' }),
});

const BatchWarningSchema = z
  .object({
    ...WarningSchema.shape,
    lanes: z
      .array(z.string())
      .optional()
      .openapi({
        description:
          'The lanes (keys of `lanes`) whose own `meta.warnings` hold it; absent in `"detail": ' +
          '"full"`, whose lines have no lane ids, and on the batch’s own warnings.',
        example: ['L1', 'L2'],
      }),
  })
  .openapi('LandedCostBatchWarning', {
    description:
      'A warning of the batch (`mixed-dates`, `mixed-currencies`, `entry-currencies`, ' +
      '`entry-dates`, `ignored-columns`) or one its lanes share, said once with `lanes`.',
  });

const BatchMetaSchema = z
  .object({ ...MetaSchema.shape, warnings: z.array(BatchWarningSchema) })
  .openapi('LandedCostBatchMeta', {
    description:
      'The first line’s date and currency (with a warning when lines differ), and the warnings ' +
      'of the whole answer: first the batch’s own, then every warning of the lanes of the lines ' +
      'that stand, in every detail, once: a warning several lanes carry (same code and detail) ' +
      'once with the lanes it comes from in `lanes`; one `data-horizon` warning for all of them ' +
      '(`rowIds` every lane’s rows past their horizon, sorted; `knownUntil` the earliest; the ' +
      'detail gives each date with its rows); `suspension-ended` warnings of one end date as ' +
      'one. In `"detail": "full"` the lanes are not named (no `lanes`): their warnings are only ' +
      'said once. Only the lines that stand count: a refused line adds nothing (its problem ' +
      'lists its warnings), so with `strict` for the whole batch none of the four codes it ' +
      'refuses appears here.',
  });

export const BatchResponseSchema = z
  .object({
    results: z.array(
      z.union([
        z.object({
          index: z.number().int(),
          ok: z.literal(true),
          result: z.union([LandedCostBatchLineSchema, LandedCostResponseSchema]).openapi({
            description:
              '`LandedCostBatchLine` with `"detail": "lines"` (the default) and, without its ' +
              '`lines` (its charges), with `totals`; the single-call answer with `full`.',
          }),
        }),
        z.object({
          index: z.number().int(),
          ok: z.literal(false),
          entryId: z
            .string()
            .max(64)
            .optional()
            .openapi({
              description:
                'The line’s entryId as sent; when longer than 64 characters (the line failed for ' +
                'it), its first 63 and "…".',
            }),
          problem: ProblemObject,
        }),
      ]),
    ),
    totals: z.object({
      lines: z.number().int(),
      ok: z.number().int(),
      failed: z.number().int(),
      currency: z.string().nullable(),
      customsValue: DecimalOutput.nullable(),
      duties: DecimalOutput.nullable(),
      fees: DecimalOutput.nullable(),
      landedCost: DecimalOutput.nullable(),
      coverage: CoverageSchema.openapi({
        description:
          'The good lines’ `coverage.tariffs` combined: `complete` when every line’s is (or no ' +
          'line stands), `none` when every line’s is, `partial` otherwise. With `partial` or ' +
          '`none`, `duties` and `landedCost` include lines whose duties the data does not hold ' +
          '(each such lane says so in its own coverage); they are unknown there, not zero.',
      }),
    }),
    lanes: z.record(z.string(), BatchLaneSchema).optional().openapi({
      description: 'Unless `"detail": "full"`: each lane the lines point to, once.',
    }),
    measures: z.record(z.string(), BatchMeasureSchema).optional().openapi({
      description:
        'Unless `"detail": "full"`: each measure the charges and export licences point to, once.',
    }),
    meta: BatchMetaSchema,
  })
  .openapi('LandedCostBatchResponse', {
    description:
      'One result or problem per line, totals over the good lines, and meta (the first line’s ' +
      'date and currency, with a warning when lines differ).',
  });

export type BatchResponse = z.infer<typeof BatchResponseSchema>;
