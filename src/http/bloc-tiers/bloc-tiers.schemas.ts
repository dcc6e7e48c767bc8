import { z } from '@hono/zod-openapi';
import { BLOCS, CHEAPEST, TRACKS } from '../../domain/bloc-tiers';
import { FloorGapMethodSchema } from '../floor-gap/floor-gap.schemas';
import {
  BasisSchema,
  CountryCode,
  CoverageSchema,
  CurrencyCode,
  DecimalOutput,
  FxSchema,
  IdSchema,
  IsoDate,
  MAX_COUNTRY_LIST,
  MetaSchema,
  PerUnitAmountSchema,
  PriceSchema,
  QuantitySchema,
  RoundingSchema,
  UnitSchema,
  vatSchema,
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
      .max(MAX_COUNTRY_LIST)
      .optional()
      .openapi({
        description:
          'Where to price; default every member of every bloc on `asOf`, as `GET /v1/blocs?asOf=` ' +
          'lists them (membership is dated): the red bloc’s members, then the blue bloc’s, then ' +
          'the grey bloc’s, each bloc’s in code order, `EU` among the blue ones beside its member ' +
          `states. At most ${MAX_COUNTRY_LIST} (the ISO 3166-1 codes and EU).`,
        example: ['US', 'JP', 'EU', 'IN', 'CN'],
      }),
    floorMembers: z
      .array(CountryCode)
      .max(MAX_COUNTRY_LIST)
      .optional()
      .openapi({
        description:
          'Who applies the floor; default every member of the blue bloc on `asOf` (coordinated). ' +
          'A customs union named here (`EU`) applies it at each of its member states’ borders ' +
          '(one external tariff); a member state named alone applies it at its own border only, ' +
          'a hypothetical the answer warns of (`customs-union`).',
        example: ['US'],
      }),
    blueOrigin: CountryCode.optional().openapi({
      description:
        'Origin of the blue supply, for its duties at each destination; default none (blue supply ' +
        'taken as duty-free: domestic, FTA or stockpile supply). An origin in the red bloc on ' +
        '`asOf` (e.g. CN) is answered with the warning `blue-origin-red`: its goods are priced as ' +
        'the allied track, which never pays the floor-gap duty, so they escape the floor.',
      example: 'AU',
    }),
    redFreight: PerUnitAmountSchema.optional().openapi({
      description:
        'International freight per unit on red supply, added to its landed price everywhere (and ' +
        'to its customs value where the destination values imports c.i.f.); default 0.',
    }),
    blueFreight: PerUnitAmountSchema.optional().openapi({
      description: 'International freight per unit on blue supply; default 0.',
    }),
    market: z
      .object({
        demand: QuantitySchema.openapi({
          description: 'D: what buyers in the floor zone buy.',
          example: { value: '1000', unit: 't' },
        }),
        blueCapacity: QuantitySchema.openapi({
          description: 'K: what allied suppliers can sell there at their offer.',
          example: { value: '400', unit: 't' },
        }),
        destination: CountryCode.optional().openapi({
          description:
            'The floor-zone destination whose landed prices stand for the zone; default the ' +
            'floor-applying destination where red supply lands cheapest.',
          example: 'US',
        }),
      })
      .strict()
      .optional()
      .openapi({
        description:
          'The floor zone as one market with finite allied supply: blue sells up to its capacity ' +
          'at its landed offer, red is unlimited at its landed price there.',
      }),
    asBorderFloor: z
      .boolean()
      .optional()
      .openapi({
        description:
          'Use a producer-contract benchmark (e.g. `dod-ndpr-floor`) as if it were a border floor. ' +
          'Without it such a benchmark is refused: its government top-up leaves buyers’ prices ' +
          'unchanged; see `POST /v1/floor-financing`.',
        example: false,
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
    vat: vatSchema({
      quoted:
        '`redPrice` (a Chinese domestic quote; the allied offer, floor and freight are taken as given)',
    }),
    rounding: RoundingSchema.optional(),
    strict: StrictSchema,
    assume: z
      .enum(['no-duty'])
      .optional()
      .openapi({
        description:
          '`no-duty` (the query form’s `assume=no-duty`): count a duty the data has no tariff ' +
          'for as zero, explicitly, so that leakage’s `floorPart` and `otherDutiesPart` are split ' +
          'on that assumption instead of null. The `no-tariff-data` warning and ' +
          '`coverage.tariffs` still say the data lacks it.',
      }),
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
    bloc: z.enum(BLOCS),
    floorApplies: z.boolean(),
    coverage: CoverageSchema.openapi({
      description:
        'How much of the tariff there the data holds, for red supply and for blue supply from ' +
        '`blueOrigin`: `none` means its duties are unknown, not zero (the landed prices then count ' +
        'them as 0, and the CSV and text forms refuse unless `assume=no-duty`).',
    }),
    redOtherDutyRate: DecimalOutput.nullable().openapi({
      description:
        'Ad valorem duties on red supply there; null when the data has no tariff for the line ' +
        'there (unknown, not zero).',
      example: '0.037',
    }),
    blueOtherDutyRate: DecimalOutput.nullable().openapi({
      description:
        'Ad valorem duties on blue supply from `blueOrigin` (0 without one: the blue offer is ' +
        'taken as landed duty-free); null when unknown.',
      example: '0',
    }),
    floorGapPerUnit: DecimalOutput.openapi({
      description:
        'The floor-gap duty per unit, rounded once: the `dutyPerUnit` `/v1/floor-gap` prints for ' +
        'the same customs value, floor, basis and other duties; 0 where the floor does not apply.',
      example: '6.0000',
    }),
    redLanded: DecimalOutput.openapi({
      description:
        'Red supply landed there: redLandedWithoutFloor + floorGapPerUnit of the exact figures, ' +
        'rounded once, as `/v1/floor-gap` rounds its landedPerUnit (a full gap lands on the floor); ' +
        'it can differ from the sum of the two printed figures by a unit in the last place. ' +
        'Printed at 4 places, or, where 4 would show this destination’s red and blue landed prices (or ' +
        'another destination’s) equal or in the wrong order although they differ exactly, with as ' +
        'many more as it takes, up to 10, for every landed figure of the answer (past 10, the two ' +
        'are cut toward their own sides): red landing at exactly 16 beside blue at 16.00001 is ' +
        '16.0000 beside 16.00001.',
      example: '16.0000',
    }),
    blueLanded: DecimalOutput.openapi({
      description:
        'The blue offer + freight + its duties there, rounded once. ' +
        'Printed at 4 places, or, where 4 would show this destination’s red and blue landed prices (or ' +
        'another destination’s) equal or in the wrong order although they differ exactly, with as ' +
        'many more as it takes, up to 10, for every landed figure of the answer (past 10, the two ' +
        'are cut toward their own sides): red landing at exactly 16 beside blue at 16.00001 is ' +
        '16.0000 beside 16.00001.',
      example: '15.0000',
    }),
    cheapest: z.enum(CHEAPEST).openapi({
      description:
        'The cheaper of red and blue landed there, decided on their exact values, never on rounded ' +
        'ones (`tie` only when they are exactly equal); the printed redLanded and blueLanded compare ' +
        'the same way, with more places where 4 would show them equal or reversed.',
    }),
    tier: z.enum(TRACKS).openapi({
      description:
        'Which track’s price governs there: the cheaper, decided on the exact landed prices; blue at ' +
        'an exact tie.',
    }),
    governingPrice: DecimalOutput.openapi({
      description:
        'The printed landed price of the governing track (`tier`): the lower printed one.',
      example: '15.0000',
    }),
    redLandedWithoutFloor: DecimalOutput.openapi({
      description:
        'Red supply landed as it would be with no floor (red price + freight + other duties), ' +
        'rounded once.',
      example: '10.0000',
    }),
  })
  .openapi('DestinationTier');

const money = (description: string, example: string) =>
  DecimalOutput.openapi({ description, example });

export const FloorZoneMarketSchema = z
  .object({
    destination: z.string().openapi({ example: 'US' }),
    demand: z.object({ value: DecimalOutput, unit: UnitSchema }),
    blueCapacity: z.object({ value: DecimalOutput, unit: UnitSchema }),
    price: DecimalOutput.openapi({
      description:
        'The clearing price per unit, as the destination row prints it: B when blue is cheaper or ' +
        'equal and can serve all demand, else R; cheaper is decided on the exact landed prices, ' +
        'which the row prints in the same order (with more places, up to 10, where 4 would show ' +
        'them equal or reversed).',
      example: '16.0000',
    }),
    marginal: z.enum(TRACKS).openapi({ description: 'Which supply sets the price.' }),
    blueVolume: z.object({ value: DecimalOutput, unit: UnitSchema }).openapi({
      description:
        'min(K, D) when blue lands at or below red (exactly), else 0; in the unit of demand.',
      example: { value: '400', unit: 't' },
    }),
    redVolume: z.object({ value: DecimalOutput, unit: UnitSchema }).openapi({
      description: 'D − blueVolume, as printed.',
      example: { value: '600', unit: 't' },
    }),
    treasuryRevenue: money('Floor-gap duty per unit × red volume.', '3600000.00'),
    blueRent: money(
      'max(0, price − B) × blue volume: allied producers’ rent (exact, rounded once).',
      '400000.00',
    ),
    buyersExtraCost: money(
      'D × (price − min(R0, B)) when blue could serve all demand, else D × (price − R0); R0 = red ' +
        'landed without the floor.',
      '6000000.00',
    ),
  })
  .openapi('FloorZoneMarket');

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
      red: DecimalOutput.openapi({
        description:
          'The red price, rounded once: at 4 places, or with more, up to 10, where 4 would show it ' +
          'and the blue price equal or in the wrong order although they differ.',
      }),
      blue: DecimalOutput.openapi({
        description: 'The blue offer, rounded once, at as many places as `red`.',
      }),
      spread: DecimalOutput.openapi({ description: 'blue − red, as printed.' }),
      bluePremium: DecimalOutput.nullable().openapi({
        description:
          'spread / red as printed, rounded once (up to 6 places); `null` when red prints 0 (no ' +
          'premium is measured against a zero price; `none` in the text form).',
        example: '0.5',
      }),
    }),
    leakage: z.object({
      destinations: z.array(z.string()).openapi({
        description:
          'Outside the floor and the red bloc, where red lands cheaper (`cheapest` = red, decided on ' +
          'the exact landed prices).',
      }),
      redHome: z.array(z.string()).openapi({
        description: 'Red-bloc destinations (China’s home market): never counted as leakage.',
        example: ['CN'],
      }),
      insideCost: DecimalOutput.nullable().openapi({
        description:
          'The printed governingPrice of the floor-applying destination whose exact governing price ' +
          'is the lowest; null when none applies the floor.',
      }),
      leakCost: DecimalOutput.nullable().openapi({
        description:
          'The printed governingPrice of the leak destination whose exact governing price is the ' +
          'lowest; null when red leaks nowhere.',
      }),
      downstreamCostGapPerUnit: DecimalOutput.openapi({
        description:
          'How much less per unit a maker at the cheapest leak destination pays than the best-placed ' +
          'maker inside the floor: max(0, insideCost − leakCost) = floorPart + otherDutiesPart, as ' +
          'printed.',
      }),
      floorPart: DecimalOutput.nullable().openapi({
        description:
          'The part of the gap the floor duty causes: the gap less otherDutiesPart, that is ' +
          'insideCost − max(inside cost without the floor, leakCost), 0 without a gap. Like the ' +
          'gap, a difference of printed landed figures (redLanded or blueLanded less ' +
          'redLandedWithoutFloor), not a printed floorGapPerUnit, so it can differ from the ' +
          'floorGapPerUnit of the destination that sets insideCost by a unit in the last place: ' +
          'red 10.00005 under a floor of 16 on the customs value prints redLanded 16.0000 and ' +
          'redLandedWithoutFloor 10.0001, floorPart 5.9999 beside floorGapPerUnit 6.0000. Null ' +
          'with otherDutiesPart.',
        example: '5.0000',
      }),
      otherDutiesPart: DecimalOutput.nullable().openapi({
        description:
          'The part the gap would have without the floor: the destinations’ other duties (and ' +
          'freight), max(0, inside cost without the floor − leakCost), where the inside cost ' +
          'without the floor is the least printed min(redLandedWithoutFloor, blueLanded) of a ' +
          'floor member: a difference of printed figures, like the gap itself. Null (and ' +
          '`none` in the text form) when the split rests on duties the data lacks (unknown, not ' +
          'zero): the lowest inside cost without the floor is only reached where they count as 0, ' +
          'or, below it, the leak cost is; unless the request says `assume=no-duty` (JSON ' +
          '`"assume": "no-duty"`), which counts them as zero. Never null where the floor adds ' +
          'nothing to the inside cost whatever those duties are (no floor member charges a ' +
          'floor-gap duty, or a lane with known duties sets the inside cost with and without the ' +
          'floor): floorPart is then 0 and this part the whole gap (red 75 under a 37.1% duty ' +
          'against a floor of 16 and a leak at 75: 27.8250 of duties, 0 of floor).',
        example: '0.0000',
      }),
    }),
    market: FloorZoneMarketSchema.optional(),
    coverage: CoverageSchema.openapi({
      description:
        'Over every destination’s red and blue lanes (and, with several dates, every date’s): ' +
        '`complete` when the data holds every lane’s tariff, `none` when it holds none, ' +
        '`partial` otherwise. Where a destination’s `coverage.tariffs` is `none`, its duties are ' +
        'unknown (not zero), and the CSV and text forms refuse to print the figures unless ' +
        '`assume=no-duty`.',
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
export type BlocTiersAnswer = z.infer<typeof BlocTiersAnswerSchema>;
