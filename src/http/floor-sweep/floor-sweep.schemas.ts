import { z } from '@hono/zod-openapi';
import { MAX_SWEEP_CELLS } from '../../domain/floor-sweep';
import { FloorGapMethodSchema } from '../floor-gap/floor-gap.schemas';
import {
  BasisSchema,
  CurrencyCode,
  DecimalOutput,
  FxSchema,
  IsoDate,
  MetaSchema,
  NonNegativeDecimal,
  RoundingSchema,
  UnitSchema,
  vatSchema,
} from '../schemas';
import { StrictSchema } from '../strict';
import { GridRangeSchema, sweepSizeFirst } from './floor-sweep.size';

export const GridAxisSchema = z
  .union([
    // No `.max()` here: a list past the cell limit answers the same 413 as a range of that size,
    // before its entries are validated (the request's preprocess, sweepSizeFirst).
    z.array(NonNegativeDecimal).min(1).openapi({ maxItems: MAX_SWEEP_CELLS }),
    GridRangeSchema,
  ])
  .openapi('SweepAxis', {
    description:
      'The values of one axis: a list, or `{ from, to, step }` (from, from + step, … up to and ' +
      'including `to` when a step lands on it). Prices per `per` in the reporting currency.',
    example: { from: '10', to: '30', step: '1' },
  });

const FloorSweepRequestObject = z
  .object({
    redPrices: GridAxisSchema.openapi({
      description: 'Red (China-track) customs values per unit.',
    }),
    floors: GridAxisSchema.openapi({ description: 'Floors per unit.' }),
    per: UnitSchema.openapi({ description: 'The unit every price of the sweep is per.' }),
    bluePrice: NonNegativeDecimal.optional().openapi({
      description:
        'The allied offer per unit, landed with no floor duty; default: blue offers at each floor. ' +
        'Needed for `breakEven`.',
      example: '15',
    }),
    otherDutyRate: NonNegativeDecimal.optional().openapi({
      description: 'Ad valorem rate of red’s other duties; default 0.',
      example: '0',
    }),
    basis: BasisSchema.optional().openapi({
      description:
        'As in `POST /v1/floor-gap`: default `customs-value` for `tranche` (WTO AoA art. 5.5), ' +
        '`duty-paid` otherwise.',
    }),
    method: FloorGapMethodSchema.optional(),
    asOf: IsoDate.optional().openapi({ description: 'Echoed in `meta`; default today (UTC).' }),
    currency: CurrencyCode.optional().openapi({
      description: 'The currency every price is in; default USD.',
    }),
    fx: FxSchema.optional().openapi({
      description:
        'Accepted for symmetry with the other calculators: every price is already in `currency`.',
    }),
    vat: vatSchema({
      quoted: 'every red price of the grid (the cells and break-even values are then ex-VAT)',
    }),
    rounding: RoundingSchema.optional(),
    strict: StrictSchema,
  })
  .strict();

/** The grid's size is checked on the raw request first (sweepSizeFirst), then its entries. */
export const FloorSweepRequestSchema = z
  .preprocess(sweepSizeFirst, FloorSweepRequestObject)
  .openapi('FloorSweepRequest', {
    example: {
      redPrices: ['10'],
      floors: { from: '16', to: '30', step: '2' },
      per: 'kg',
      bluePrice: '15',
      method: { type: 'tranche' },
    },
  });

export type FloorSweepRequest = z.infer<typeof FloorSweepRequestSchema>;
export type GridAxis = z.infer<typeof GridAxisSchema>;

