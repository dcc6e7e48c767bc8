import { z } from '@hono/zod-openapi';
import { FloorGapMethodSchema } from '../floor-gap/floor-gap.schemas';
import {
  BasisSchema,
  CountryCode,
  CurrencyCode,
  DecimalOutput,
  FxSchema,
  IdSchema,
  IsoDate,
  MetaSchema,
  PriceSchema,
  RoundingSchema,
  UnitSchema,
} from '../schemas';
import { StrictSchema } from '../strict';

const Id = IdSchema;

export const BlocTiersRequestSchema = z
  .object({
    mineral: Id.openapi({ description: 'Mineral id.', example: 'ndpr-oxide' }),
    redPrice: PriceSchema.openapi({ description: 'The China-track price, FOB China.' }),
    bluePrice: PriceSchema.optional().openapi({
      description: 'The allied supply offer; default the floor.',
      example: { amount: '15', currency: 'USD', per: 'kg' },
    }),
    floor: PriceSchema.optional().openapi({ description: 'The floor; or give `benchmark`.' }),
    benchmark: Id.optional().openapi({
      description: 'A floor benchmark id.',
      example: 'dod-ndpr-floor',
    }),
    destinations: z
      .array(CountryCode)
      .min(1)
      .max(60)
      .optional()
      .openapi({
        description:
          'Where to price; default the members each bloc shows by default (red CN; blue US, JP, EU, ' +
          'GB, CA, AU, KR; grey IN, VN, MY, MX, TH, ID, BR).',
        example: ['US', 'JP', 'EU', 'IN', 'CN'],
      }),
    floorMembers: z
      .array(CountryCode)
      .max(60)
      .optional()
      .openapi({
        description:
          'Who applies the floor; default every member of the blue bloc on `asOf` (coordinated).',
        example: ['US'],
      }),
    blueOrigin: CountryCode.optional().openapi({
      description:
        'Origin of the blue supply, for its duties at each destination; default none (blue supply ' +
        'taken as duty-free: domestic, FTA or stockpile supply).',
      example: 'AU',
    }),
    basis: BasisSchema.optional(),
    method: FloorGapMethodSchema.optional(),
    asOf: z
      .union([IsoDate, z.array(IsoDate).min(1).max(12)])
      .optional()
      .openapi({
        description:
          'The date, or a list of up to 12 dates: the answer is then the first date’s, and ' +
          '`dates` carries one tier set per date, each priced from the data in force on it.',
        example: '2026-11-21',
      }),
    scenario: Id.optional().openapi({
      description: 'Scenario whose measures give the other duties; default baseline.',
    }),
    currency: CurrencyCode.optional(),
    fx: FxSchema.optional(),
    rounding: RoundingSchema.optional(),
    strict: StrictSchema,
  })
  .strict()
  .openapi('BlocTiersRequest', {
    example: {
      mineral: 'ndpr-oxide',
      redPrice: { amount: '10', currency: 'USD', per: 'kg' },
      bluePrice: { amount: '15', currency: 'USD', per: 'kg' },
      floor: { amount: '16', currency: 'USD', per: 'kg' },
      destinations: ['US', 'JP', 'IN'],
      asOf: '2026-11-21',
    },
  });

export type BlocTiersRequest = z.infer<typeof BlocTiersRequestSchema>;

export const DestinationTierSchema = z
  .object({
    country: z.string().openapi({ example: 'US' }),
    bloc: z.enum(['red', 'blue', 'grey']),
    floorApplies: z.boolean(),
    redOtherDutyRate: DecimalOutput.openapi({
      description: 'Ad valorem duties on red supply there.',
      example: '0',
    }),
    blueOtherDutyRate: DecimalOutput.openapi({ example: '0' }),
    floorGapPerUnit: DecimalOutput.openapi({ example: '6.0000' }),
    redLanded: DecimalOutput.openapi({ example: '16.0000' }),
    blueLanded: DecimalOutput.openapi({ example: '15.0000' }),
    cheapest: z.enum(['red', 'blue', 'tie']),
    tier: z.enum(['red', 'blue']).openapi({ description: 'Which track’s price governs there.' }),
    governingPrice: DecimalOutput.openapi({
      description: 'min(redLanded, blueLanded).',
      example: '15.0000',
    }),
  })
  .openapi('DestinationTier');

const BlocTiersAnswerSchema = z
  .object({
    mineral: z.string(),
    per: UnitSchema,
    floorPerUnit: DecimalOutput,
    basis: BasisSchema,
    method: z.string(),
    benchmark: z.string().optional(),
    destinations: z.array(DestinationTierSchema),
    tracks: z.object({
      red: DecimalOutput,
      blue: DecimalOutput,
      spread: DecimalOutput.openapi({ description: 'blue − red.' }),
      bluePremium: DecimalOutput.openapi({ description: 'spread / red.' }),
    }),
    leakage: z.object({
      destinations: z
        .array(z.string())
        .openapi({ description: 'Outside the floor, where red stays cheaper.' }),
      insideCost: DecimalOutput.nullable(),
      leakCost: DecimalOutput.nullable(),
      downstreamCostGapPerUnit: DecimalOutput.openapi({
        description:
          'How much less per unit a maker at the cheapest leak destination pays than the best-placed ' +
          'maker inside the floor: max(0, insideCost − leakCost).',
      }),
    }),
    meta: MetaSchema,
  })
  .openapi('BlocTiersAnswer');

export const BlocTiersResponseSchema = BlocTiersAnswerSchema.extend({
  dates: z.array(BlocTiersAnswerSchema).optional().openapi({
    description:
      'When `asOf` is a list: one tier set per date, each with its own `meta` (date, warnings).',
  }),
}).openapi('BlocTiersResponse');

export type BlocTiersResponse = z.infer<typeof BlocTiersResponseSchema>;
