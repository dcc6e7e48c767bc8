import { createRoute, type RouteConfig, type RouteHandler, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { PolicyData } from '../data/store';
import { cachedResponses } from './caching';
import type { DecimalMark } from './csv';
import type { AppEnv } from './env';
import { sentValue } from './issue-messages';
import { mediaType, preferredMediaType, requireJson } from './media-type';
import { csvResponse, decimalMarkOf, type FlatRow, textField } from './output';
import type { Parsed } from './parsed';
import {
  checkPostQuery,
  POST_QUERY_REFUSED,
  type PostParameter,
  postQueryParameters,
  readPostQuery,
} from './post-query';
import { type FieldProblem, problemResponses, validationProblem } from './problem';
import { typedQuery } from './query-doc';
import {
  flatToRequest,
  OUTPUT_PARAMETERS,
  parameterFor,
  type QueryForm,
  queryProblems,
  queryValues,
} from './query-form';
import { createRouter } from './router';
import { DecimalMarkSchema } from './schemas';
import { refuseUncertain, StrictQuery } from './strict';
import { issuesToProblems } from './validation';

/**
 * One calculator pipeline. A calculator is declared once, as a {@link Calculator}: its JSON request
 * schema, its flat form (query parameters and CSV columns), how a request resolves against the
 * policy data, the domain call, and how the result is presented (JSON) and flattened (CSV, text).
 * {@link calculatorRouter} wires its POST and GET routes from that; the batch and MCP forms call
 * {@link runCalculator}, {@link flatRequest} and {@link parseRequest}. Every form runs the same steps in the same
 * order:
 *
 *   flat fields ─ flatRequest ─ parseRequest ─┐
 *   JSON body (the route's validator) ───────┴─ resolve ─ compute ─ present ─ JSON | row → CSV / text
 */

/** One flat field: the JSON Pointers it fills in the request, documented as a query parameter. */
export interface FlatField {
  readonly to: string | readonly string[];
  readonly doc: string;
  readonly example?: string;
  /** The form's defaults fill it when it is absent: never documented as required. */
  readonly implied?: true;
  /**
   * The field means something only with another parameter at one value (`trigger` with
   * `method=tranche`): given without it, it is a problem saying so, not whatever the request it
   * would build says of it.
   */
  readonly onlyWith?: { readonly parameter: string; readonly value: string };
}

/** A calculator's flat form: pointers per field name and the GET route's documented query. */
export interface FlatForm<Names extends string = string> {
  readonly form: QueryForm;
  readonly query: z.ZodObject<Record<Names, z.ZodOptional<z.ZodString>>>;
  /** The fields the form's defaults fill when absent (documented as optional). */
  readonly implied?: readonly string[];
  /** The fields that mean something only with another parameter at one value (FlatField.onlyWith). */
  readonly onlyWith?: Readonly<
    Record<string, { readonly parameter: string; readonly value: string }>
  >;
}

/** Declares a flat form once: the pointers each field fills and its query documentation. */
export function flatForm<const F extends Readonly<Record<string, FlatField>>>(
  fields: F,
): FlatForm<Extract<keyof F, string>> {
  const form: Record<string, readonly string[]> = {};
  const shape: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const [name, field] of Object.entries(fields)) {
    form[name] = typeof field.to === 'string' ? [field.to] : field.to;
    shape[name] = z
      .string()
      .optional()
      .openapi(
        field.example === undefined
          ? { description: field.doc }
          : { description: field.doc, example: field.example },
      );
  }
  return {
    form,
    implied: Object.entries(fields).flatMap(([name, field]) => (field.implied ? [name] : [])),
    onlyWith: Object.fromEntries(
      Object.entries(fields).flatMap(([name, field]) =>
        field.onlyWith === undefined ? [] : [[name, field.onlyWith]],
      ),
    ),
    query: z.object(shape) as z.ZodObject<
      Record<Extract<keyof F, string>, z.ZodOptional<z.ZodString>>
    >,
  };
}

/** An extra answer format (e.g. SVG), for `format=<name>` and the POST form's `Accept`. */
export interface Rendering<Response> {
  readonly contentType: string;
  /**
   * Writes the answer; absent for `csv`, which the shared CSV writer answers from `table` (in the
   * request's `decimal` style): the entry then only offers CSV to a POST client's `Accept`.
   */
  readonly render?: (response: Response) => string;
}

