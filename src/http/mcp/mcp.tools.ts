/**
 * The MCP tools, read off the served OpenAPI document: every operation that answers JSON is a tool
 * named by its operationId, whose input schema is the JSON Schema the document generates from the
 * route's own zod schema (the request body, or the path and query parameters of a look-up). A
 * calculator or look-up added to the app is a tool without further code.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';

/** A JSON Schema object, as MCP carries it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** The OpenAPI 3.1 document the app serves. */
export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
type Operation = NonNullable<NonNullable<OpenApiDocument['paths']>[string]['post']>;
type Parameter = Exclude<NonNullable<Operation['parameters']>[number], { $ref: string }>;

/** One operation of the API offered as an MCP tool. */
export interface McpTool {
  /** The operationId, e.g. `computeFloorGap`. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: JsonSchema & { readonly type: 'object' };
  readonly method: 'GET' | 'POST';
  /** The OpenAPI path template, e.g. `/v1/minerals/{id}`. */
  readonly path: string;
  /** Parameters of the path template, in `inputSchema` beside the query parameters. */
  readonly pathParameters: readonly string[];
}

/** Operations of this tag are discovery and health, and /mcp itself: no tools. */
export const SYSTEM_TAG = 'System';

const COMPONENT_REF = '#/components/schemas/';
type Components = NonNullable<NonNullable<OpenApiDocument['components']>['schemas']>;

/**
 * The schema with every `$ref` to a component replaced by the component itself: MCP clients take
 * a tool's input schema on its own, without the document it came from.
 */
function inlineRefs(schema: unknown, components: Components, seen: string[]): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(item, components, seen));
  if (schema === null || typeof schema !== 'object') return schema;
  const { $ref, ...rest } = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (typeof $ref === 'string' && $ref.startsWith(COMPONENT_REF)) {
    const name = $ref.slice(COMPONENT_REF.length);
    const target = components[name];
    if (target === undefined) throw new Error(`The OpenAPI document has no component ${name}`);
    // A recursive schema cannot be inlined; none of the API's is, and a new one fails here.
    if (seen.includes(name)) throw new Error(`The schema ${name} refers to itself`);
    Object.assign(out, inlineRefs(target, components, [...seen, name]));
  }
  for (const [key, value] of Object.entries(rest)) out[key] = inlineRefs(value, components, seen);
  return out;
}

function answersJson(operation: Operation): boolean {
  const ok: unknown = operation.responses?.['200'];
  return typeof ok === 'object' && ok !== null && 'content' in ok
    ? (ok.content as Record<string, unknown>)['application/json'] !== undefined
    : false;
}

/** The request body's JSON schema, if the operation takes a JSON body. */
function jsonBody(operation: Operation): unknown {
  const body = operation.requestBody;
  return body === undefined || '$ref' in body
    ? undefined
    : body.content['application/json']?.schema;
}

/** The path and query parameters of an operation (the API defines none by reference). */
function parametersOf(operation: Operation): Parameter[] {
  return (operation.parameters ?? []).filter(
    (p): p is Parameter => !('$ref' in p) && (p.in === 'path' || p.in === 'query'),
  );
}

function inputOf(operation: Operation, components: Components): JsonSchema & { type: 'object' } {
  const body = jsonBody(operation);
  if (body !== undefined) {
    const schema = inlineRefs(body, components, []) as JsonSchema;
    if (schema.type !== 'object') throw new Error('A tool’s request body must be a JSON object');
    return { ...schema, type: 'object' };
  }
  const parameters = parametersOf(operation);
  return {
    type: 'object',
    properties: Object.fromEntries(
      parameters.map((p) => [
        p.name,
        {
          ...(inlineRefs(p.schema ?? {}, components, []) as JsonSchema),
          ...(p.description === undefined ? {} : { description: p.description }),
        },
      ]),
    ),
    required: parameters.filter((p) => p.required === true).map((p) => p.name),
    additionalProperties: false,
  };
}

/**
 * The tools of a document, in its order: each POST operation with a JSON body, and each GET
 * operation that answers JSON and is not the query-string twin of a POST at the same path.
 */
export function toolsOf(document: OpenApiDocument): McpTool[] {
  const components = document.components?.schemas ?? {};
  const tools: McpTool[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of ['post', 'get'] as const) {
      const operation = item[method];
      if (operation?.operationId === undefined || operation.tags?.includes(SYSTEM_TAG)) continue;
      if (!answersJson(operation)) continue;
      if (method === 'get' && item.post !== undefined) continue;
      if (method === 'post' && jsonBody(operation) === undefined) continue;
      tools.push({
        name: operation.operationId,
        title: operation.summary ?? operation.operationId,
        description: [operation.summary, operation.description].filter(Boolean).join('\n\n'),
        inputSchema: inputOf(operation, components),
        method: method === 'get' ? 'GET' : 'POST',
        path,
        pathParameters: parametersOf(operation)
          .filter((p) => p.in === 'path')
          .map((p) => p.name),
      });
    }
  }
  return tools;
}
