import { createRoute, z } from '@hono/zod-openapi';
import { requireJson } from '../media-type';
import { problemResponses } from '../problem';
import type { QueryForm } from '../query-form';
import { queryParam } from '../schemas';
import { BlocTiersRequestSchema, BlocTiersResponseSchema } from './bloc-tiers.schemas';

const TAG = 'Red / blue price tiers';

const DESCRIPTION =
  'The dual-track market under a price floor. For each destination: red-origin supply landed there ' +
  '(the China-track price, its other duties, and the floor-gap duty where the floor applies — the ' +
  'same computation as `/v1/floor-gap`), blue supply landed there, which is cheaper (a tie goes to ' +
  'blue: at parity buyers take the secure supply) and which track’s price governs (the cheaper one: ' +
  'blue inside a full-gap floor whenever the blue offer is at or below it). Plus the two tracks with spread and blue premium, and leakage: destinations outside the ' +
  'floor where red stays cheaper, and how much less a maker there pays per unit than one inside. ' +
  'The floor is coordinated (every blue member) unless `floorMembers` names who applies it. ' +
  '"Red" and "blue" name price tracks, not judgements. Worked example (BRIEF): red 10, blue 15, ' +
  'floor 16 → red lands at 16 inside the floor, blue is cheapest there at 15, red stays 10 outside, ' +
  'downstream cost gap 5.';

export const postBlocTiers = createRoute({
  operationId: 'computeBlocTiers',
  method: 'post',
  path: '/v1/bloc-tiers',
  tags: [TAG],
  summary: 'Red and blue landed prices by destination under a floor',
  description: `${DESCRIPTION} Send \`Accept: image/svg+xml\` for the picture.`,
  middleware: [requireJson],
  request: {
    body: {
      required: true,
      description: 'The mineral, the two prices and the floor.',
      content: { 'application/json': { schema: BlocTiersRequestSchema } },
    },
  },
  responses: {
    200: {
      description: 'The tiers, tracks and leakage (JSON), or the picture (SVG).',
      content: {
        'application/json': { schema: BlocTiersResponseSchema },
        'image/svg+xml': { schema: z.string().openapi({ description: 'An SVG bar chart.' }) },
      },
    },
    ...problemResponses(400, 413, 415, 422),
  },
});

/** Query parameter → pointers in the JSON request; lists are comma-separated. */
export const BLOC_TIERS_QUERY: QueryForm = {
  mineral: ['/mineral'],
  redPrice: ['/redPrice/amount'],
  bluePrice: ['/bluePrice/amount'],
  floor: ['/floor/amount'],
  per: ['/redPrice/per'],
  currency: ['/currency'],
  benchmark: ['/benchmark'],
  destinations: ['/destinations'],
  floorMembers: ['/floorMembers'],
  blueOrigin: ['/blueOrigin'],
  basis: ['/basis'],
  method: ['/method/type'],
  maxRate: ['/method/maxRate'],
  penaltyRate: ['/method/penaltyRate'],
  asOf: ['/asOf'],
  scenario: ['/scenario'],
  rounding: ['/rounding'],
};

const query = z.object({
  mineral: queryParam('Mineral id.', 'ndpr-oxide'),
  redPrice: queryParam('China-track price per `per`.', '62'),
  bluePrice: queryParam('Allied offer per `per`; default the floor.'),
  floor: queryParam('Floor per `per`; or `benchmark`.'),
  per: queryParam('Unit of the prices.', 'kg'),
  currency: queryParam('Currency of the prices and the answer; default USD.'),
  benchmark: queryParam('Floor benchmark id.', 'dod-ndpr-floor'),
  destinations: queryParam('Comma-separated countries, e.g. `US,JP,IN`.'),
  floorMembers: queryParam('Comma-separated countries applying the floor; default the blue bloc.'),
  blueOrigin: queryParam('Origin of blue supply.'),
  basis: queryParam('`duty-paid` (default) or `customs-value`.'),
  method: queryParam('`full-gap` (default), `tranche`, `capped`, `all-or-nothing`.'),
  maxRate: queryParam('With `method=capped`.'),
  penaltyRate: queryParam('With `method=all-or-nothing`.'),
  asOf: queryParam('Date YYYY-MM-DD; default today.'),
  scenario: queryParam('Scenario; default baseline.'),
  rounding: queryParam('`half-up` or `half-even`.'),
  format: z.enum(['json', 'csv', 'text', 'svg']).optional().openapi({
    description: '`json`, `csv` (one row per destination), `text` (the `field`), or `svg`.',
  }),
  field: queryParam(
    'With `format=text`: spread, bluePremium, red, blue, floorPerUnit, downstreamCostGapPerUnit, leakDestinations.',
    'spread',
  ),
});

export const getBlocTiers = createRoute({
  operationId: 'computeBlocTiersFromQuery',
  method: 'get',
  path: '/v1/bloc-tiers',
  tags: [TAG],
  summary: 'Red / blue tiers from a query string (spreadsheets)',
  description: `${DESCRIPTION} Lists are comma-separated; \`format=csv\` gives one row per destination.`,
  request: { query },
  responses: {
    200: {
      description: 'JSON, CSV, a bare value or SVG.',
      content: {
        'application/json': { schema: BlocTiersResponseSchema },
        'text/csv': { schema: z.string() },
        'text/plain': { schema: z.string().openapi({ example: '5.0000' }) },
        'image/svg+xml': { schema: z.string() },
      },
    },
    ...problemResponses(400, 422),
  },
});

export const getBlocTiersSvg = createRoute({
  operationId: 'drawBlocTiers',
  method: 'get',
  path: '/v1/bloc-tiers.svg',
  tags: [TAG],
  summary: 'The red / blue tiers as a picture',
  description:
    'The same query as `GET /v1/bloc-tiers`, answered as an SVG bar chart: red and blue landed ' +
    'price per destination, the floor as a dashed line, leaking destinations boxed. ' +
    'E.g. `/v1/bloc-tiers.svg?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US,JP,EU,IN,VN`.',
  request: { query: query.omit({ format: true, field: true }) },
  responses: {
    200: { description: 'An SVG bar chart.', content: { 'image/svg+xml': { schema: z.string() } } },
    ...problemResponses(400, 422),
  },
});