/** The GET (query) form of a calculator. */
export interface QueryFormSpec<Names extends string> {
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly form: FlatForm<Names>;
  /** Defaults only the flat form implies (a floor in the price's unit, comma-separated lists). */
  readonly defaults?: (request: Record<string, unknown>) => Record<string, unknown>;
  /**
   * Where a pointer into the request `defaults` built lies among the pointers the flat fields
   * fill, when `defaults` moved them (a comparison's shipment); default: where it is. A problem is
   * named by the parameter found there.
   */
  readonly formPointer?: (pointer: string) => string;
  /** The `field` of `format=text` when none is given. */
  readonly field: string;
  /** The `field` parameter's description, when the default one says too little. */
  readonly fieldDoc?: string;
  /** The `format` parameter's schema; default json, csv, text. */
  readonly format?: z.ZodType<string | undefined>;
  /** Examples of the text and CSV answers, for the document. */
  readonly examples?: { readonly text?: string; readonly csv?: string };
}

/**
 * A calculator: declared once, served as JSON (POST), a query string (GET: JSON, CSV, text), CSV
 * batch lines and MCP tools, all through the same resolve → compute → present steps.
 */
export interface Calculator<
  Path extends string,
  Request extends z.ZodType,
  Response extends z.ZodType,
  Command,
  Result,
  Names extends string = string,
> {
  readonly path: Path;
  readonly tag: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly request: Request;
  /** What the request body is, for the document. */
  readonly requestDescription: string;
  readonly response: Response;
  /** What the 200 answer is, for the document. */
  readonly responseDescription: string;
  /** The parser of requests built by hand (flat forms, batch lines); default `request`. */
  readonly parser?: z.ZodType<z.infer<Request>>;
  /** The request resolved against the data: the domain's inputs, or every problem at its pointer. */
  readonly resolve: (request: z.infer<Request>, data: PolicyData) => Parsed<Command>;
  /** The domain call. */
  readonly compute: (command: Command) => Result;
  /** The answer, rounded and formatted; no computing here. */
  readonly present: (command: Command, result: Result) => z.infer<Response>;
  /**
   * The answer as named cells: CSV columns and the `field`s of the text form; `decimal` as for
   * `table`.
   */
  readonly row: (response: z.infer<Response>, decimal: DecimalMark) => FlatRow;
  /**
   * The CSV table when an answer has several rows (default: the one `row`); `decimal` is the
   * mark asked for, for the numbers a table writes inside a text cell (whole-cell decimals are
   * localised by the CSV writer).
   */
  readonly table?: (
    response: z.infer<Response>,
    decimal: DecimalMark,
  ) => {
    readonly header: readonly string[];
    readonly rows: readonly (readonly string[])[];
  };
  readonly renderings?: Readonly<Record<string, Rendering<z.infer<Response>>>>;
  readonly get?: QueryFormSpec<Names>;
  /** Whether a JSON request asks to be strict; default its own `"strict": true`. */
  readonly strict?: (request: z.infer<Request>) => boolean;
  /**
   * The request's `assume` field is the `assume` query parameter (GET and POST alike): the JSON
   * answer computes on it too (e.g. a split that rests on a duty the data lacks, counted as zero
   * by assumption).
   */
  readonly assumeInRequest?: true;
  /**
   * The tariff coverage a bare form (text, CSV) refuses on without `assume=no-duty`: `none` when
   * any figure it prints rests on a duty the data lacks. Default the answer's `coverage.tariffs`;
   * an answer over several parts reports their combined coverage there (`partial` when mixed), so
   * it gives the least complete of its parts here.
   */
  readonly refusalCoverage?: (response: z.infer<Response>) => string | undefined;
}

/** The policy data the app was created with (createApp sets it on every request). */
export function dataOf(c: Context<AppEnv>): PolicyData {
  return c.var.data;
}

/**
 * Runs a validated request through the calculator: resolve → compute → present. A request the data
 * cannot serve is a 422 naming each field; `restate` renames problems for another form (the query).
 */
