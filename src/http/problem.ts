import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Warning } from '../data/warnings';
import { WarningSchema } from './schemas';

/** One problem with one part of a request: a JSON Pointer into the body, or a query parameter. */
export interface FieldProblem {
  readonly pointer: string;
  readonly detail: string;
  readonly parameter?: string;
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/**
 * An RFC 9457 problem. Thrown anywhere below the routes and rendered by the app's error handler;
 * `type` is `about:blank`, so `title` is the HTTP status phrase and `detail` says what went wrong.
 */
export class Problem extends Error {
  readonly status: ContentfulStatusCode;
  readonly detail: string;
  readonly errors: readonly FieldProblem[];
  readonly headers: Readonly<Record<string, string>>;
  /** Extension members of the problem (RFC 9457 §3.2): a `code`, the `warnings` it lists. */
  readonly extensions: ProblemExtensions;

  constructor(
    status: ContentfulStatusCode,
    detail: string,
    errors: readonly FieldProblem[] = [],
    headers: Readonly<Record<string, string>> = {},
    extensions: ProblemExtensions = {},
  ) {
    super(detail);
    this.name = 'Problem';
    this.status = status;
    this.detail = detail;
    this.errors = errors;
    this.headers = headers;
    this.extensions = extensions;
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Extension members a problem may carry besides the standard ones. */
export interface ProblemExtensions {
  readonly code?: string;
  readonly warnings?: readonly Warning[];
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: FieldProblem[];
  warnings?: Warning[];
  requestId?: string;
}

/** The JSON body of a problem. */
export function problemBody(problem: Problem, requestId?: string): ProblemBody {
  return {
    type: 'about:blank',
    title: TITLES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    ...(problem.extensions.code === undefined ? {} : { code: problem.extensions.code }),
    ...(problem.errors.length > 0 ? { errors: [...problem.errors] } : {}),
    ...(problem.extensions.warnings === undefined
      ? {}
      : { warnings: [...problem.extensions.warnings] }),
    ...(requestId === undefined ? {} : { requestId }),
  };
}

/** A problem as an HTTP response with `Content-Type: application/problem+json`. */
export function problemResponse(problem: Problem, requestId?: string): Response {
  return new Response(JSON.stringify(problemBody(problem, requestId)), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...problem.headers },
  });
}

/** Problems without repeats: one entry per problem (a missing fx rate is found once per use). */
function distinctProblems(errors: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.pointer}\u0000${e.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * How a problem names its field to a reader: the query parameter, else the JSON Pointer as a path
 * (`/method/type` → `method.type`, `/destinations/0` → `destinations[0]`).
 */
export function fieldName(problem: {
  readonly pointer: string;
  readonly parameter?: string | undefined;
}): string {
  if (problem.parameter !== undefined) return problem.parameter;
  let name = '';
  for (const token of problem.pointer.split('/').slice(1)) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    name += /^(0|[1-9][0-9]*)$/.test(key) ? `[${key}]` : name === '' ? key : `.${key}`;
  }
  return name;
}

/** How a field problem's detail starts when it completes a sentence about the field. */
const PREDICATE =
  /^(is|are|must|has|have|makes|may|applies|repeats|contains|cannot|needs|should|was|gives|does)\b/;

/** A sentence ends once: "… (got \"x\")." and never "….." */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The `detail` of a problem listing field problems, naming the fields: one problem is said whole
 * ("method.type must be one of full-gap, tranche (got \"x\")."); several are counted and their
 * fields listed ("The request body has 2 problems, at origin and incoterm; see errors."). `subject`
 * is what holds the fields ("The request body", "The query", "This line").
 */
export function problemsDetail(errors: readonly FieldProblem[], subject: string): string {
  const first = errors[0];
  if (first === undefined) return `${subject} is not valid.`;
  if (errors.length === 1) {
    const name = fieldName(first);
    const field = name === '' ? subject : name;
    // "price.per must be …" reads as a sentence; a detail that is a clause of its own ("a rate
    // for CNY is needed …") follows its field after a colon.
    return sentence(
      PREDICATE.test(first.detail) ? `${field} ${first.detail}` : `${field}: ${first.detail}`,
    );
  }
  const names = [...new Set(errors.map((e) => fieldName(e) || subject.toLowerCase()))];
  const listed =
    names.length === 1
      ? (names[0] as string)
      : `${names.slice(0, -1).join(', ')} and ${names.at(-1) as string}`;
  return `${subject} has ${errors.length} problems, at ${listed}; see errors.`;
}

/** A 422 listing every field problem of a request (a JSON body, or the values of a query). */
export function validationProblem(all: readonly FieldProblem[]): Problem {
  const errors = distinctProblems(all);
  const subject = errors[0]?.parameter === undefined ? 'The request body' : 'The query';
  return new Problem(422, problemsDetail(errors, subject), errors);
}

/**
 * A 400 for a query string that cannot be read as a request: malformed percent-encoding, unknown
 * or repeated parameters.
 */
export function queryProblem(errors: readonly FieldProblem[]): Problem {
  return new Problem(400, problemsDetail(errors, 'The query string'), errors);
}

export const FieldProblemSchema = z
  .object({
    pointer: z.string().openapi({ example: '/price/amount' }),
    detail: z.string().openapi({ example: 'must be a decimal string such as "10.50"' }),
    parameter: z.string().optional().openapi({ example: 'price' }),
  })
  .openapi('FieldProblem');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string().openapi({ example: 'Unprocessable Content' }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string().openapi({
      example:
        'method.type must be one of full-gap, tranche, capped, all-or-nothing (got "full_gap").',
    }),
    code: z
      .string()
      .optional()
      .openapi({
        description:
          '`strict` when a strict request met uncertain data; `no-tariff-data` when a text or CSV ' +
          'form would print a duty the data does not know.',
        example: 'strict',
      }),
    errors: z.array(FieldProblemSchema).optional(),
    warnings: z
      .array(WarningSchema)
      .optional()
      .openapi({ description: 'The warnings that made the answer a problem.' }),
    requestId: z.string().optional().openapi({ example: '5f0c6b8e-6b1f-4a52-9a57-4f1b0f8d7c11' }),
  })
  .openapi('Problem', {
    description:
      'An RFC 9457 problem; `errors` names each offending field, `warnings` the uncertain data ' +
      'a strict request refused.',
  });

/** OpenAPI response entries for problems, to spread into a route's `responses`. */
export function problemResponses(...statuses: ContentfulStatusCode[]) {
  const descriptions: Record<number, string> = {
    400: 'Malformed JSON, or a malformed query string (bad percent-encoding) or one with unknown or repeated parameters.',
    404: 'No such resource.',
    413: 'The body or batch is too large.',
    415: 'The Content-Type is not one this operation accepts, or the body is compressed (Content-Encoding).',
    422: 'The request is well-formed but a field or query value is invalid; `errors` names each one.',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? TITLES[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
      },
    ]),
  );
}