export const SweepCellSchema = z
  .object({
    redPrice: DecimalOutput.openapi({ example: '10.0000' }),
    floor: DecimalOutput.openapi({
      description:
        'F, at 4 places, or, where 4 would put it at or under a landed price of its column that ' +
        'is exactly below it, with more, up to 10 (the same in every cell of the column).',
      example: '26.0000',
    }),
    dutyPerUnit: DecimalOutput.openapi({ example: '5.2200' }),
    landedPerUnit: DecimalOutput.openapi({
      description:
        'R + d, rounded once: at 4 places, or, where 4 would put it on or across `floor` as ' +
        'printed, with more places, up to 10 (15.99999 under a floor of 16, not 16.0000).',
      example: '15.2200',
    }),
    adValoremEquivalent: DecimalOutput.nullable().openapi({
      description: 'd / P; null when P is 0.',
      example: '0.522',
    }),
    floorMet: z.boolean().openapi({
      description:
        'landedPerUnit ≥ floor, decided on the exact values; the printed figures read the same.',
    }),
    blueWins: z.boolean().openapi({
      description:
        'Blue’s offer ≤ red’s landed cost (a tie goes to blue), decided exactly as the break-even ' +
        'prices are: a red landed cost of 14.9999875 is below a blue offer of 15 even where it ' +
        'prints 15.0000.',
    }),
  })
  .openapi('SweepCell');

const BreakEvenValue = DecimalOutput.nullable();

export const BreakEvenSchema = z
  .object({
    minFloorForBlue: BreakEvenValue.openapi({
      description:
        'The lowest floor with which blue wins at every red price of the grid; null when no floor ' +
        'works. Solved at the lowest red price, `atRedPrice`, except under all-or-nothing: there ' +
        'red pays no penalty once its reference price reaches the floor, so the highest red price ' +
        'whose reference is below blue’s price sets it, and any floor above it works (`notes`).',
      example: '25.5319',
    }),
    maxRedPriceForRed: BreakEvenValue.openapi({
      description:
        'The red price below which red lands cheaper than blue at every floor of the grid, at ' +
        'every lower price (solved at the highest floor, `atFloor`; at it the tie goes to blue); ' +
        'null when red never wins. Under all-or-nothing red can win again higher up, from where ' +
        'its reference price reaches the floor (no penalty) to where it reaches blue’s price: ' +
        '`notes` gives that window.',
      example: '13.3753',
    }),
    minMaxRateForBlue: BreakEvenValue.openapi({
      description:
        'Capped method: the smallest maxRate with which blue wins at every red price of the grid ' +
        'given the highest floor, a rate at up to 6 places (the prices are at 4); null for other ' +
        'methods or when no rate works.',
      example: '0.5',
    }),
    atRedPrice: DecimalOutput.openapi({ example: '10.0000' }),
    atFloor: DecimalOutput.openapi({ example: '30.0000' }),
    reasons: z.record(z.string(), z.string()).openapi({
      description: 'For each null value, why nothing works.',
      example: { minMaxRateForBlue: 'only the capped method has a maxRate (method is tranche)' },
    }),
    notes: z.record(z.string(), z.string()).openapi({
      description: 'Caveats on a value, e.g. a floor that must be strictly exceeded.',
      example: {},
    }),
  })
  .openapi('BreakEven', {
    description:
      'Solved exactly per method in closed form (never by trial over the grid), reported at 4 places.',
  });

export const FloorSweepResponseSchema = z
  .object({
    per: UnitSchema,
    basis: BasisSchema,
    method: z.string().openapi({ example: 'tranche' }),
    bluePrice: DecimalOutput.nullable().openapi({ example: '15.0000' }),
    otherDutyRate: DecimalOutput.openapi({ example: '0' }),
    size: z
      .object({ redPrices: z.number().int(), floors: z.number().int(), cells: z.number().int() })
      .openapi({ example: { redPrices: 1, floors: 8, cells: 8 } }),
    cells: z.array(SweepCellSchema).openapi({
      description:
        'One per (red price, floor), red price major; each equals the single floor-gap call.',
    }),
    breakEven: BreakEvenSchema,
    meta: MetaSchema,
  })
  .openapi('FloorSweepResponse');

export type FloorSweepResponse = z.infer<typeof FloorSweepResponseSchema>;
