import { dataOf } from '../calculator';
import { createRouter } from '../router';
import {
  LANDING_CSP,
  LANDING_HTML,
  PLAYGROUND_CSP,
  PLAYGROUND_HTML,
  prefersHtml,
} from './system.pages';
import { getHealth, getRoot } from './system.routes';

export const systemRouter = createRouter()
  .openapi(getRoot, (c) => {
    // One address for people and programs: a browser gets the landing page, a client the index.
    c.header('vary', 'Accept');
    if (prefersHtml(c)) {
      return c.html(LANDING_HTML, 200, { 'content-security-policy': LANDING_CSP });
    }
    return c.json(
      {
        name: 'Floorline API',
        description:
          'Landed cost, floor-gap duties and red/blue bloc price tiers for critical-mineral trade.',
        docs: '/docs',
        openapi: '/openapi.json',
        health: '/health',
      },
      200,
    );
  })
  .openapi(getHealth, (c) =>
    c.json({ status: 'ok' as const, dataVersion: dataOf(c).dataVersion }, 200),
  )
  .get('/docs', (c) => c.html(PLAYGROUND_HTML, 200, { 'content-security-policy': PLAYGROUND_CSP }));
