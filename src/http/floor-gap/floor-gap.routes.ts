import { createRoute, z } from '@hono/zod-openapi';
import { requireJson } from '../media-type';
import { problemResponses } from '../problem';
import type { QueryForm } from '../query-form';
import { FormatSchema, queryParam } from '../schemas';
import { FloorGapRequestSchema, FloorGapResponseSchema } from './floor-gap.schemas';

const TAG = 'Floor-gap duty';

export const postFloorGap = createRoute({
  operationId: 'computeFloorGap',
  method: 'post',
  path: '/v1/floor-gap',
  tags: [TAG],
  summary: 'Duty that lifts an import to a price floor',
  description:
    'Computes the border duty that lifts an import’s price toward a floor, on a stated basis. ' +
    'With P = price, r = otherDutyRate, F = floor: R = P × (1 + r) on the duty-paid basis (P on ' +
    'the customs-value basis), g = max(0, F − R); `full-gap` d = g, `tranche` the WTO art. 5.5 ' +
    'schedule or custom bands, `capped` d = min(g, maxRate × P), `all-or-nothing` d = penaltyRate × P ' +
    'when R < F. Every per-unit value is expressed per the floor’s unit in the reporting currency. ' +
    'Worked example (BRIEF): price 10, floor 16, a 25% other duty, duty-paid basis → gap 3.5.',
  middleware: [requireJson],
  request: {
    body: {
      required: true,
      description: 'The import, the floor (or a benchmark id) and the method.',
      content: { 'application/json': { schema: FloorGapRequestSchema } },
    },
  },
  responses: {
    200: {
      description: 'The floor-gap duty, per unit and in total, with its formula.',
      content: { 'application/json': { schema: FloorGapResponseSchema } },
    },
    ...problemResponses(400, 413, 415, 422),
  },
});

/** Query parameter → the pointers it fills in the JSON request (see query-form.ts). */
export const FLOOR_GAP_QUERY: QueryForm = {
  price: ['/price/amount'],
  per: ['/price/per'],
  floor: ['/floor/amount'],
  floorPer: ['/floor/per'],
  currency: ['/currency'],
  quantity: ['/quantity/value'],
  quantityUnit: ['/quantity/unit'],
  basis: ['/basis'],
  trigger: ['/trigger/amount'],
  triggerPer: ['/trigger/per'],
  otherDutyRate: ['/otherDutyRate'],
  method: ['/method/type'],
  maxRate: ['/method/maxRate'],
  penaltyRate: ['/method/penaltyRate'],
  benchmark: ['/benchmark'],
  asOf: ['/asOf'],
  rounding: ['/rounding'],
};

export const getFloorGap = createRoute({
  operationId: 'computeFloorGapFromQuery',
  method: 'get',
  path: '/v1/floor-gap',
  tags: [TAG],
  summary: 'Floor-gap duty from a query string (spreadsheets)',
  description:
    'The same computation as `POST /v1/floor-gap`, for spreadsheet formulas: ' +
    '`=IMPORTDATA("…/v1/floor-gap?price=10&floor=16&per=kg&format=csv")` or ' +
    '`=WEBSERVICE("…/v1/floor-gap?price=10&floor=16&per=kg&format=text")` → `6.00`. ' +
    'Prices and the floor are in `currency`. Unknown or repeated parameters are a 400.',
  request: {
    query: z.object({
      price: queryParam('Customs value per unit (P).', '10'),
      per: queryParam('Unit of `price` (and of `floor` unless `floorPer` is given).', 'kg'),
      floor: queryParam('The floor per unit (F); or give `benchmark`.', '16'),
      floorPer: queryParam('Unit of `floor`, when it differs from `per`.'),
      benchmark: queryParam('A benchmark id to use as the floor, e.g. `dod-ndpr-floor`.'),
      currency: queryParam('Currency of the prices and of the answer; default USD.', 'USD'),
      quantity: queryParam('Quantity imported; default 1 of the floor’s unit.', '1000'),
      quantityUnit: queryParam('Unit of `quantity`; default `per`.'),
      basis: queryParam(
        '`duty-paid` (default) or `customs-value` (the default with `method=tranche`).',
      ),
      trigger: queryParam('With `method=tranche`: the trigger price T; default the floor.'),
      triggerPer: queryParam('Unit of `trigger`, when it differs from `per`.'),
      otherDutyRate: queryParam('Ad valorem rate of the other duties, e.g. 0.25; default 0.'),
      method: queryParam('`full-gap` (default), `tranche`, `capped` or `all-or-nothing`.'),
      maxRate: queryParam('With `method=capped`: the bound rate.'),
      penaltyRate: queryParam('With `method=all-or-nothing`: the penalty rate.'),
      asOf: queryParam('Date YYYY-MM-DD; default today (UTC).'),
      rounding: queryParam('`half-up` (default) or `half-even`.'),
      format: FormatSchema.optional(),
      field: queryParam('With `format=text`: which value to return; default `duty`.', 'duty'),
    }),
  },
  responses: {
    200: {
      description: 'The answer as JSON, CSV (header + one row) or one bare value.',
      content: {
        'application/json': { schema: FloorGapResponseSchema },
        'text/csv': {
          schema: z.string().openapi({
            example:
              'duty,dutyPerUnit,gapPerUnit,pricePerUnit,referencePerUnit,floorPerUnit,landedPerUnit,adValoremEquivalent,binding,floorMet,currency,per,quantity,basis,method,asOf,warnings\r\n6.00,6.0000,6.0000,10.0000,10.0000,16.0000,16.0000,0.6,true,true,USD,kg,1,duty-paid,full-gap,2026-11-21,\r\n',
          }),
        },
        'text/plain': { schema: z.string().openapi({ example: '6.00' }) },
      },
    },
    ...problemResponses(400, 422),
  },
});
