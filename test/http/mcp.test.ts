import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  type CallToolResult,
  ErrorCode,
  McpError,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@modelcontextprotocol/sdk/types.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import { describe, expect, it } from 'vitest';
import { connectFloorline, floorGapDuty } from '../../examples/mcp/floorline-mcp';
import { app } from '../../src/app';
import { FloorGapRequestSchema } from '../../src/http/floor-gap/floor-gap.schemas';
import { PROTOCOL_VERSIONS } from '../../src/http/mcp/mcp.protocol';
import { TINY_AND_HUGE } from '../fixtures/trade-effects';
import { postJson, problemOf } from '../helpers';

/** The example's MCP SDK client, its HTTP requests answered by the app in-process. */
function connect(env: Record<string, unknown> = {}, apiKey?: string) {
  return connectFloorline({
    url: 'http://floorline.test/mcp',
    ...(apiKey === undefined ? {} : { apiKey }),
    fetch: async (url, init) => app.request(String(url), init, env),
    // workerd allows no code generation from strings, which the SDK's default (Ajv) needs.
    jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
  });
}

const call = (client: Client, name: string, args: Record<string, unknown>) =>
  client.callTool({ name, arguments: args }) as Promise<CallToolResult>;

const textOf = (result: CallToolResult) =>
  result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');

