import { createRoute, z } from '@hono/zod-openapi';
import { requireJson, requireMediaType } from '../media-type';
import { problemResponses } from '../problem';
import { FormatSchema, queryParam } from '../schemas';
import { LANDED_COST_FORM, MAX_BATCH_LINES } from './landed-cost.batch';
import {
  BatchRequestSchema,
  BatchResponseSchema,
  LandedCostRequestSchema,
  LandedCostResponseSchema,
} from './landed-cost.schemas';

const TAG = 'Landed cost';

export const postLandedCost = createRoute({
  operationId: 'computeLandedCost',
  method: 'post',
  path: '/v1/landed-cost',
  tags: [TAG],
  summary: 'Landed cost of a shipment, line by line',
  description:
    'Goods, freight and insurance (each counted once by Incoterm), the customs value on the ' +
    'destination’s basis (the US: FOB; the EU, Japan and most others: CIF), then every duty in ' +
    'force on `asOf` for the lane and product — ad valorem, specific, floor-gap (duty-paid basis, ' +
    'r = duties so far / customs value) — and the fees (US MPF clamped per entry, HMF for ocean). ' +
    'Each line names its legal source and confidence; `explain` lists every measure considered and ' +
    'why it applied or not; `meta.warnings` flags classification doubts, reported figures and rows ' +
    'past their known-until date. `scenario`, `measures` and `excludeMeasures` give what-ifs.',
  middleware: [requireJson],
  request: {
    body: {
      required: true,
      description: 'The shipment.',
      content: { 'application/json': { schema: LandedCostRequestSchema } },
    },
  },
  responses: {
    200: {
      description: 'The landed cost with every charge explained.',
      content: { 'application/json': { schema: LandedCostResponseSchema } },
    },
    ...problemResponses(400, 413, 415, 422),
  },
});

export const getLandedCost = createRoute({
  operationId: 'computeLandedCostFromQuery',
  method: 'get',
  path: '/v1/landed-cost',
  tags: [TAG],
  summary: 'Landed cost of one line from a query string (spreadsheets)',
  description:
    'The same computation as `POST /v1/landed-cost` for one line, with the batch’s CSV column ' +
    'names as query parameters, e.g. ' +
    '`?mineral=ndfeb-magnet&origin=CN&quantity=10000&unit=kg&price=75&per=kg&asOf=2026-03-01&format=text&field=landedCost`. ' +
    'Price, freight and insurance are in `currency`; the answer is in USD unless ' +
    '`reportingCurrency` says otherwise, and `fxRate` gives units of the reporting currency per 1 ' +
    '`currency` when the two differ.',
  request: {
    query: z.object({
      ...Object.fromEntries(
        Object.keys(LANDED_COST_FORM).map((name) => [
          name,
          queryParam(`See LandedCostRequest (${LANDED_COST_FORM[name]?.join(', ')}).`),
        ]),
      ),
      mineral: queryParam('Mineral id.', 'ndfeb-magnet'),
      origin: queryParam('Country of origin.', 'CN'),
      quantity: queryParam('Quantity.', '10000'),
      unit: queryParam('Unit of `quantity`.', 'kg'),
      price: queryParam('Price per `per`.', '75'),
      per: queryParam('Unit of `price`.', 'kg'),
      fxRate: queryParam('Units of `reportingCurrency` per 1 `currency`.'),
      reportingCurrency: queryParam('Currency of the answer; default USD.'),
      format: FormatSchema.optional(),
      field: queryParam('With `format=text`: which value; default `landedCost`.', 'landedCost'),
    }),
  },
  responses: {
    200: {
      description: 'The answer as JSON, CSV (header + one row) or one bare value.',
      content: {
        'application/json': { schema: LandedCostResponseSchema },
        'text/csv': { schema: z.string() },
        'text/plain': { schema: z.string().openapi({ example: '1035237.86' }) },
      },
    },
    ...problemResponses(400, 422),
  },
});

export const postLandedCostBatch = createRoute({
  operationId: 'computeLandedCostBatch',
  method: 'post',
  path: '/v1/landed-cost/batch',
  tags: [TAG],
  summary: 'Landed cost of many lines (JSON or CSV)',
  description:
    `Up to ${MAX_BATCH_LINES} lines, as JSON (\`lines\` and \`defaults\`) or as a \`text/csv\` body ` +
    `whose header names the columns ${Object.keys(LANDED_COST_FORM).join(', ')}. A bad line fails ` +
    'alone: its problem stands in place of its result. Lines sharing an `entryId` form one customs ' +
    'entry (per reporting currency): the MPF minimum and maximum apply to the entry, and a clamped ' +
    'fee is allocated to its lines in proportion to customs value, in minor units (cents; yen for ' +
    'JPY), the units left over going to the largest remainders, so the lines add up to the ' +
    'entry’s fee. An entryId whose lines differ in currency or date is flagged in `meta.warnings`. ' +
    'Send `Accept: text/csv` for one CSV row per line with an `error` column. Unknown CSV columns ' +
    'are ignored with a warning. More lines than the maximum is a 413.',
  middleware: [requireMediaType('application/json', 'text/csv')],
  request: {
    body: {
      description: 'The lines.',
      content: {
        'application/json': { schema: BatchRequestSchema },
        'text/csv': {
          schema: z.string().openapi({
            example:
              'entryId,mineral,origin,destination,asOf,quantity,unit,price,currency,per,transport\r\nE1,ndfeb-magnet,CN,US,2026-03-01,1000,kg,75,USD,kg,ocean\r\n',
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'One result or problem per line, and totals.',
      content: {
        'application/json': { schema: BatchResponseSchema },
        'text/csv': { schema: z.string() },
      },
    },
    ...problemResponses(400, 413, 415, 422),
  },
});
