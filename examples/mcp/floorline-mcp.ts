import { Client, type ClientOptions } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/**
 * Connects an MCP client (the MCP TypeScript SDK's) to a Floorline deployment's `/mcp`. An API
 * key, where the deployment needs one, goes as a bearer token; `fetch` replaces the global one
 * (the tests answer it in-process).
 */
export async function connectFloorline(options: {
  url: string;
  apiKey?: string;
  fetch?: (url: string | URL, init?: RequestInit) => Promise<Response>;
  jsonSchemaValidator?: ClientOptions['jsonSchemaValidator'];
}): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(options.url), {
    ...(options.apiKey === undefined
      ? {}
      : { requestInit: { headers: { authorization: `Bearer ${options.apiKey}` } } }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const client = new Client(
    { name: 'floorline-example', version: '1.0.0' },
    options.jsonSchemaValidator === undefined
      ? {}
      : { jsonSchemaValidator: options.jsonSchemaValidator },
  );
  await client.connect(transport);
  return client;
}

/**
 * The floor-gap duty through the `computeFloorGap` tool: its answer is the JSON of
 * `POST /v1/floor-gap`, as `structuredContent`; a wrong input is a tool error naming the field.
 */
export async function floorGapDuty(
  client: Client,
  price: string,
  floor: string,
  per: string,
): Promise<string> {
  const result = (await client.callTool({
    name: 'computeFloorGap',
    arguments: { price: { amount: price, per }, floor: { amount: floor, per } },
  })) as CallToolResult;
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  if (result.isError === true) throw new Error(text);
  return String((result.structuredContent as { duty: unknown }).duty);
}
