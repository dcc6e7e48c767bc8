import { createRoute, z } from '@hono/zod-openapi';
import { cachedResponses } from '../caching';
import { problemResponses } from '../problem';
import { onlyParameters } from '../query-form';
import { WarningSchema } from '../schemas';
import {
  AsOfQuery,
  BenchmarkSchema,
  BlocWithMembersSchema,
  ChangesQuery,
  CodeParam,
  CountrySchema,
  DataChangeSchema,
  IdParam,
  MeasureSchema,
  MeasuresQuery,
  MineralSchema,
  ScenarioSchema,
  TimelineEventSchema,
} from './reference.schemas';

const TAG = 'Reference data';
/** A reference answer: JSON, cached like every GET under /v1/ (its 200 and 304). */
const json = <T extends z.ZodType>(schema: T, description: string) =>
  cachedResponses({ description, content: { 'application/json': { schema } } });

export const listMinerals = createRoute({
  operationId: 'listMinerals',
  method: 'get',
  path: '/v1/minerals',
  tags: [TAG],
  middleware: [onlyParameters()],
  summary: 'Minerals',
  description:
    'Every mineral product Floorline prices, with its group, HTS lines and default unit.',
  responses: {
    ...json(z.object({ minerals: z.array(MineralSchema) }), 'The minerals.'),
    ...problemResponses(400),
  },
});

export const getMineral = createRoute({
  operationId: 'getMineral',
  method: 'get',
  path: '/v1/minerals/{id}',
  tags: [TAG],
  middleware: [onlyParameters()],
  summary: 'One mineral',
  description: 'A mineral by id, e.g. `ndpr-oxide`.',
  request: { params: IdParam('ndpr-oxide') },
  responses: { ...json(MineralSchema, 'The mineral.'), ...problemResponses(400, 404) },
});

export const listBlocs = createRoute({
  operationId: 'listBlocs',
  method: 'get',
  path: '/v1/blocs',
  tags: [TAG],
  middleware: [onlyParameters(AsOfQuery)],
  summary: 'Blocs and their members on a date',
  description:
    'The red (China-track), blue (allied, floor-protected) and grey (the rest) blocs with their ' +
    'members on `asOf`. Membership is dated data; a country with no membership is grey. Past ' +
    'the date the memberships are confirmed, `warnings` holds one `data-horizon` warning naming them.',
  request: { query: AsOfQuery },
  responses: {
    ...json(
      z.object({
        asOf: z.string(),
        blocs: z.array(BlocWithMembersSchema),
        warnings: z.array(WarningSchema).openapi({
          description:
            'One `data-horizon` warning when memberships are used past the date their sources ' +
            'confirm (`knownUntil`, the memberships in `rowIds`), as `GET /v1/countries/{code}` ' +
            'gives for one; empty otherwise.',
        }),
      }),
      'The blocs.',
    ),
    ...problemResponses(400, 422),
  },
});

export const getCountry = createRoute({
  operationId: 'getCountry',
  method: 'get',
  path: '/v1/countries/{code}',
  tags: [TAG],
  middleware: [onlyParameters(AsOfQuery)],
  summary: 'One country: bloc and customs valuation basis',
  description: 'A country (ISO 3166-1 alpha-2, or `EU`) with its bloc on `asOf`.',
  request: { params: CodeParam, query: AsOfQuery },
  responses: { ...json(CountrySchema, 'The country.'), ...problemResponses(400, 404, 422) },
});

export const listBenchmarks = createRoute({
  operationId: 'listBenchmarks',
  method: 'get',
  path: '/v1/benchmarks',
  tags: [TAG],
  middleware: [onlyParameters()],
  summary: 'Benchmarks (floors and caps)',
  description:
    'Reference floors and caps, each with status, source, `mechanism` (`border`, ' +
    '`producer-contract` or `reported-reference`), `stage` and the `basis` it is quoted on: the ' +
    'reported G7 $20,000/t light-REE floor and $1,500/kg heavy-REE cap (stage unknown), and the ' +
    'DoD–MP and reported Lynas–JARE $110/kg NdPr producer contracts, which are not border floors.',
  responses: {
    ...json(z.object({ benchmarks: z.array(BenchmarkSchema) }), 'The benchmarks.'),
    ...problemResponses(400),
  },
});

export const getBenchmark = createRoute({
  operationId: 'getBenchmark',
  method: 'get',
  path: '/v1/benchmarks/{id}',
  tags: [TAG],
  middleware: [onlyParameters()],
  summary: 'One benchmark',
  description: 'A benchmark by id, e.g. `g7-lree-floor`.',
  request: { params: IdParam('g7-lree-floor') },
  responses: { ...json(BenchmarkSchema, 'The benchmark.'), ...problemResponses(400, 404) },
});

export const listMeasures = createRoute({
  operationId: 'listMeasures',
  method: 'get',
  path: '/v1/measures',
  tags: [TAG],
  middleware: [onlyParameters(MeasuresQuery)],
  summary: 'Policy measures, filtered',
  description:
    'Tariffs, fees, floor-gap measures and export licences, each with legal source, effective ' +
    'period, known-until date and confidence, and its state on `asOf`. Filter by date ' +
    '(`asOf`, default today: the measures in force on it, unless `inForce=false`), ' +
    'destination, origin (the measures on goods of that origin: not China’s value rule, No. 61, ' +
    'on products made elsewhere with Chinese content) and mineral.',
  request: { query: MeasuresQuery },
  responses: {
    ...json(z.object({ asOf: z.string(), measures: z.array(MeasureSchema) }), 'The measures.'),
    ...problemResponses(400, 422),
  },
});

export const listScenarios = createRoute({
  operationId: 'listScenarios',
  method: 'get',
  path: '/v1/scenarios',
  tags: [TAG],
  middleware: [onlyParameters()],
  summary: 'Named policy scenarios',
  description:
    '`baseline` is the measures in force on `asOf`; other scenarios add or drop measures.',
  responses: {
    ...json(z.object({ scenarios: z.array(ScenarioSchema) }), 'The scenarios.'),
    ...problemResponses(400),
  },
});

export const getTimeline = createRoute({
  operationId: 'getTimeline',
  method: 'get',
  path: '/v1/timeline',
  tags: [TAG],
  middleware: [onlyParameters()],
  summary: 'Policy timeline',
  description: 'Dated policy events, oldest first, each with its source and confidence.',
  responses: {
    ...json(z.object({ events: z.array(TimelineEventSchema) }), 'The events.'),
    ...problemResponses(400),
  },
});

export const listChanges = createRoute({
  operationId: 'listChanges',
  method: 'get',
  path: '/v1/changes',
  tags: [TAG],
  middleware: [onlyParameters(ChangesQuery)],
  summary: 'What changed in the data in a window',
  description:
    'The data changelog, computed from the rows themselves: measures, benchmarks and bloc ' +
    'memberships that started, ended (their last day in force) or were replaced by the next row ' +
    'of the same programme and scope (old value → new), and suspensions that began or ended, ' +
    'oldest first. Give `since` (no end) or `from` with an optional `to` (both inclusive). ' +
    'Example: `?from=2026-07-20&to=2026-07-31` lists the Section 122 surcharge ending on ' +
    '2026-07-23 and the Section 301 forced-labor rates starting on 2026-07-24.',
  request: { query: ChangesQuery },
  responses: {
    ...json(
      z.object({
        from: z.string().openapi({ example: '2026-07-20' }),
        to: z.string().nullable().openapi({ example: '2026-07-31' }),
        changes: z.array(DataChangeSchema),
      }),
      'The changes in the window.',
    ),
    ...problemResponses(400, 422),
  },
});