export function runCalculator<
  Request extends z.ZodType,
  Response extends z.ZodType,
  Command,
  Result,
>(
  calculator: Calculator<string, Request, Response, Command, Result>,
  request: z.infer<Request>,
  data: PolicyData,
  restate: (problems: readonly FieldProblem[]) => Error = validationProblem,
): z.infer<Response> {
  const command = calculator.resolve(request, data);
  if (!command.ok) throw restate(command.problems);
  return calculator.present(command.value, calculator.compute(command.value));
}

/** The JSON request the fields of a GET query stand for, not yet parsed. */
export function flatRequest(
  values: Readonly<Record<string, string>>,
  form: QueryForm,
  defaults?: (request: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const raw = flatToRequest(values, form);
  return defaults === undefined ? raw : defaults(raw);
}

/** A request built by hand (flat form, batch line) through the calculator's parser. */
export function parseRequest<Request extends z.ZodType>(
  calculator: { readonly request: Request; readonly parser?: z.ZodType<z.infer<Request>> },
  raw: unknown,
): Parsed<z.infer<Request>> {
  const parsed = (calculator.parser ?? calculator.request).safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data as z.infer<Request> }
    : { ok: false, problems: issuesToProblems(parsed.error.issues, raw) };
}

/**
 * The query's values without the fields given without the parameter value they need
 * (FlatField.onlyWith), and a problem for each: `trigger` without `method=tranche` says so, rather
 * than what the request it builds would say (`method is required` of a method holding only a
 * trigger). The rest of the query is read as usual, so its own problems are told with these.
 */
function withoutMisplaced(
  values: Readonly<Record<string, string>>,
  flat: FlatForm,
): { values: Readonly<Record<string, string>>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const kept: Record<string, string> = { ...values };
  for (const [name, { parameter, value }] of Object.entries(flat.onlyWith ?? {})) {
    if (values[name] === undefined) continue;
    const given = values[parameter]?.trim();
    if (given === value) continue;
    delete kept[name];
    problems.push({
      pointer: flat.form[name]?.[0] ?? '',
      parameter: name,
      detail: `applies only with ${parameter}=${value} (${
        given === undefined ? `${parameter} is not given` : `${parameter} is ${sentValue(given)}`
      })`,
    });
  }
  return { values: kept, problems };
}

/**
 * A GET calculator's answer from the query string; problems name the parameters. A parameter given
 * blank is a problem of its own (queryValues), told with the others; what the request lacks
 * without it (`price is required` beside `price=`) is not told again.
 */
export function answerFromQuery<
  Request extends z.ZodType,
  Response extends z.ZodType,
  Command,
  Result,
  Names extends string,
>(
  calculator: Calculator<string, Request, Response, Command, Result, Names>,
  c: Context<AppEnv>,
  others: readonly string[] = OUTPUT_PARAMETERS,
): z.infer<Response> {
  const spec = calculator.get;
  if (spec === undefined) throw new Error(`${calculator.path} has no query form`);
  const { form } = spec.form;
  const { values: given, blanks } = queryValues(c.req.queries(), form, others);
  const { values, problems: misplaced } = withoutMisplaced(given, spec.form);
  const raw = flatRequest(values, form, spec.defaults);
  const assume = c.req.query('assume');
  if (calculator.assumeInRequest && assume !== undefined) raw.assume = assume;
  const request = parseRequest(calculator, raw);
  const blank = new Set(blanks.map((p) => p.parameter));
  const formPointer = spec.formPointer ?? ((pointer: string) => pointer);
  const found = request.ok
    ? []
    : request.problems.filter((p) => !blank.has(parameterFor(form, formPointer(p.pointer))));
  const problems = [...blanks, ...misplaced, ...found];
  if (!request.ok || problems.length > 0) throw queryProblems(form, problems, spec.formPointer);
  return runCalculator(calculator, request.value, dataOf(c), (problems) =>
    queryProblems(form, problems, spec.formPointer),
  );
}

/** The answer formats of every calculator's GET form; some add their own (`svg`). */
export const FORMATS = ['json', 'csv', 'text'] as const;

const FORMAT = z.enum(FORMATS).openapi({
  description:
    '`json` (default), `csv` (a header row and a value row per answer row, for `IMPORTDATA`), or ' +
    '`text` (one bare value, the `field`, for `WEBSERVICE`).',
  example: 'json',
});