/** A tools/call whose JSON-RPC text is sent as written (`args` and `id` are JSON text). */
async function callAsWritten(name: string, args: string, id = '1') {
  const response = await app.request('/mcp', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"${name}","arguments":${args}}}`,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: unknown; result: CallToolResult };
}

const FLOOR_GAP = {
  price: { amount: '10', currency: 'USD', per: 'kg' },
  floor: { amount: '16', currency: 'USD', per: 'kg' },
};

describe('MCP endpoint /mcp (Streamable HTTP)', () => {
  it('speaks the protocol revisions the MCP SDK supports', () => {
    expect(PROTOCOL_VERSIONS).toEqual(SUPPORTED_PROTOCOL_VERSIONS);
  });

  it('lists every calculator and reference look-up as a tool, and nothing else', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'computeFloorGap',
        'computeLandedCost',
        'computeLandedCostBatch',
        'compareLandedCost',
        'computeBlocTiers',
        'checkBenchmarks',
        'computeOriginContent',
        'computeFloorFinancing',
        'sweepFloorGap',
        'estimateTradeEffects',
        'listMinerals',
        'getMineral',
        'listBlocs',
        'getCountry',
        'listBenchmarks',
        'getBenchmark',
        'listMeasures',
        'listScenarios',
        'getTimeline',
      ]),
    );
    // A calculator added to the app is a tool without further code: every JSON POST is one.
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, { post?: { operationId: string; requestBody?: object } }>;
    };
    for (const [path, item] of Object.entries(document.paths)) {
      if (path.startsWith('/v1/') && item.post?.requestBody !== undefined) {
        expect(names, path).toContain(item.post.operationId);
      }
    }
    // Not tools: the GET twins of calculators, the SVG drawing, discovery, health and /mcp.
    for (const name of names)
      expect(name).not.toMatch(/FromQuery$|^draw|^getRoot$|^getHealth$|^mcp$/);
    for (const tool of tools) {
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
      expect(tool.description, tool.name).not.toBe('');
    }
    await client.close();
  });

  it('a calculator tool takes its route’s request schema, descriptions included', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    const floorGap = tools.find((t) => t.name === 'computeFloorGap');
    expect(Object.keys(floorGap?.inputSchema.properties ?? {}).sort()).toEqual(
      Object.keys(FloorGapRequestSchema.shape).sort(),
    );
    expect(floorGap?.inputSchema.required).toEqual(['price']);
    // Inlined from the document's components: a client reads the schema on its own.
    expect(JSON.stringify(floorGap?.inputSchema)).not.toContain('$ref');
    const getMineral = tools.find((t) => t.name === 'getMineral');
    expect(getMineral?.inputSchema).toMatchObject({
      required: ['id'],
      additionalProperties: false,
    });
    await client.close();
  });

  it('computeFloorGap: price 10, floor 16 per kg → duty 6.00, the same answer as the route', async () => {
    const client = await connect();
    const result = await call(client, 'computeFloorGap', FLOOR_GAP);
    // g = max(0, 16 − 10 × (1 + 0)) = 6 per kg; quantity defaults to 1 kg → 6 × 1 = 6.00 USD.
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ duty: '6.00', gapPerUnit: '6.0000' });
    expect(JSON.parse(textOf(result))).toEqual(result.structuredContent);
    const route = await (await postJson('/v1/floor-gap', FLOOR_GAP)).json();
    expect(result.structuredContent).toEqual(route);
    expect(await floorGapDuty(client, '10', '16', 'kg')).toBe('6.00');
    await client.close();
  });

  it('estimateTradeEffects with buyer prices 10^76 apart: the route’s 200 answer, not a tool error (was a 500)', async () => {
    const client = await connect();
    const result = await call(client, 'estimateTradeEffects', TINY_AND_HUGE);
    expect(result.isError).toBeFalsy();
    const route = await (await postJson('/v1/trade-effects', TINY_AND_HUGE)).json();
    expect(result.structuredContent).toEqual(route);
    // AU = 10^-37 × Π^(1/2) ≈ 100 / 11 (see the route's test in trade-effects.test.ts)
    expect(result.structuredContent).toMatchObject({ totals: { newImports: '9.09' } });
    await client.close();
  });

  it('computeBlocTiers without destinations prices every member of every bloc, as the route does', async () => {
    const client = await connect();
    const args = {
      mineral: 'ndpr-oxide',
      redPrice: { amount: '10', currency: 'USD', per: 'kg' },
      bluePrice: { amount: '15', currency: 'USD', per: 'kg' },
      floor: { amount: '16', currency: 'USD', per: 'kg' },
      asOf: '2026-11-21',
    };
    const result = await call(client, 'computeBlocTiers', args);
    expect(result.isError).toBeFalsy();
    const blocs = (await (await app.request('/v1/blocs?asOf=2026-11-21')).json()) as {
      blocs: { members: string[] }[];
    };
    const rows = (result.structuredContent as { destinations: { country: string }[] }).destinations;
    // 3 red + 34 blue + 213 grey members on 2026-11-21, in the order /v1/blocs lists them
    expect(rows.map((d) => d.country)).toEqual(blocs.blocs.flatMap((b) => b.members));
    expect(rows).toHaveLength(250);
    expect(result.structuredContent).toEqual(await (await postJson('/v1/bloc-tiers', args)).json());
    await client.close();
  });

  it('an invalid input is a tool error naming each field, as the route’s 422 does', async () => {
    const client = await connect();
    const result = await call(client, 'computeFloorGap', {
      price: { amount: '1e3', per: 'kg' },
      floor: { amount: '16', per: 'kg' },
      colour: 'red',
    });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain('- price.amount: must be written as a plain decimal');
    expect(text).toContain('- colour: is not a field of this request');
    expect(result.structuredContent).toMatchObject({ status: 422 });
    const missing = await call(client, 'computeFloorGap', { floor: FLOOR_GAP.floor });
    expect(textOf(missing)).toContain('price is required.');
    await client.close();
  });

  it('computeOriginContent answers in USD by default, as its route: a EUR product value needs fx or currency', async () => {
    const client = await connect();
    const request = {
      productValue: { amount: '1000', currency: 'EUR' },
      components: [{ mineral: 'dy-oxide', origin: 'CN', value: '1' }],
      asOf: '2026-03-01',
    };
    const refused = await call(client, 'computeOriginContent', request);
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('- productValue.currency: is EUR but the answer is in USD');
    // currency EUR: 1 EUR of Chinese Dy in 1,000 EUR, 1 / 1,000 = 0.001
    const inEur = await call(client, 'computeOriginContent', { ...request, currency: 'EUR' });
    expect(inEur.structuredContent).toMatchObject({
      redValue: '1.00',
      chinaContentShare: '0.001',
      meta: { currency: 'EUR' },
    });
    await client.close();
  });

  it('reference look-ups take path and query parameters as arguments', async () => {
    const client = await connect();
    const mineral = await call(client, 'getMineral', { id: 'ndpr-oxide' });
    expect(mineral.structuredContent).toMatchObject({ id: 'ndpr-oxide' });
    const country = await call(client, 'getCountry', { code: 'CN', asOf: '2026-06-01' });
    expect(country.structuredContent).toMatchObject({
      code: 'CN',
      bloc: 'red',
      asOf: '2026-06-01',
    });
    const unknown = await call(client, 'getMineral', { id: 'unobtainium' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('There is no mineral "unobtainium"');
    const stray = await call(client, 'listMinerals', { colour: 'red' });
    expect(textOf(stray)).toContain('colour is not a field of this request.');
    const noId = await call(client, 'getMineral', {});
    expect(textOf(noId)).toContain('id is required.');
    await client.close();
  });

  it('a path parameter only ever reaches its own route: a dot segment or a wrong type is refused, the rest encoded', async () => {
    const client = await connect();
    for (const [name, args, text] of [
      // `/v1/minerals/..` would resolve to `/v1/`, another route
      ['getMineral', { id: '..' }, 'id must not be . or ..'],
      ['getMineral', { id: '.' }, 'id must not be . or ..'],
      ['getBenchmark', { id: '..' }, 'id must not be . or ..'],
      ['getCountry', { code: '..' }, 'code must not be . or ..'],
      ['getMineral', { id: 5 }, 'id must be a string.'],
      // encoded as one segment (a%2F..%2F..), so the mineral route answers for it
      ['getMineral', { id: 'a/../..' }, 'There is no mineral "a/../.."'],
    ] as const) {
      const result = await call(client, name, args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain(text);
    }
    await client.close();
  });

  it('an unknown tool is a JSON-RPC invalid-params error', async () => {
    const client = await connect();
    const failure = await call(client, 'computeEverything', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(McpError);
    expect((failure as McpError).code).toBe(ErrorCode.InvalidParams);
    await client.close();
  });

  it('honours API keys: none is a 401, the right bearer key lists the tools', async () => {
    const env = { API_KEYS: 'alpha-key' };
    await expect(connect(env)).rejects.toThrow(/401/);
    const client = await connect(env, 'alpha-key');
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
  });

  it('counts each MCP request once against the rate limit, and answers 429 past it', async () => {
    const keys: string[] = [];
    let allow = true;
    const RATE_LIMITER = {
      limit: async ({ key }: { key: string }) => {
        keys.push(key);
        return { success: allow };
      },
    };
    // k1 is a configured key, so it has a bucket of its own (any other key counts per address).
    const client = await connect({ RATE_LIMITER, API_KEYS: 'k1' }, 'k1');
    keys.length = 0;
    await call(client, 'computeFloorGap', FLOOR_GAP);
    // One POST /mcp, one count: the tool's route runs in-process without a second one.
    expect(keys).toEqual(['key:k1']);
    allow = false;
    await expect(call(client, 'computeFloorGap', FLOOR_GAP)).rejects.toThrow(/429/);
  });

  it('is stateless: GET and DELETE are 405, notifications 202, bad revisions 400', async () => {
    const get = await app.request('/mcp', { headers: { accept: 'text/event-stream' } });
    await problemOf(get.clone(), 405);
    expect(get.headers.get('allow')).toBe('POST');
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    const note = await app.request('/mcp', {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    });
    expect(note.status).toBe(202);
    const ping = JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'ping' });
    const old = await app.request('/mcp', {
      method: 'POST',
      headers: { ...headers, 'mcp-protocol-version': '1900-01-01' },
      body: ping,
    });
    await problemOf(old, 400);
    const ok = await app.request('/mcp', { method: 'POST', headers, body: ping });
    expect(await ok.json()).toEqual({ jsonrpc: '2.0', id: 7, result: {} });
    const text = await app.request('/mcp', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: ping,
    });
    await problemOf(text, 415);
    const garbled = await app.request('/mcp', { method: 'POST', headers, body: '{"jsonrpc":' });
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toMatchObject({ error: { code: -32700 } });
    const unknown = await app.request('/mcp', {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: 'a', method: 'resources/list' }),
    });
    expect(await unknown.json()).toMatchObject({ id: 'a', error: { code: -32601 } });
  });

  it('tool arguments keep their JSON numbers as written (29 digits, 1e1 refused); a numeric id is answered as sent', async () => {
    const callWith = (price: string, floor: string) =>
      callAsWritten(
        'computeFloorGap',
        `{"price":{"amount":${price},"per":"kg"},"floor":{"amount":${floor},"per":"kg"},` +
          `"quantity":{"value":"1000","unit":"kg"}}`,
        '1e1',
      );
    // P = 12345678901234567890123456789, F = P + 1: g = 1, duty = 1 × 1000 kg = 1000.00 (as
    // doubles P and F are equal and the duty 0.00). The id 1e1 is the number 10, as JSON.parse reads it.
    const exact = await callWith('12345678901234567890123456789', '12345678901234567890123456790');
    expect(exact.id).toBe(10);
    expect(exact.result.isError).toBeFalsy();
    expect(exact.result.structuredContent).toMatchObject({
      pricePerUnit: '12345678901234567890123456789.0000',
      gapPerUnit: '1.0000',
      duty: '1000.00',
    });
    const refused = await callWith('1e1', '16');
    expect(refused.result.isError).toBe(true);
    expect(textOf(refused.result)).toContain(
      '- price.amount: must be written as a plain decimal such as 10.50: exponents are not accepted',
    );
  });

  it('a finite JSON number reaches the route as written, as over HTTP: 10^21 kg and an upside share 0.0000005 (were refused as "1e+21" and "5e-7")', async () => {
    /** The tool's answer to `args`, checked to be its route's 200 answer to the same text. */
    const sameAsRoute = async (name: string, path: string, args: string) => {
      const { result } = await callAsWritten(name, args);
      expect(result.isError).toBeFalsy();
      const route = await postJson(path, args);
      expect(route.status).toBe(200);
      expect(result.structuredContent).toEqual(await route.json());
      return result.structuredContent;
    };
    // Written as a client writes them: JSON.stringify would print 1e+21 and 5e-7.
    const financing = await sameAsRoute(
      'computeFloorFinancing',
      '/v1/floor-financing',
      '{"floor":{"amount":110,"per":"kg"},"marketPrice":{"amount":62,"per":"kg"},' +
        '"quantity":{"value":1000000000000000000000,"unit":"kg"},"upsideShare":0.0000005}',
    );
    // Border duty (110 − 62) = 48 per kg × 10^21 kg = 48 × 10^21 = 48000000000000000000000.00 USD.
    expect(financing).toMatchObject({
      border: { dutyPerUnit: '48.0000', buyersPay: '48000000000000000000000.00' },
    });
    const sweep = await sameAsRoute(
      'sweepFloorGap',
      '/v1/floor-gap/sweep',
      '{"redPrices":[0.0000001],"floors":[16],"per":"kg"}',
    );
    // Full gap: duty 16 − 0.0000001 = 15.9999999, shown 16.0000 at 4 places; its ad valorem
    // equivalent is 15.9999999 / 0.0000001 = 159999999, which only the exact red price gives.
    expect(sweep).toMatchObject({
      cells: [{ redPrice: '0.0000', dutyPerUnit: '16.0000', adValoremEquivalent: '159999999' }],
    });
  });

  it('refuses a browser origin outside the CORS allow-list (DNS rebinding)', async () => {
    const response = await app.request(
      '/mcp',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://evil.example',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
      },
      { CORS_ORIGINS: 'https://good.example' },
    );
    await problemOf(response, 403);
  });
});
