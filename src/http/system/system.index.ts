import { policyData } from '../../data/store';
import { createRouter } from '../router';
import { getHealth, getRoot } from './system.routes';

export const systemRouter = createRouter()
  .openapi(getRoot, (c) =>
    c.json(
      {
        name: 'Floorline API',
        description:
          'Landed cost, floor-gap duties and red/blue bloc price tiers for critical-mineral trade.',
        docs: '/docs',
        openapi: '/openapi.json',
        health: '/health',
      },
      200,
    ),
  )
  .openapi(getHealth, (c) =>
    c.json({ status: 'ok' as const, dataVersion: policyData.dataVersion }, 200),
  );
