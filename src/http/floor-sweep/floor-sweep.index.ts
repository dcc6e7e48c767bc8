import { z } from '@hono/zod-openapi';
import { type Calculator, calculatorRouter, FORMATS, flatForm } from '../calculator';
import { FX_FIELD, METHOD_FIELDS, VAT_FIELD } from '../query-form';
import { type FloorSweepCommand, resolveFloorSweep } from './floor-sweep.command';
import {
  computeFloorSweep,
  type FloorSweepResult,
  floorSweepSvg,
  presentFloorSweep,
  SWEEP_COLUMNS,
  sweepRows,
  sweepSummary,
} from './floor-sweep.present';
import { FloorSweepRequestSchema, FloorSweepResponseSchema } from './floor-sweep.schemas';

const DESCRIPTION =
  'A grid of red price × floor (at most 10,000 cells), each cell the floor-gap calculation for ' +
  'that red price and floor, with whether the floor was met and whether the allied offer ' +
  '(`bluePrice`, landed without the floor duty) wins — a tie goes to blue. `breakEven` is solved ' +
  'exactly per method in closed form, per band of a tranche schedule, not by trial over the grid: ' +
  'the lowest floor with which blue wins, the red price below which red still wins, and (capped ' +
  'method) the smallest maxRate with which blue wins; null with the reason where nothing works. ' +
  'Worked examples: red 10, blue 15, WTO tranche → minFloorForBlue 25.5319 (0.47F − 7 = 5); capped at ' +
  '0.25 → no floor works, minMaxRateForBlue 0.5; full gap, floor 16, blue 17, other duty 0.271 ' +
  '(duty-paid) → maxRedPriceForRed 13.3753 (17 / 1.271). `Accept: text/csv` gives one row per cell; ' +
  '`Accept: image/svg+xml` a heat map with the break-even marked.';

const FORM = flatForm({
  redPrices: { to: '/redPrices', doc: 'Red prices: `10,12,14` or `from:to:step`.', example: '10' },
  floors: { to: '/floors', doc: 'Floors: `16,20` or `from:to:step`.', example: '24:27:1' },
  per: { to: '/per', doc: 'The unit every price is per.', example: 'kg' },
  bluePrice: { to: '/bluePrice', doc: 'The allied offer per unit.', example: '15' },
  otherDutyRate: { to: '/otherDutyRate', doc: 'Red’s other duties, ad valorem; default 0.' },
  basis: { to: '/basis', doc: '`duty-paid` or `customs-value` (default per method).' },
  ...METHOD_FIELDS,
  method: { ...METHOD_FIELDS.method, example: 'tranche' },
  currency: { to: '/currency', doc: 'Currency of the prices; default USD.' },
  fx: FX_FIELD,
  vat: VAT_FIELD,
  asOf: { to: '/asOf', doc: 'Date YYYY-MM-DD; default today (UTC).' },
  rounding: { to: '/rounding', doc: '`half-up` (default) or `half-even`.' },
});

/** `10,12` is a list, `16:30:2` a range from:to:step. */
function axesFromQuery(request: Record<string, unknown>): Record<string, unknown> {
  for (const key of ['redPrices', 'floors'] as const) {
    const value = request[key];
    if (typeof value !== 'string') continue;
    const range = value.split(':');
    request[key] =
      range.length === 3
        ? { from: range[0], to: range[1], step: range[2] }
        : value.split(',').map((s) => s.trim());
  }
  return request;
}

const CSV = 'text/csv; charset=utf-8';

export const floorSweepCalculator = {
  path: '/v1/floor-gap/sweep',
  tag: 'Policy analysis',
  operationId: 'sweepFloorGap',
  summary: 'Red price × floor grid and the break-even prices',
  description: DESCRIPTION,
  request: FloorSweepRequestSchema,
  requestDescription: 'The two axes, the allied offer and the floor-gap method.',
  response: FloorSweepResponseSchema,
  responseDescription:
    'The cells and the break-even values (JSON), one row per cell (CSV), or a heat map (SVG).',
  resolve: resolveFloorSweep,
  compute: computeFloorSweep,
  present: presentFloorSweep,
  row: sweepSummary,
  table: (response) => ({ header: SWEEP_COLUMNS, rows: sweepRows(response) }),
  renderings: {
    // POST answers CSV to `Accept: text/csv` as GET does to `format=csv` (one row per cell, in
    // the `decimal` style asked for): the shared CSV writer, from `table`.
    csv: { contentType: CSV },
    svg: { contentType: 'image/svg+xml; charset=utf-8', render: floorSweepSvg },
  },
  get: {
    operationId: 'sweepFloorGapFromQuery',
    summary: 'Red price × floor grid from a query string (spreadsheets)',
    description:
      'The same sweep as `POST /v1/floor-gap/sweep`. Each axis is a comma-separated list ' +
      '(`10,12,14`) or a range `from:to:step` (`16:30:2`). E.g. ' +
      '`/v1/floor-gap/sweep?redPrices=10&floors=24:27:1&per=kg&bluePrice=15&method=tranche&format=csv`.',
    form: FORM,
    defaults: axesFromQuery,
    field: 'minFloorForBlue',
    fieldDoc:
      'With `format=text`: minFloorForBlue, maxRedPriceForRed, minMaxRateForBlue, cells or currency; a ' +
      'break-even that does not exist reads `none: ` and the reason (as `breakEven.reasons`).',
    format: z
      .enum([...FORMATS, 'svg'])
      .optional()
      .openapi({
        description: '`json` (default), `csv` (one row per cell), `text` (the `field`) or `svg`.',
      }),
  },
} satisfies Calculator<
  '/v1/floor-gap/sweep',
  typeof FloorSweepRequestSchema,
  typeof FloorSweepResponseSchema,
  FloorSweepCommand,
  FloorSweepResult,
  keyof typeof FORM.query.shape
>;

export const floorSweepRouter = calculatorRouter(floorSweepCalculator);
