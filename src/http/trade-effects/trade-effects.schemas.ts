import { z } from '@hono/zod-openapi';
import { BLOCS } from '../../domain/bloc-tiers';
import { TRADE_MODELS } from '../../domain/trade-effects';
import { FloorGapMethodSchema } from '../floor-gap/floor-gap.schemas';
import { InlineMeasureSchema } from '../landed-cost/landed-cost.schemas';
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
  RoundingSchema,
  SignedDecimal,
  upperCaseCode,
  vatSchema,
} from '../schemas';
import { StrictSchema } from '../strict';

/** An elasticity may be negative (import demand is). */
const Elasticity = SignedDecimal.openapi({ example: '-1' });

export const ElasticitiesSchema = z
  .object({
    importDemand: Elasticity.optional().openapi({
      description:
        'η ≤ 0 (at least −100), the elasticity of total import demand to its price; default −1 ' +
        '(a neutral ' +
        'placeholder: no published rare-earth import-demand elasticity was found).',
      example: '-1',
    }),
    substitution: NonNegativeDecimal.optional().openapi({
      description:
        'σ ≥ 0 (at most 100), the elasticity of substitution between origins; default 1.5, the ' +
        'WITS-SMART default.',
      example: '1.5',
    }),
    exportSupply: NonNegativeDecimal.optional().openapi({
      description:
        'ε > 0, the export supply elasticity (smart only); default infinite (world prices do ' +
        'not move), as in WITS-SMART.',
    }),
  })
  .strict()
  .openapi('Elasticities');

export const FlowSchema = z
  .object({
    origin: CountryCode.nullable().openapi({
      description: 'ISO 3166-1 alpha-2; null for "other origins".',
      example: 'CN',
    }),
    label: z.string().max(80).optional(),
    value: NonNegativeDecimal.openapi({
      description: 'Base imports from this origin, a value.',
      example: '100',
    }),
    price: z
      .union([NonNegativeDecimal, PriceSchema])
      .optional()
      .openapi({
        description:
          'The origin’s customs value per unit, above 0: needed where the floor applies or a duty ' +
          'per unit (specific or floor-gap, in the data or in the what-if `measures`) does, whose ' +
          'ad valorem equivalent depends on the price; without it the answer is a 422 at this ' +
          'field naming the duty, never a placeholder price. Ad valorem duties need none. A bare ' +
          'decimal is per the floor’s unit (kg without a floor) in `currency`.',
        example: '10',
      }),
    t0: NonNegativeDecimal.optional().openapi({
      description:
        'The base ad valorem equivalent, overriding the one computed from the data. t1 builds on ' +
        'it: what-if `measures` add what they add on the data (t1_data − t0_data), and the ' +
        'floor-gap duty is priced over it.',
    }),
    exempt: z.boolean().optional().openapi({
      description:
        'True: the floor does not apply to this origin (default: it applies outside the blue bloc).',
    }),
  })
  .strict()
  .openapi('TradeFlow');

export const TradeEffectsRequestSchema = z
  .object({
    destination: CountryCode.optional().openapi({
      description: 'The importing country; default the dataset’s, else US.',
      example: 'US',
    }),
    mineral: IdSchema.optional().openapi({ example: 'ndpr-oxide' }),
    hts: z.string().max(16).optional().openapi({ example: '2846.90.20' }),
    asOf: IsoDate.optional(),
    floor: PriceSchema.optional().openapi({ description: 'The floor applied in the after case.' }),
    benchmark: IdSchema.optional().openapi({
      description:
        'A floor benchmark instead of `floor`. A producer-side contract floor (`dod-ndpr-floor`) ' +
        'is priced as a border floor, as asked, with a `not-a-border-floor` warning. As in bloc ' +
        'tiers, a benchmark set at another stage than the mineral is refused, one of unknown ' +
        'stage (`g7-lree-floor`) warns `stage-unknown`.',
    }),
    method: FloorGapMethodSchema.optional(),
    basis: BasisSchema.optional(),
    floorOrigins: z
      .array(CountryCode)
      .max(250)
      .optional()
      .openapi({
        description:
          'Origins the floor applies to; default every origin outside the blue bloc on `asOf` ' +
          '(and "other origins"), less those marked `exempt`. `EU` takes in its member states.',
        example: ['CN'],
      }),
    measures: z.array(InlineMeasureSchema).max(20).optional().openapi({
      description: 'What-if measures added in the after case, as in landed cost.',
    }),
    scenario: IdSchema.optional().openapi({
      description: 'The before case’s scenario; default baseline.',
    }),
    flows: z.array(FlowSchema).min(1).max(250).optional(),
    dataset: IdSchema.optional().openapi({
      description: 'A named dataset of flows, e.g. `usgs-mcs-2025-us-rare-earths`.',
      example: 'usgs-mcs-2025-us-rare-earths',
    }),
    prices: z
      .record(
        z.preprocess(
          (key) => (key === 'other' ? key : upperCaseCode(key)),
          z.string().regex(/^([A-Z]{2}|other)$/, { error: 'must be a country code or "other"' }),
        ),
        NonNegativeDecimal,
      )
      .optional()
      .openapi({
        description:
          'Prices per origin for a dataset’s flows (per the floor’s unit, in `currency`); `other` ' +
          'for its "other origins" row. Needed, as a flow’s `price`, for every origin the floor ' +
          'or a duty per unit applies to.',
        example: { CN: '10', MY: '12', other: '12' },
      }),
    elasticities: ElasticitiesSchema.optional(),
    model: z.enum(TRADE_MODELS).optional().openapi({ description: '`smart` (default) or `ces`.' }),
    currency: CurrencyCode.optional(),
    fx: FxSchema.optional(),
    vat: vatSchema({
      quoted:
        'each flow’s `price` and each of `prices` (quotes, e.g. a Chinese domestic price); not the ' +
        'flows’ `value` (base imports, customs values) nor the floor, which are ex-VAT',
    }),
    rounding: RoundingSchema.optional(),
    strict: StrictSchema,
  })
  .strict()
  .openapi('TradeEffectsRequest', {
    example: {
      destination: 'US',
      mineral: 'ndpr-oxide',
      hts: '2846.90.20',
      floor: { amount: '16', per: 'kg' },
      flows: [
        { origin: 'CN', value: '100', price: '10' },
        { origin: 'AU', value: '20' },
      ],
      elasticities: { importDemand: '-1', substitution: '1.5' },
      model: 'smart',
    },
  });

