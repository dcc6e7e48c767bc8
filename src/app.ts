import './zod-config';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { type PolicyData, policyData } from './data/store';
import { benchmarkCheckRouter } from './http/benchmark-check/benchmark-check.index';
import { blocTiersRouter } from './http/bloc-tiers/bloc-tiers.index';
import { registerCachingComponents } from './http/caching';
import { compareRouter } from './http/compare/compare.index';
import { contentFloorRouter } from './http/content-floor/content-floor.index';
import type { Bindings } from './http/env';
import {
  handleError,
  notFoundOrMethodNotAllowed,
  type RouteTable,
  routeTable,
} from './http/errors';
import { exactJsonBodies } from './http/exact-json';
import { floorFinancingRouter } from './http/floor-financing/floor-financing.index';
import { floorGapRouter } from './http/floor-gap/floor-gap.index';
import { floorSweepRouter } from './http/floor-sweep/floor-sweep.index';
import { landedCostRouter } from './http/landed-cost/landed-cost.index';
import { createMcpRouter } from './http/mcp/mcp.index';
import { mcpPath } from './http/mcp/mcp.routes';
import type { OpenApiDocument } from './http/mcp/mcp.tools';
import { mediaType, refuseContentCoding } from './http/media-type';
import { apiKeys } from './http/middleware/api-keys';
import { httpCache } from './http/middleware/cache';
import { rateLimit } from './http/middleware/rate-limit';
import { serverTiming } from './http/middleware/server-timing';
import { originContentRouter } from './http/origin-content/origin-content.index';
import { Problem } from './http/problem';
import { refuseMalformedQuery } from './http/query-form';
import { referenceRouter } from './http/reference/reference.index';
import { createRouter } from './http/router';
import { systemRouter } from './http/system/system.index';
import { tradeEffectsRouter } from './http/trade-effects/trade-effects.index';

/** Largest body of a single calculation, in bytes. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** Largest JSON batch body, in bytes. */
export const MAX_BATCH_BODY_BYTES = 10 * 1024 * 1024;
/** Largest CSV batch body, in bytes (CSV is about a third the size of the same lines in JSON). */
export const MAX_CSV_BODY_BYTES = 4 * 1024 * 1024;

function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new Problem(413, `The body is larger than ${maxSize} bytes.`);
    },
  });
}

/** The document's static part; the paths are generated from the route schemas. */
export const OPENAPI_INFO: Parameters<ReturnType<typeof createRouter>['getOpenAPI31Document']>[0] =
  {
    openapi: '3.1.0',
    info: {
      title: 'Floorline API',
      version: '1.0.0',
      description:
        'Prices critical-mineral trade under price floors and tariffs: floor-gap duties, landed ' +
        'cost and the red-price / blue-price dual-track market. Every money value is a decimal ' +
        'string; every answer carries `meta` with the data version, date and warnings. "Red" and ' +
        '"blue" name price tracks (the China track and the allied, floor-protected track), not ' +
        'judgements. Errors are RFC 9457 problem+json.\n\n' +
        '**Caching.** Every GET under `/v1/` that answers 200 carries an `ETag` (from the data ' +
        'version, the deployed version and the request) and `Cache-Control`. With an explicit ' +
        '`asOf` the answer is `public, max-age=86400` and is kept in the Workers cache, so the same ' +
        'call again is not recomputed (`X-Floorline-Cache: hit`); without one it answers for today ' +
        'and is cacheable until the next UTC midnight. `If-None-Match` with the ETag gets 304, ' +
        'and `*` gets it only where the answer is a 200 (never in place of an error). Where the deployment requires API keys, `public` becomes `private`.\n\n' +
        '**Blank parameters.** A GET query parameter given blank (`asOf=`, `freight=`, only ' +
        'spaces: an empty spreadsheet cell pasted into a URL) is a 422 naming it, never read as ' +
        'left out: leave the parameter out to use its default. (A blank cell of a CSV batch is a ' +
        'field that line does not give.)\n\n' +
        '**Spreadsheet locales.** The GET forms take `decimal=comma` with `format=csv` or `text`: ' +
        'every decimal is then written with a comma and CSV fields are separated by `;`, as ' +
        'spreadsheets in decimal-comma locales (de-DE, fr-FR) read them.',
    },
    // The exported file names the local server (`npm start`); the served document names the
    // origin it is served from (see createApp), so the playground sends to `/v1/…` on it.
    servers: [{ url: 'http://localhost:8787', description: 'Local development (npm start)' }],
    // Keys are optional: a deployment without the API_KEYS secret needs none.
    security: [{}, { bearerKey: [] }, { queryKey: [] }],
    tags: [
      { name: 'Floor-gap duty', description: 'The duty that lifts an import to a price floor.' },
      {
        name: 'Landed cost',
        description: 'Every duty, fee and floor on a shipment, line by line.',
      },
      {
        name: 'Red / blue price tiers',
        description:
          'The dual-track market under a floor: red (China track) and blue (allied track) prices by destination.',
      },
      {
        name: 'Benchmarks, origin content and floor financing',
        description: 'Benchmark checks, China’s 0.1% content rule, and who pays for a floor.',
      },
      {
        name: 'Policy analysis',
        description: 'Sweeps, comparisons and trade effects built on the calculators above.',
      },
      { name: 'Reference data', description: 'Minerals, blocs, benchmarks, measures, scenarios.' },
      { name: 'System', description: 'Health and discovery.' },
    ],
  };