/** How an answer is written out in each format. */
interface Outputs<Response> {
  readonly row: (response: Response, decimal: DecimalMark) => FlatRow;
  readonly table?: (
    response: Response,
    decimal: DecimalMark,
  ) => {
    readonly header: readonly string[];
    readonly rows: readonly (readonly string[])[];
  };
  readonly renderings?: Readonly<Record<string, Rendering<Response>>>;
}

/** The answer in the format a spreadsheet or client asked for. */
function respond<Response>(
  calculator: Outputs<Response>,
  c: Context<AppEnv>,
  response: Response,
  format: string,
  field: string,
): globalThis.Response {
  const render = calculator.renderings?.[format];
  if (render?.render !== undefined)
    return c.body(render.render(response), 200, { 'content-type': render.contentType });
  if (format === 'csv') {
    if (calculator.table !== undefined) {
      const { header, rows } = calculator.table(response, decimalMarkOf(c));
      return csvResponse(c, header, rows);
    }
    const row = calculator.row(response, decimalMarkOf(c));
    return csvResponse(c, Object.keys(row), [Object.values(row)]);
  }
  if (format === 'text') return textField(c, calculator.row(response, decimalMarkOf(c)), field);
  return c.json(response as object, 200);
}

/**
 * The rendering a POST client prefers to JSON with `Accept` (e.g. image/svg+xml, or text/csv but
 * not `application/json, text/csv;q=0.5`), if any: see preferredMediaType.
 */
function acceptedRendering(
  calculator: { readonly renderings?: Readonly<Record<string, { readonly contentType: string }>> },
  accept: string | undefined,
): string | undefined {
  if (calculator.renderings === undefined || accept === undefined) return undefined;
  const renderings = Object.entries(calculator.renderings);
  const offers = ['application/json', ...renderings.map(([, r]) => mediaType(r.contentType))];
  const preferred = preferredMediaType(accept, offers);
  return renderings.find(([, r]) => mediaType(r.contentType) === preferred)?.[0];
}

function renderingContent(
  renderings: Readonly<Record<string, { readonly contentType: string }>> | undefined,
) {
  return Object.fromEntries(
    Object.values(renderings ?? {}).map((r) => [
      r.contentType.split(';')[0] as string,
      { schema: z.string() },
    ]),
  );
}

/** Whether a calculator's POST form can answer CSV or text (a bare form) to `Accept`. */
function answersBare(calculator: {
  readonly renderings?: Readonly<Record<string, { readonly contentType: string }>>;
}): boolean {
  return Object.values(calculator.renderings ?? {}).some((r) =>
    ['text/csv', 'text/plain'].includes(mediaType(r.contentType)),
  );
}

/**
 * The query parameters of a calculator's POST form (see PostParameter): `strict` always; `assume`
 * where the body has it or a bare answer (CSV, text) refuses on it; `decimal` with a bare answer.
 */
function postParameters(calculator: {
  readonly renderings?: Readonly<Record<string, { readonly contentType: string }>>;
  readonly assumeInRequest?: true;
}): readonly PostParameter[] {
  const bare = answersBare(calculator);
  return [
    ...(bare ? (['decimal'] as const) : []),
    'strict',
    ...(bare || calculator.assumeInRequest ? (['assume'] as const) : []),
  ];
}

/** The POST form's `assume` parameter where the body has `assume` too. */
const ASSUME_IN_REQUEST =
  '`no-duty`: the same as `"assume": "no-duty"` in the body (either says it): count a duty the ' +
  'data has no tariff for as zero, explicitly; the `no-tariff-data` warning and ' +
  '`coverage.tariffs` still say the data lacks it.';

/** The POST route of a calculator, as the OpenAPI document describes it. */
function postRoute<
  Path extends string,
  Request extends z.ZodType,
  Response extends z.ZodType,
  Command,
  Result,
