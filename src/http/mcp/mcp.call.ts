import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { exactJsonText } from '../exact-json';
import {
  type FieldProblem,
  fieldName,
  PROBLEM_CONTENT_TYPE,
  type ProblemBody,
  problemsDetail,
} from '../problem';
import type { McpTool } from './mcp.tools';

/** The API's own requests, answered in-process by the app (see mcp.index.ts). */
export type Dispatch = (request: Request) => Promise<Response>;

/** A tool error that names each field, the way the API's problem+json does. */
function toolError(problem: ProblemBody): CallToolResult {
  const fields = (problem.errors ?? []).map((e) => `\n- ${fieldName(e)}: ${e.detail}`);
  return {
    isError: true,
    content: [
      {
        type: 'text',
        text: `${problem.title} (${problem.status}): ${problem.detail}${fields.join('')}`,
      },
    ],
    structuredContent: { ...problem },
  };
}

function argumentProblem(errors: FieldProblem[]): CallToolResult {
  return toolError({
    type: 'about:blank',
    title: 'Unprocessable Content',
    status: 422,
    detail: problemsDetail(errors, 'The arguments'),
    errors,
  });
}

function queryValue(value: unknown): string[] | undefined {
  if (Array.isArray(value))
    return value.every((v) => queryValue(v) !== undefined) ? value.map(String) : undefined;
  return ['string', 'number', 'boolean'].includes(typeof value) ? [String(value)] : undefined;
}

/**
 * The HTTP request a tool call stands for: a POST of the arguments as the JSON body (each number
 * written as the plain decimal it is, as the client wrote it), or a GET with
 * the path parameters in the path and the rest in the query string. Arguments a GET cannot carry
 * are a tool error, as the route would answer them.
 */
function requestOf(
  tool: McpTool,
  args: Record<string, unknown>,
  origin: string,
): Request | CallToolResult {
  const headers = { accept: 'application/json', 'content-type': 'application/json' };
  if (tool.method === 'POST') {
    return new Request(new URL(tool.path, origin), {
      method: 'POST',
      headers,
      body: exactJsonText(args),
    });
  }
  const problems: FieldProblem[] = [];
  const known = new Set(Object.keys((tool.inputSchema.properties ?? {}) as object));
  let path = tool.path;
  for (const name of tool.pathParameters) {
    const value = args[name];
    // Encoded, and never a dot segment (`..` would resolve to another route), so a tool only ever
    // reaches its own route.
    const detail =
      value === undefined || value === ''
        ? 'is required'
        : typeof value !== 'string'
          ? 'must be a string'
          : value === '.' || value === '..'
            ? 'must not be . or ..'
            : undefined;
    if (detail !== undefined) problems.push({ pointer: `/${name}`, detail });
    else path = path.replace(`{${name}}`, encodeURIComponent(value as string));
  }
  const url = new URL(path, origin);
  for (const [name, value] of Object.entries(args)) {
    if (tool.pathParameters.includes(name)) continue;
    const values = queryValue(value);
    if (!known.has(name))
      problems.push({ pointer: `/${name}`, detail: 'is not a field of this request' });
    else if (values === undefined)
      problems.push({ pointer: `/${name}`, detail: 'must be a string, number or boolean' });
    else for (const v of values) url.searchParams.append(name, v);
  }
  if (problems.length > 0) return argumentProblem(problems);
  return new Request(url, { method: 'GET', headers: { accept: 'application/json' } });
}

/**
 * Calls the tool's route and reports its answer: the JSON answer as structured content (and as
 * text, for clients that read only text), or its problem+json as a tool error naming each field.
 */
export async function callTool(
  tool: McpTool,
  args: Record<string, unknown>,
  origin: string,
  dispatch: Dispatch,
): Promise<CallToolResult> {
  const request = requestOf(tool, args, origin);
  if (!(request instanceof Request)) return request;
  const response = await dispatch(request);
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith(PROBLEM_CONTENT_TYPE))
    return toolError((await response.json()) as ProblemBody);
  if (!response.ok || !type.startsWith('application/json')) {
    // Every JSON route answers JSON or problem+json; anything else is our fault, never the caller's.
    return toolError({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: `The ${tool.name} operation answered ${response.status} ${type}.`,
    });
  }
  const answer = (await response.json()) as Record<string, unknown>;
  return { content: [{ type: 'text', text: JSON.stringify(answer) }], structuredContent: answer };
}