/** The allowed CORS origin for a request: any, unless CORS_ORIGINS lists some. */
export function corsOrigin(origin: string, allowList: string | undefined): string | null {
  const allowed = (allowList ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  if (allowed.length === 0 || allowed.includes('*')) return '*';
  return allowed.includes(origin) ? origin : null;
}

export interface AppOptions {
  /** The policy data every calculator resolves against; default the seeds. */
  readonly data?: PolicyData;
}

/** The Floorline application: middleware, errors, docs and every router. */
export function createApp({ data = policyData }: AppOptions = {}) {
  const app = createRouter();
  let table: RouteTable | undefined;
  let generated: OpenApiDocument | undefined;
  let built: Promise<OpenApiDocument> | undefined;
  /**
   * The OpenAPI document of these routes. The Worker serves the one its build generated from them
   * (the ASSETS binding's /openapi.json, scripts/build.ts; the generator is not in the Worker
   * bundle); without that binding (tests, Node tools) it is generated here, once.
   */
  const document = (env: Bindings | undefined): Promise<OpenApiDocument> => {
    const assets = env?.ASSETS;
    if (assets === undefined) {
      generated ??= app.getOpenAPI31Document(OPENAPI_INFO);
      return Promise.resolve(generated);
    }
    built ??= assets.fetch('https://assets.invalid/openapi.json').then((response) => {
      if (!response.ok) {
        built = undefined;
        throw new Error(
          `The built OpenAPI document is missing (${response.status}): run the build`,
        );
      }
      return response.json() as Promise<OpenApiDocument>;
    });
    return built;
  };

  app.use((c, next) => {
    c.set('data', data);
    return next();
  });
  app.use(requestId());
  app.use(serverTiming);
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use(
    cors({
      origin: (origin, c) => corsOrigin(origin, (c.env as Bindings | undefined)?.CORS_ORIGINS),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      // Mcp-Protocol-Version: browser-based MCP clients send it on every request after the first.
      allowHeaders: ['Content-Type', 'Authorization', 'Accept', 'Mcp-Protocol-Version'],
      exposeHeaders: ['X-Request-Id', 'Server-Timing', 'Retry-After', 'ETag', 'X-Floorline-Cache'],
      maxAge: 86400,
    }),
  );
  // Limit first: failed authentication spends the address's bucket (rate-limit.ts).
  app.use(rateLimit);
  app.use(apiKeys);
  app.use(refuseContentCoding);
  app.use(refuseMalformedQuery);
  app.use(httpCache);
  const singleLimit = limitBody(MAX_JSON_BODY_BYTES);
  const batchLimit = limitBody(MAX_BATCH_BODY_BYTES);
  const csvLimit = limitBody(MAX_CSV_BODY_BYTES);
  app.use((c, next) => {
    if (!c.req.path.endsWith('/batch')) return singleLimit(c, next);
    return (mediaType(c.req.header('content-type')) === 'text/csv' ? csvLimit : batchLimit)(
      c,
      next,
    );
  });
  app.use(exactJsonBodies);
  app.onError(handleError);
  app.notFound(notFoundOrMethodNotAllowed(() => (table ??= routeTable(app.routes))));

  // Chained, so that AppType carries every route's request and answer types (hono/client).
  const routes = app
    .route('/', systemRouter)
    .route('/', floorGapRouter)
    .route('/', floorSweepRouter)
    .route('/', compareRouter)
    .route('/', landedCostRouter)
    .route('/', blocTiersRouter)
    // Before the reference router, whose /v1/benchmarks/{id} would take "check" for an id.
    .route('/', benchmarkCheckRouter)
    .route('/', originContentRouter)
    .route('/', floorFinancingRouter)
    .route('/', contentFloorRouter)
    .route('/', tradeEffectsRouter)
    .route('/', referenceRouter)
    .route(
      '/',
      createMcpRouter({
        name: 'floorline',
        version: OPENAPI_INFO.info.version,
        document: (env) => document(env),
        fetch: (request, env, executionCtx) => app.fetch(request, env, executionCtx),
        allowsOrigin: (origin, env) => corsOrigin(origin, env?.CORS_ORIGINS) !== null,
      }),
    );

  // The benchmark's baseline: parse and serialise the same bytes, nothing else (bench/run.ts), with
  // JSON.parse itself, so the batch's own reading (exactJson) is counted against it.
  app.post('/__bench/batch', async (c) => {
    if ((c.env as Bindings | undefined)?.FLOORLINE_BENCH !== '1')
      throw new Problem(404, 'There is no /__bench/batch.');
    if (mediaType(c.req.header('content-type')) === 'text/csv')
      return c.body(await c.req.text(), 200, { 'content-type': 'text/csv; charset=utf-8' });
    return c.json(JSON.parse(await c.req.text()));
  });

  registerCachingComponents(app.openAPIRegistry);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key, when the deployment requires one (the API_KEYS secret).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'queryKey', {
    type: 'apiKey',
    in: 'query',
    name: 'key',
    description:
      'The same API key as a query parameter, for spreadsheet formulas that cannot set headers.',
  });
  app.openAPIRegistry.registerPath(mcpPath);
  app.get('/openapi.json', async (c) => {
    const served = await document(c.env as Bindings | undefined);
    return c.json({
      ...served,
      servers: [
        { url: new URL(c.req.url).origin, description: 'The deployment serving this document' },
      ],
    });
  });
  return routes;
}

export const app = createApp();
export type AppType = typeof app;