>(calculator: Calculator<Path, Request, Response, Command, Result>) {
  return createRoute({
    operationId: calculator.operationId,
    method: 'post',
    path: calculator.path,
    tags: [calculator.tag],
    summary: calculator.summary,
    description: `${calculator.description}\n\n${POST_QUERY_REFUSED}`,
    middleware: [requireJson, checkPostQuery(postParameters(calculator))] as const,
    // Documented, not declared as the route's query: a typed client sends the body alone.
    parameters: postQueryParameters(
      postParameters(calculator),
      calculator.assumeInRequest ? { assume: ASSUME_IN_REQUEST } : {},
    ),
    request: {
      body: {
        required: true,
        description: calculator.requestDescription,
        content: { 'application/json': { schema: calculator.request } },
      },
    },
    responses: {
      200: {
        description: calculator.responseDescription,
        content: {
          'application/json': { schema: calculator.response },
          ...renderingContent(calculator.renderings),
        },
      },
      ...problemResponses(400, 413, 415, 422),
    },
  });
}

/** What every GET form of a calculator says of a blank parameter (queryValues, validationHook). */
const BLANKS_REFUSED =
  'A parameter given blank (`asOf=`, `freight=`: an empty spreadsheet cell) is a 422 naming it, ' +
  'never read as left out: leave a parameter out to use its default.';

/** The GET route of a calculator: the same computation from a query string. */
function getRoute<
  Path extends string,
  Request extends z.ZodType,
  Response extends z.ZodType,
  Command,
  Result,
  Names extends string,
>(
  calculator: Calculator<Path, Request, Response, Command, Result, Names>,
  spec: QueryFormSpec<Names>,
) {
  return createRoute({
    operationId: spec.operationId,
    method: 'get',
    path: calculator.path,
    tags: [calculator.tag],
    summary: spec.summary,
    description: `${spec.description}\n\n${BLANKS_REFUSED}`,
    request: {
      query: typedQuery(
        spec.form.query,
        spec.form.form,
        calculator.request,
        spec.form.implied,
      ).extend({
        ...StrictQuery,
        format: (spec.format ?? FORMAT.optional()) as z.ZodOptional<z.ZodString>,
        decimal: DecimalMarkSchema.optional(),
        field: z
          .string()
          .optional()
          .openapi({
            description:
              spec.fieldDoc ??
              `With \`format=text\`: which value to return; default \`${spec.field}\`; \`none\` where it does not exist.`,
            example: spec.field,
          }),
      }),
    },
    responses: {
      ...cachedResponses({
        description: 'The answer as JSON, CSV or one bare value.',
        content: {
          'application/json': { schema: calculator.response },
          'text/csv': {
            schema: z
              .string()
              .openapi(spec.examples?.csv === undefined ? {} : { example: spec.examples.csv }),
          },
          'text/plain': {
            schema: z
              .string()
              .openapi(spec.examples?.text === undefined ? {} : { example: spec.examples.text }),
          },
          ...renderingContent(calculator.renderings),
        },
      }),
      ...problemResponses(400, 422),
    },
  });
}

/** The POST route of a calculator alone (a calculator without a flat form). */
export function postCalculatorRouter<
  Path extends string,
  Request extends z.ZodType,
  Response extends z.ZodType,
  Command,
  Result,
  Names extends string,
>(calculator: Calculator<Path, Request, Response, Command, Result, Names>) {
  const post = postRoute(calculator);
  const parameters = postParameters(calculator);
  const handlePost: RouteHandler<RouteConfig, AppEnv> = (c) => {
    const query = readPostQuery(c, parameters);
    const sent = c.req.valid('json' as never) as z.infer<Request>;
    // `assume=no-duty` is the body's `"assume": "no-duty"` where it has one (either says it).
    const request =
      calculator.assumeInRequest && query.assumeNoDuty
        ? ({ ...(sent as object), assume: 'no-duty' } as z.infer<Request>)
        : sent;
    const response = runCalculator(calculator, request, dataOf(c));
    const format = acceptedRendering(calculator, c.req.header('accept')) ?? 'json';
    refuseUncertain(
      response,
      {
        // `strict=true` is `"strict": true`: either makes the request strict.
        strict:
          query.strict ||
          (calculator.strict?.(request) ?? (request as { strict?: boolean }).strict === true),
        assumeNoDuty: query.assumeNoDuty,
        bare: format === 'csv' || format === 'text',
      },
      calculator.refusalCoverage?.(response),
    );
    return respond(calculator, c, response, format, '');
  };
  return createRouter().openapi(post, handlePost as never);
}

