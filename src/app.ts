import { Scalar } from '@scalar/hono-api-reference';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { benchmarkCheckRouter } from './http/benchmark-check/benchmark-check.index';
import { blocTiersRouter } from './http/bloc-tiers/bloc-tiers.index';
import {
  handleError,
  notFoundOrMethodNotAllowed,
  type RouteTable,
  routeTable,
} from './http/errors';
import { floorFinancingRouter } from './http/floor-financing/floor-financing.index';
import { floorGapRouter } from './http/floor-gap/floor-gap.index';
import { landedCostRouter } from './http/landed-cost/landed-cost.index';
import { originContentRouter } from './http/origin-content/origin-content.index';
import { Problem } from './http/problem';
import { referenceRouter } from './http/reference/reference.index';
import { createRouter } from './http/router';
import { systemRouter } from './http/system/system.index';

/** Largest body of a single calculation, in bytes. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** Largest body of a batch (JSON or CSV), in bytes. */
export const MAX_BATCH_BODY_BYTES = 10 * 1024 * 1024;

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
        'judgements. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/', description: 'The deployment serving this document' }],
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
      { name: 'Reference data', description: 'Minerals, blocs, benchmarks, measures, scenarios.' },
      { name: 'System', description: 'Health and discovery.' },
    ],
  };

/** The Floorline application: middleware, errors, docs and every router. */
export function createApp() {
  const app = createRouter();
  let table: RouteTable | undefined;

  app.use(requestId());
  app.use(
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      exposeHeaders: ['X-Request-Id'],
    }),
  );
  const singleLimit = limitBody(MAX_JSON_BODY_BYTES);
  const batchLimit = limitBody(MAX_BATCH_BODY_BYTES);
  app.use((c, next) => (c.req.path.endsWith('/batch') ? batchLimit : singleLimit)(c, next));
  app.onError(handleError);
  app.notFound(notFoundOrMethodNotAllowed(() => (table ??= routeTable(app.routes))));

  app.route('/', systemRouter);
  app.route('/', floorGapRouter);
  app.route('/', landedCostRouter);
  app.route('/', blocTiersRouter);
  // Before the reference router, whose /v1/benchmarks/{id} would take "check" for an id.
  app.route('/', benchmarkCheckRouter);
  app.route('/', originContentRouter);
  app.route('/', floorFinancingRouter);
  app.route('/', referenceRouter);

  app.doc31('/openapi.json', OPENAPI_INFO);
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'Floorline API' }));
  return app;
}

export const app = createApp();
export type AppType = typeof app;
