import { type ExecutionContext, Hono } from 'hono';
import type { AppEnv, Bindings } from '../env';
import { exactJson, takesSourceText } from '../exact-json';
import { Problem } from '../problem';
import { callTool } from './mcp.call';
import {
  errorResponse,
  handleMessage,
  isObject,
  JSON_RPC,
  type JsonRpcResponse,
  type McpServerInfo,
  PROTOCOL_VERSIONS,
} from './mcp.protocol';
import { type McpTool, type OpenApiDocument, toolsOf } from './mcp.tools';

export interface McpOptions {
  readonly name: string;
  readonly version: string;
  /** The served OpenAPI document; read once per isolate, on the first MCP request. */
  readonly document: (env: Bindings | undefined) => Promise<OpenApiDocument>;
  /** Answers one of the API's own requests in-process. */
  readonly fetch: (
    request: Request,
    env: Bindings,
    executionCtx: ExecutionContext | undefined,
  ) => Response | Promise<Response>;
  /** Whether a browser page from this origin may call the API (the CORS allow-list). */
  readonly allowsOrigin: (origin: string, env: Bindings | undefined) => boolean;
}

const INSTRUCTIONS =
  'Floorline prices critical-mineral trade under price floors and tariffs. Each tool is one ' +
  'operation of the Floorline HTTP API (its OpenAPI document is at /openapi.json) with the same ' +
  'input and answer. Decimals are strings such as "10.50" (finite JSON numbers are accepted too); ' +
  'every calculation answers `meta` with the data version, the date and warnings, which say when ' +
  'an answer rests on an assumption. A tool error names each field that is wrong.';

/** The client already passed the API key check and the rate limit on /mcp: one call, counted once. */
function innerEnv(env: Bindings | undefined): Bindings {
  const { API_KEYS: _keys, RATE_LIMITER: _limiter, ...rest } = env ?? {};
  return rest;
}

function executionCtxOf(c: { executionCtx: ExecutionContext }): ExecutionContext | undefined {
  try {
    return c.executionCtx;
  } catch {
    // app.request() in tests and scripts runs without one.
    return undefined;
  }
}

/**
 * The HTTP checks of the Streamable HTTP transport (MCP spec 2025-11-25, basic/transports): a
 * browser origin outside the CORS allow-list is refused (DNS rebinding), the body is JSON, the
 * client takes JSON answers, and a negotiated protocol revision is one this server speaks.
 */
function checkTransport(
  header: (name: string) => string | undefined,
  options: McpOptions,
  env: Bindings | undefined,
): void {
  const origin = header('origin');
  if (origin !== undefined && !options.allowsOrigin(origin, env)) {
    throw new Problem(403, `Requests from ${origin} may not use /mcp.`);
  }
  if (!(header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new Problem(415, 'Send MCP messages as application/json.');
  }
  const accept = header('accept') ?? '*/*';
  if (!/application\/json|\*\/\*/i.test(accept)) {
    throw new Problem(406, 'This MCP server answers application/json: accept it.');
  }
  const version = header('mcp-protocol-version');
  if (version !== undefined && !PROTOCOL_VERSIONS.includes(version)) {
    throw new Problem(
      400,
      `MCP-Protocol-Version ${version} is not supported; use one of ${PROTOCOL_VERSIONS.join(', ')}.`,
    );
  }
}

/**
 * A JSON-RPC id is no decimal: each message's id is answered as JSON.parse reads it (a number with
 * an exponent or many digits stays a number), while its arguments keep their numbers' source text.
 */
function keepIdsAsParsed(exact: unknown, plain: unknown): void {
  const exacts = Array.isArray(exact) ? exact : [exact];
  const plains = Array.isArray(plain) ? plain : [plain];
  exacts.forEach((message, i) => {
    const parsed = plains[i];
    if (isObject(message) && isObject(parsed) && Object.hasOwn(parsed, 'id'))
      message.id = parsed.id;
  });
}

/**
 * `POST /mcp`: a Model Context Protocol server over Streamable HTTP, stateless (no session, JSON
 * answers), as Workers run best. Each tool is an operation of the API (mcp.tools.ts), and each
 * call is answered by that operation's own route in-process (mcp.call.ts): a tool answers exactly
 * what its route does. GET (an event stream) and DELETE (ending a session) have nothing to do
 * without sessions: the app answers them 405, as the transport spec allows.
 */
export function createMcpRouter(options: McpOptions) {
  let tools: ReadonlyMap<string, McpTool> | undefined;
  const toolsByName = async (env: Bindings | undefined) =>
    (tools ??= new Map(toolsOf(await options.document(env)).map((tool) => [tool.name, tool])));

  return new Hono<AppEnv>().post('/mcp', async (c) => {
    checkTransport((name) => c.req.header(name), options, c.env);
    let body: unknown;
    try {
      const text = await c.req.text();
      body = exactJson(text);
      if (takesSourceText(text)) keepIdsAsParsed(body, JSON.parse(text));
    } catch {
      return c.json(errorResponse(null, JSON_RPC.parseError, 'Parse error: not JSON'), 400);
    }
    const byName = await toolsByName(c.env);
    const env = innerEnv(c.env);
    const executionCtx = executionCtxOf(c);
    const origin = new URL(c.req.url).origin;
    const server: McpServerInfo = {
      name: options.name,
      version: options.version,
      instructions: INSTRUCTIONS,
      tools: () => byName,
      call: (tool, args) =>
        callTool(tool, args, origin, async (request) => options.fetch(request, env, executionCtx)),
    };
    // A batch (an array, MCP 2025-03-26) is answered by an array of the requests' responses.
    const messages = Array.isArray(body) ? body : [body];
    if (messages.length === 0) {
      return c.json(
        errorResponse(null, JSON_RPC.invalidRequest, 'Invalid Request: empty batch'),
        400,
      );
    }
    const responses: JsonRpcResponse[] = [];
    for (const message of messages) {
      const response = await handleMessage(message, server);
      if (response !== undefined) responses.push(response);
    }
    // Streamable HTTP: notifications and responses alone are accepted with 202 and no body.
    if (responses.length === 0) return c.body(null, 202);
    return c.json(Array.isArray(body) ? responses : responses[0], 200);
  });
}