/**
 * The routes of a calculator, chained so that their request and answer types reach `AppType`:
 * POST (JSON body) and GET (query string: JSON, CSV, text and any extra rendering).
 */
export function calculatorRouter<
  Path extends string,
  Request extends z.ZodType,
  Response extends z.ZodType,
  Command,
  Result,
  Names extends string,
>(
  calculator: Calculator<Path, Request, Response, Command, Result, Names> & {
    readonly get: QueryFormSpec<Names>;
  },
) {
  const spec = calculator.get;
  const get = getRoute(calculator, spec);
  const handleGet: RouteHandler<RouteConfig, AppEnv> = (c) => {
    const query = c.req.valid('query' as never) as { format?: string; field?: string };
    const format = query.format ?? 'json';
    const response = answerGet(calculator, c, format);
    return respond(calculator, c, response, format, query.field ?? spec.field);
  };
  return postCalculatorRouter(calculator).openapi(get, handleGet as never);
}

/**
 * A GET form's answer in `format`, refused as the query asks (`strict`, `assume`): every GET form
 * of a calculator, its own path for a rendering included, goes through here. CSV and text show
 * their figures bare, so an unknown duty is refused there unless `assume=no-duty`. `others`: the
 * parameters the form takes besides its fields.
 */
function answerGet<
  Request extends z.ZodType,
  Response extends z.ZodType,
  Command,
  Result,
  Names extends string,
>(
  calculator: Calculator<string, Request, Response, Command, Result, Names>,
  c: Context<AppEnv>,
  format: string,
  others?: readonly string[],
): z.infer<Response> {
  const query = c.req.valid('query' as never) as { strict?: string; assume?: string };
  const response = answerFromQuery(calculator, c, others);
  refuseUncertain(
    response,
    {
      strict: query.strict === 'true',
      assumeNoDuty: query.assume === 'no-duty',
      bare: format === 'csv' || format === 'text',
    },
    calculator.refusalCoverage?.(response),
  );
  return response;
}

/** What a rendering's own GET path (`/v1/bloc-tiers.svg`) takes besides the form's fields. */
const RENDERING_PARAMETERS = ['key', 'strict', 'assume'] as const;

/**
 * A rendering's own GET path, e.g. `/v1/bloc-tiers.svg`: the GET form's query with `format=<name>`
 * implied, so it is read, refused (`strict`, `assume`) and answered as that form is; `format`,
 * `field` and `decimal` are not its parameters. Chain it on the calculator's router:
 * `.openapi(route, handler)`.
 */
export function renderingGet<
  Path extends string,
  Request extends z.ZodType,
  Response extends z.ZodType,
  Command,
  Result,
  Names extends string,
  RenderingPath extends string,
>(
  calculator: Calculator<Path, Request, Response, Command, Result, Names> & {
    readonly get: QueryFormSpec<Names>;
  },
  name: string,
  doc: {
    readonly path: RenderingPath;
    readonly operationId: string;
    readonly summary: string;
    readonly description: string;
    readonly responseDescription: string;
  },
) {
  const rendering = calculator.renderings?.[name];
  if (rendering?.render === undefined)
    throw new Error(`${calculator.path} has no ${name} rendering`);
  const { render, contentType } = rendering;
  const spec = calculator.get;
  const route = createRoute({
    operationId: doc.operationId,
    method: 'get',
    path: doc.path,
    tags: [calculator.tag],
    summary: doc.summary,
    description: `${doc.description}\n\n${BLANKS_REFUSED}`,
    request: {
      query: typedQuery(
        spec.form.query,
        spec.form.form,
        calculator.request,
        spec.form.implied,
      ).extend(StrictQuery),
    },
    responses: {
      ...cachedResponses({
        description: doc.responseDescription,
        content: { [mediaType(contentType)]: { schema: z.string() } },
      }),
      ...problemResponses(400, 422),
    },
  });
  const handler: RouteHandler<RouteConfig, AppEnv> = (c) =>
    c.body(render(answerGet(calculator, c, name, RENDERING_PARAMETERS)), 200, {
      'content-type': contentType,
    });
  return { route, handler: handler as never };
}
