import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DECIMAL_MARKS, type DecimalMark } from './csv';
import type { AppEnv } from './env';
import { type FieldProblem, validationProblem } from './problem';
import { queryValues } from './query-form';
import { DecimalMarkSchema } from './schemas';
import { StrictQuery } from './strict';
import { firstField, issuesToProblems, refuseRepeated } from './validation';

/**
 * The query parameters a POST calculator takes beside its JSON (or CSV) body: the output options
 * its GET twin takes, never a field of the request (those are the body's).
 *
 * - `strict`: every POST calculator; `strict=true` is `"strict": true` in the body.
 * - `assume`: where it changes an answer: a calculator whose body has `assume` (bloc tiers), or
 *   one that can answer CSV or text (`Accept`), whose bare figures it lets stand.
 * - `decimal`: a calculator that can answer CSV or text (`Accept`).
 */
export type PostParameter = 'strict' | 'assume' | 'decimal';

/** What a POST calculator's query asks for. */
export interface PostQuery {
  /** `strict=true`; `strict=false` or none is false (a body's `"strict": true` still stands). */
  readonly strict: boolean;
  /** `assume=no-duty`. */
  readonly assumeNoDuty: boolean;
  /** `decimal=point|comma` when given. */
  readonly decimal?: DecimalMark;
}

const SCHEMAS = {
  strict: StrictQuery.strict,
  assume: StrictQuery.assume,
  decimal: DecimalMarkSchema.optional(),
} as const;

/**
 * A POST calculator's query parameters, read as the GET forms read theirs: a parameter the
 * operation does not take is a 400 naming it (with the one it was likely meant to be), one given
 * twice a 400 (neither value may silently win), one given blank or with a value it does not take
 * a 422 naming it. `key` (the API key) is always taken. `names`: the parameters it takes.
 */
export function readPostQuery(c: Context<AppEnv>, names: readonly PostParameter[]): PostQuery {
  // Read once per request: the route's middleware reads it first, the handler takes its reading.
  const read = c.get('postQuery');
  if (read !== undefined) return read;
  const queries = c.req.queries();
  // No fields: every parameter but `names` and `key` is unknown (400); blanks are told below.
  const { blanks } = queryValues(queries, {}, [...names, 'key']);
  refuseRepeated(queries, names);
  const blank = new Set(blanks.map((p) => p.parameter));
  const given: Record<string, string> = {};
  for (const name of names) {
    const value = queries[name]?.[0];
    if (value !== undefined && !blank.has(name)) given[name] = value;
  }
  const parsed = schemaOf(names).safeParse(given);
  const found: FieldProblem[] = parsed.success
    ? []
    : issuesToProblems(parsed.error.issues, given).map((p) => ({
        ...p,
        parameter: firstField(p.pointer),
      }));
  if (blanks.length > 0 || found.length > 0) throw validationProblem([...blanks, ...found]);
  const { strict, assume, decimal } = given;
  const query: PostQuery = {
    strict: strict === 'true',
    assumeNoDuty: assume === 'no-duty',
    ...(decimal === undefined ? {} : { decimal: decimal as DecimalMark }),
  };
  c.set('postQuery', query);
  return query;
}

/** The object schema of each list of parameters, made once (not per request). */
const SCHEMA_OF = new Map<string, z.ZodObject>();
function schemaOf(names: readonly PostParameter[]): z.ZodObject {
  const key = names.join(',');
  let schema = SCHEMA_OF.get(key);
  if (schema === undefined) {
    schema = z.object(Object.fromEntries(names.map((name) => [name, SCHEMAS[name]])));
    SCHEMA_OF.set(key, schema);
  }
  return schema;
}

/**
 * Route middleware refusing a POST calculator's query (readPostQuery) before its body is read, as
 * a GET form's query is refused before anything is computed: `?foo=1` is a 400 whatever the body.
 * The handler takes this reading (readPostQuery keeps it in the context).
 */
export function checkPostQuery(names: readonly PostParameter[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    readPostQuery(c, names);
    await next();
  });
}

/**
 * The default description of each POST query parameter (an operation may say more of its own):
 * documentation only, left out of the Worker (scripts/worker-docs.ts).
 */
export interface PostQueryDocs {
  readonly strict: string;
  readonly assume: string;
  readonly decimal: string;
}

/** The default description of each POST query parameter (an operation may say more of its own). */
export const POST_QUERY_DOCS: PostQueryDocs = {
  strict:
    '`true`: the same as `"strict": true` in the body (either makes the request strict; ' +
    '`strict=false` does not undo a body’s `true`): an answer that would carry a warning of code ' +
    '`data-horizon`, `reported-figure`, `no-tariff-data` or `suspension-ended` is a 422 ' +
    '(problem `code` `strict`) listing them instead.',
  assume:
    '`no-duty`: with `Accept: text/csv`, a figure resting on a duty the data has no tariff for ' +
    'is printed with that duty counted as zero, rather than refused (422 `no-tariff-data`: ' +
    'unknown is not zero). The JSON answer is the same either way.',
  decimal:
    'With `Accept: text/csv`: `point` (default, e.g. `0.371`) or `comma` for spreadsheets in ' +
    'decimal-comma locales: every decimal is written with a comma (`0,371`) and CSV fields are ' +
    'separated by `;`.',
};

const ENUMS: Readonly<Record<PostParameter, readonly string[]>> = {
  strict: ['true', 'false'],
  assume: ['no-duty'],
  decimal: DECIMAL_MARKS,
};

/**
 * The OpenAPI query parameters of a POST operation: documented, not declared as the route's
 * query, so a typed client sends a body alone without naming a query (readPostQuery reads it).
 */
export function postQueryParameters(
  names: readonly PostParameter[],
  docs: Partial<PostQueryDocs> = {},
) {
  return names.map((name) => ({
    name,
    in: 'query' as const,
    required: false,
    description: docs[name] ?? POST_QUERY_DOCS[name],
    schema: { type: 'string' as const, enum: [...ENUMS[name]] },
  }));
}

/** What every POST calculator says of its query string, in its description. */
export const POST_QUERY_REFUSED =
  'The query string takes only the parameters listed (and `key`): any other, or one given twice ' +
  '(`strict=false&strict=true`), is a 400 naming it; one given blank or with a value it does not ' +
  'take, a 422 naming it.';