export type TradeEffectsRequest = z.infer<typeof TradeEffectsRequestSchema>;

/**
 * A figure unknown (null) where the rates it rests on are, never a 0 in its place. Each field
 * documents itself in its own `.openapi(…)`, which the Worker build leaves out
 * (scripts/worker-docs.ts).
 */
const Unknowable = DecimalOutput.nullable();
/** What a model figure's description adds about when it is unknown (null). */
const UNKNOWN_MODEL =
  ' Null where it rests on an unknown rate, never computed as if it were 0: in `smart` an ' +
  'origin’s creation is unknown where its own t0 is unknown and t1 − t0 may not be 0, and every ' +
  'diversion and new imports are unknown where any origin’s is (diversion rests on Σ s_j Δ_j); in ' +
  '`ces` every creation, diversion and new imports are unknown where any origin’s t0 is unknown ' +
  'and some rate changes (they rest on the price index). A sum with a null part is null.';

const Sums = {
  baseImports: DecimalOutput.openapi({ description: 'Σ base imports.', example: '120.00' }),
  newImports: Unknowable.openapi({
    description:
      'Σ new imports as reported (0 for a `floored` origin, whose creation and diversion are ' +
      'still the formulas’, so this need not be Σ base + creation + diversion).' +
      UNKNOWN_MODEL,
    example: '60.00',
  }),
  creation: Unknowable.openapi({
    description: `Σ trade creation.${UNKNOWN_MODEL}`,
    example: '-60.00',
  }),
  diversion: Unknowable.openapi({
    description:
      'Σ trade diversion. In `smart` the formula’s diversions sum to 0; each is rounded once, so ' +
      'the sum shown may differ from 0 by up to half a minor unit per origin.' +
      UNKNOWN_MODEL,
    example: '0.00',
  }),
  revenueBefore: Unknowable.openapi({
    description:
      'Σ t0 × base imports; null when any origin’s t0 is unknown (its duties are not in the data): ' +
      'a sum with an unknown part is unknown, not the known parts.',
    example: '0.00',
  }),
  revenueAfter: Unknowable.openapi({
    description:
      'Σ t1 × new imports; null when any origin’s is: its t1 is unknown (it builds on an unknown ' +
      't0), or its new imports are and t1 is not 0.',
    example: '15.00',
  }),
  consumerSurplusChange: Unknowable.openapi({
    description:
      'Σ −(t1 − t0) × (base + new) / 2: the buyers’ loss. Null where an origin’s t1 − t0 is ' +
      'unknown (a floor priced over duties the data lacks), or its new imports are and t1 − t0 ' +
      'is not 0, and in any sum that includes it.',
    example: '-37.50',
  }),
};

