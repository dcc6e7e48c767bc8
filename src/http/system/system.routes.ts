import { createRoute, z } from '@hono/zod-openapi';

export const getRoot = createRoute({
  operationId: 'getRoot',
  method: 'get',
  path: '/',
  tags: ['System'],
  summary: 'Where to start',
  description:
    'Points a person to the playground and the OpenAPI document. A browser (`Accept: text/html` ' +
    'preferred) gets a page saying what Floorline is, with links and three example calls; API ' +
    'clients get this JSON index.',
  responses: {
    200: {
      description: 'Links to the documentation.',
      content: {
        'application/json': {
          schema: z
            .object({
              name: z.string(),
              description: z.string(),
              docs: z.string(),
              openapi: z.string(),
              health: z.string(),
            })
            .openapi('Root'),
        },
        'text/html': { schema: z.string().openapi({ example: '<!doctype html>…' }) },
      },
    },
  },
});

export const getHealth = createRoute({
  operationId: 'getHealth',
  method: 'get',
  path: '/health',
  tags: ['System'],
  summary: 'Liveness and data version',
  description: 'Answers 200 while the Worker runs, with the version of the policy data it serves.',
  responses: {
    200: {
      description: 'The Worker is up.',
      content: {
        'application/json': {
          schema: z
            .object({
              status: z.literal('ok'),
              dataVersion: z.string().openapi({ example: '2026-12-03.3' }),
            })
            .openapi('Health'),
        },
      },
    },
  },
});
