import { type RouteConfig, z } from '@hono/zod-openapi';
import { problemResponses } from '../problem';
import { SYSTEM_TAG } from './mcp.tools';

const JsonRpcMessageSchema = z
  .object({
    jsonrpc: z.literal('2.0'),
    id: z.union([z.string(), z.number().int()]).optional().openapi({
      description: 'Present on requests, absent on notifications.',
    }),
    method: z.string().openapi({
      description:
        '`initialize`, `notifications/initialized`, `tools/list`, `tools/call` or `ping`.',
    }),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('JsonRpcMessage', {
    description: 'A JSON-RPC 2.0 message of the Model Context Protocol.',
  });

/**
 * The OpenAPI entry of `POST /mcp`. The route itself is the MCP transport's (mcp.index.ts): the
 * document describes it without validating through it.
 */
export const mcpPath: RouteConfig = {
  method: 'post',
  path: '/mcp',
  operationId: 'mcp',
  tags: [SYSTEM_TAG],
  summary: 'MCP server for AI assistants (Streamable HTTP)',
  description:
    'A Model Context Protocol server: add `<this deployment>/mcp` to an MCP client as a ' +
    'Streamable HTTP server. Every calculator and reference look-up of this document is a tool ' +
    'named by its operationId (e.g. `computeFloorGap`, `listMinerals`), taking the same input as ' +
    'the operation (a JSON body, or the path and query parameters) and answering the same JSON; an ' +
    'invalid input is a tool error naming each field. Stateless: no session, answers are JSON, ' +
    'GET and DELETE answer 405. API keys and the rate limit apply as on every operation.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: JsonRpcMessageSchema,
          example: {
            jsonrpc: '2.0',
            id: 1,
            method: 'tools/call',
            params: {
              name: 'computeFloorGap',
              arguments: {
                price: { amount: '10', currency: 'USD', per: 'kg' },
                floor: { amount: '16', currency: 'USD', per: 'kg' },
              },
            },
          },
        },
      },
    },
  },
  responses: {
    200: {
      description:
        'The JSON-RPC response. A tool answer carries the operation’s JSON as `structuredContent` ' +
        'and as text; a tool error has `isError: true` and the problem naming each field.',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
    202: { description: 'A notification was accepted.' },
    ...problemResponses(401, 413, 429),
  },
};