export const OriginEffectSchema = z
  .object({
    origin: z.string().nullable().openapi({ example: 'CN' }),
    label: z.string().openapi({ example: 'CN' }),
    bloc: z.enum(BLOCS),
    floorApplies: z.boolean(),
    pricePerUnit: DecimalOutput.nullable().openapi({ example: '10.0000' }),
    coverage: CoverageSchema.openapi({
      description:
        'How much of this origin’s tariff at the destination the data holds, for what t0 and t1 ' +
        'rest on: t0 unless the request gives it, and with what-if `measures` what they add, even ' +
        'over a given t0 (a floor-gap measure adds less where the other duties are higher). ' +
        '`complete` when the request gives t0 and there are no measures. With `none` and no given ' +
        't0 the ordinary duties are unknown, not zero: t0, t1 and the revenues are null, and so ' +
        'are the model’s figures resting on them (see `creation`), never computed as if 0.',
    }),
    t0: DecimalOutput.nullable().openapi({
      description:
        'Ad valorem equivalent before: the request’s `t0` where given, else from the data; null ' +
        'when the data has no tariff for the line from this origin (unknown, not zero).',
      example: '0',
    }),
    t1: DecimalOutput.nullable().openapi({
      description:
        'Ad valorem equivalent after: t0 plus what the what-if `measures` add on the data ' +
        '(t1_data − t0_data, on a given t0 too), plus, where the floor applies, the floor-gap duty ' +
        'over those duties ÷ price. Null when the t0 it builds on is unknown.',
      example: '0.6',
    }),
    ...Sums,
    revenueBefore: Unknowable.openapi({
      description: 't0 × base imports; null when t0 is unknown.',
      example: '0.00',
    }),
    revenueAfter: Unknowable.openapi({
      description:
        't1 × the exact new imports, rounded once (not t1 × the rounded `newImports`); null when ' +
        't1 is unknown, or new imports are and t1 is not 0.',
      example: '15.00',
    }),
    baseImports: DecimalOutput.openapi({ description: 'M_k.', example: '100.00' }),
    creation: Unknowable.openapi({
      description:
        'The model’s trade creation (`smart`: η × M_k × Δ_k), rounded once; the formula’s value ' +
        `also where \`floored\`.${UNKNOWN_MODEL}`,
      example: '-60.00',
    }),
    diversion: Unknowable.openapi({
      description:
        'The model’s trade diversion (`smart`: σ × M_k × (Σ s_j Δ_j − Δ_k)), rounded once; the ' +
        'formula’s value also where `floored` (in `smart` the diversions sum to 0 over origins).' +
        UNKNOWN_MODEL,
      example: '-15.00',
    }),
    newImports: Unknowable.openapi({
      description:
        'max(0, baseImports + creation + diversion as reported): each part rounded once, the sum ' +
        'not rounded again, never below 0. Where `floored` it is 0 and not that sum.' +
        UNKNOWN_MODEL,
      example: '25.00',
    }),
    floored: z.boolean().openapi({
      description:
        'baseImports + creation + diversion as reported is below 0: new imports are 0, so the ' +
        'three do not add up to them here (creation and diversion stay the formulas’). An ' +
        '`imports-floored` warning names these origins and their sums.',
    }),
  })
  .openapi('OriginEffect');

export const BlocEffectSchema = z.object({ bloc: z.enum(BLOCS), ...Sums }).openapi('BlocEffect');

export const TradeEffectsResponseSchema = z
  .object({
    illustrative: z.literal(true),
    label: z.string(),
    model: z.enum(TRADE_MODELS),
    destination: z.string(),
    hts: z.string(),
    dataset: z
      .object({
        id: z.string(),
        name: z.string(),
        year: z.string(),
        unit: z.string(),
        source: z.string(),
      })
      .optional(),
    elasticities: z.object({
      importDemand: DecimalOutput,
      substitution: DecimalOutput,
      exportSupply: DecimalOutput.nullable().openapi({ description: 'null = infinite.' }),
    }),
    origins: z.array(OriginEffectSchema),
    blocs: z.array(BlocEffectSchema),
    totals: z
      .object({
        imports: Unknowable.openapi({
          description: 'Σ new imports (after), = newImports; null where any origin’s is.',
          example: '60.00',
        }),
        revenue: Unknowable.openapi({
          description:
            'Σ t1 × new imports (after), = revenueAfter; null when any origin’s t1 is unknown.',
          example: '15.00',
        }),
        ...Sums,
      })
      .openapi({ description: 'Sums of the reported origin figures.' }),
    coverage: CoverageSchema.openapi({
      description:
        'The origins’ `coverage.tariffs` combined: `complete` when every origin’s is, `none` ' +
        'when every origin’s is, `partial` otherwise. Where an origin’s is `none`, its duties ' +
        'are unknown (not zero), and so are the figures resting on them: null (see `assumptions`).',
    }),
    assumptions: z.array(z.string()),
    meta: MetaSchema,
  })
  .openapi('TradeEffectsResponse');

export type TradeEffectsResponse = z.infer<typeof TradeEffectsResponseSchema>;
