import type {
  CallToolResult,
  InitializeResult,
  ListToolsResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { McpTool } from './mcp.tools';

/*
 * The MCP server side, written here rather than taken from the MCP TypeScript SDK: a stateless,
 * tools-only server is four methods of JSON-RPC. Measured on the Worker bundle (gzip -9), the
 * SDK's Server with @hono/mcp's transport added 58.8 KB (Ajv included), 17.7 KB with Ajv cut
 * out, against a 150 KiB budget that had 13.5 KB left; this file and its neighbours add 3.2 KB.
 * The SDK stays the reference: its types check these answers, and its client drives the tests.
 */

/**
 * MCP revisions this server speaks, newest first: the MCP TypeScript SDK's
 * SUPPORTED_PROTOCOL_VERSIONS (test/http/mcp.test.ts keeps them equal). A tools-only, stateless
 * server answers every one of them the same way.
 */
export const PROTOCOL_VERSIONS: readonly string[] = [
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
  '2024-10-07',
];

/** JSON-RPC 2.0 error codes (JSON-RPC 2.0 §5.1). */
export const JSON_RPC = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
} as const;

type Id = string | number | null;

export interface JsonRpcResponse {
  readonly jsonrpc: '2.0';
  readonly id: Id;
  readonly result?: object;
  readonly error?: { readonly code: number; readonly message: string };
}

/** What the server knows and does: its name, its tools, and how a tool is called. */
export interface McpServerInfo {
  readonly name: string;
  readonly version: string;
  readonly instructions: string;
  readonly tools: () => ReadonlyMap<string, McpTool>;
  readonly call: (tool: McpTool, args: Record<string, unknown>) => Promise<CallToolResult>;
}

export function errorResponse(id: Id, code: number, message: string): JsonRpcResponse {
  return { jsonrpc: '2.0', id, error: { code, message } };
}

/** Whether `value` is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function initialize(params: Record<string, unknown>, server: McpServerInfo): InitializeResult {
  const asked = params.protocolVersion;
  return {
    // MCP lifecycle: answer the client's revision when supported, else the latest one.
    protocolVersion:
      typeof asked === 'string' && PROTOCOL_VERSIONS.includes(asked) ? asked : '2025-11-25',
    capabilities: { tools: { listChanged: false } },
    serverInfo: { name: server.name, version: server.version },
    instructions: server.instructions,
  };
}

function listTools(server: McpServerInfo): ListToolsResult {
  return {
    tools: [...server.tools().values()].map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      annotations: {
        title: tool.title,
        readOnlyHint: true,
        idempotentHint: true,
        openWorldHint: false,
      },
    })),
  };
}

type Outcome = { readonly result: object } | { readonly error: { code: number; message: string } };

const fail = (code: number, message: string): Outcome => ({ error: { code, message } });

/** The result of one request, or the JSON-RPC error it earns. */
async function answer(
  method: string,
  params: Record<string, unknown>,
  server: McpServerInfo,
): Promise<Outcome> {
  switch (method) {
    case 'initialize':
      return { result: initialize(params, server) };
    case 'ping':
      return { result: {} };
    case 'tools/list':
      return { result: listTools(server) };
    case 'tools/call': {
      const { name, arguments: args = {} } = params;
      const tool = typeof name === 'string' ? server.tools().get(name) : undefined;
      // MCP tools spec: an unknown tool is a protocol error; a tool's own failure is a tool result.
      if (tool === undefined) return fail(JSON_RPC.invalidParams, `Unknown tool: ${String(name)}`);
      if (!isObject(args)) return fail(JSON_RPC.invalidParams, 'arguments must be an object');
      return { result: await server.call(tool, args) };
    }
    default:
      return fail(JSON_RPC.methodNotFound, `Method not found: ${method}`);
  }
}

/**
 * Handles one JSON-RPC message: a request gets its response; a notification (no `id`) or a
 * response from the client gets none, since this server sends no requests and keeps no state.
 */
export async function handleMessage(
  message: unknown,
  server: McpServerInfo,
): Promise<JsonRpcResponse | undefined> {
  if (!isObject(message) || message.jsonrpc !== '2.0') {
    return errorResponse(
      null,
      JSON_RPC.invalidRequest,
      'Invalid Request: not a JSON-RPC 2.0 message',
    );
  }
  if (typeof message.method !== 'string') return undefined;
  if (!('id' in message)) return undefined;
  const { id } = message;
  if (typeof id !== 'string' && typeof id !== 'number') {
    return errorResponse(
      null,
      JSON_RPC.invalidRequest,
      'Invalid Request: id must be a string or number',
    );
  }
  const params = message.params ?? {};
  if (!isObject(params)) {
    return errorResponse(id, JSON_RPC.invalidParams, 'params must be an object');
  }
  return { jsonrpc: '2.0', id, ...(await answer(message.method, params, server)) };
}
