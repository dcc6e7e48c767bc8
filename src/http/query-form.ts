import { createMiddleware } from 'hono/factory';
import type { FlatField } from './calculator';
import { type FieldProblem, queryProblem, validationProblem } from './problem';
import { isCurrencyCodeDetail, readsAsCurrency } from './schemas';
import { BLANK_PARAMETER, isBlank, meantField, toPointer } from './validation';

/**
 * The GET form of a calculator: each query parameter names the JSON Pointers it fills in the
 * calculator's JSON request, so one schema and one parser serve both forms, and a problem found at
 * a pointer is reported against the parameter that filled it.
 */
export type QueryForm = Readonly<Record<string, readonly string[]>>;

/**
 * The pointers a flat field fills, or undefined when the form has no such field. Own fields only:
 * a parameter named `constructor` or `toString` must not find Object.prototype's.
 */
export function pointersOf(form: QueryForm, name: string): readonly string[] | undefined {
  return Object.hasOwn(form, name) ? form[name] : undefined;
}

/**
 * Parameters every GET form takes besides its fields: the output format, the field, the decimal
 * mark of the CSV and text forms, an API key, `strict` and `assume` (what to refuse rather than
 * answer).
 */
export const OUTPUT_PARAMETERS = ['format', 'field', 'decimal', 'key', 'strict', 'assume'] as const;

/**
 * The `fx` parameter of every GET form: `fx=CNY:0.1390,EUR:1.08`, read into the JSON
 * request's `fx` object by the query form.
 */
export const FX_FIELD: FlatField = {
  to: '/fx',
  doc: 'Exchange rates as `CODE:rate` pairs, comma-separated (e.g. `CNY:0.1390,EUR:1.08`): units of the reporting currency per 1 unit of each.',
};

/**
 * The `vat` parameter of every GET form: the VAT rate included in the quoted price,
 * taken out before anything else (e.g. `vat=0.13` for a Chinese domestic quote).
 */
export const VAT_FIELD: FlatField = {
  to: '/vat',
  doc: 'VAT included in the quoted price, as a rate (e.g. `0.13` for a Chinese domestic quote incl. 13% VAT): the price is divided by (1 + vat) first. Default 0.',
};

/**
 * The defaults of a GET form whose `currency` is the currency of one money input (`field`: the
 * benchmark check's `price`, origin content's `productValue`) and whose `reportingCurrency` is the
 * answer's (the JSON form's `currency`): without `reportingCurrency`, the answer is in the input's
 * currency, as these forms have always answered (`currency=CNY&fx=USD:7` restates a USD figure
 * into CNY), unless `fx` gives the input's own currency a rate: then the rates are quoted against
 * another currency, the JSON form's default reporting currency (USD), and the request is the
 * POST's as it stands.
 */
export function answerInInputCurrency(field: string) {
  return (request: Record<string, unknown>): Record<string, unknown> => {
    const input = request[field] as Record<string, unknown> | undefined;
    const currency = input?.currency;
    // An input currency that is no currency is refused at `currency`, not again as the answer's.
    if (
      request.currency !== undefined ||
      typeof currency !== 'string' ||
      !readsAsCurrency(currency)
    )
      return request;
    const fx = request.fx;
    const rated = typeof fx === 'object' && fx !== null && Object.hasOwn(fx, currency);
    return rated ? request : { ...request, currency };
  };
}

/** The floor-gap method as query parameters: one declaration for every form that takes it. */
export const METHOD_FIELDS = {
  method: {
    to: '/method/type',
    doc: '`full-gap` (default), `tranche`, `capped` or `all-or-nothing`.',
  },
  maxRate: {
    to: '/method/maxRate',
    doc: 'With `method=capped`: the bound rate.',
    onlyWith: { parameter: 'method', value: 'capped' },
  },
  penaltyRate: {
    to: '/method/penaltyRate',
    doc: 'With `method=all-or-nothing`: the penalty rate.',
    onlyWith: { parameter: 'method', value: 'all-or-nothing' },
  },
} as const satisfies Record<string, FlatField>;

/** What a tranche's fields (`trigger`, `triggerPer`) need: `method=tranche` (FlatField.onlyWith). */
export const TRANCHE = { parameter: 'method', value: 'tranche' } as const;

/** Sets `value` at the path of `keys` ("/price/amount" → price, amount), creating objects on the way. */
function setAt(target: Record<string, unknown>, keys: readonly string[], value: string): void {
  let node = target;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i] as string;
    const next = node[key];
    if (typeof next === 'object' && next !== null) {
      node = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  const last = keys.at(-1);
  if (last !== undefined) node[last] = value;
}

/**
 * The flat form of exchange rates (`fx=CNY:0.1390,EUR:1.08`) as the JSON request's
 * `fx` object. A list that is not `CODE:rate` pairs stays a string, so the schema refuses it at
 * `/fx` and the problem names the parameter.
 */
export function fxFromList(value: string): Record<string, string> | string {
  // No prototype: `fx=__proto__:1` must reach the schema as a key it refuses, not vanish.
  const rates: Record<string, string> = Object.create(null);
  for (const pair of value.split(',')) {
    const colon = pair.indexOf(':');
    if (colon < 0) return value;
    const code = pair.slice(0, colon).trim();
    if (Object.hasOwn(rates, code)) return value;
    rates[code] = pair.slice(colon + 1).trim();
  }
  return rates;
}

/** The listed rates joined to any a form's other field (landed cost's `fxRate`) put there first. */
function withFx(existing: unknown, listed: Record<string, string> | string): unknown {
  if (typeof listed === 'string' || typeof existing !== 'object' || existing === null)
    return listed;
  return Object.assign(listed, existing);
}

/** The JSON request the fields of a GET query stand for (none blank: queryValues refuses them). */
export function flatToRequest(
  values: Readonly<Record<string, string>>,
  form: QueryForm,
): Record<string, unknown> {
  return flatReader(form, Object.keys(values))(Object.values(values));
}

/**
 * A reader of the flat fields `names` (a CSV header, a query's parameters) into the JSON request
 * they stand for: each name's pointers are found and split once, then each list of values (one
 * per name, in order: a CSV row) is read without looking a name up again. A blank is absent: a
 * CSV line's blank cell is a field that line does not give, since every line shares the columns
 * (a GET query's blank is refused before it gets here: queryValues). Unknown names are ignored; a
 * name given twice is read from its last value.
 */
export function flatReader(
  form: QueryForm,
  names: readonly string[],
): (values: readonly (string | undefined)[]) => Record<string, unknown> {
  const lastIndex = new Map<string, number>();
  for (let i = 0; i < names.length; i++) lastIndex.set(names[i] as string, i);
  const plan: { index: number; fx: boolean; keys: readonly (readonly string[])[] }[] = [];
  for (const [name, index] of lastIndex) {
    const pointers = pointersOf(form, name);
    if (pointers === undefined) continue;
    plan.push({
      index,
      fx: pointers.includes('/fx'),
      keys: pointers.filter((p) => p !== '/fx').map((p) => p.split('/').slice(1)),
    });
  }
  return (values) => {
    const request: Record<string, unknown> = {};
    for (const { index, fx, keys } of plan) {
      const value = values[index]?.trim() ?? '';
      if (value === '') continue;
      if (fx) request.fx = withFx(request.fx, fxFromList(value));
      for (const path of keys) setAt(request, path, value);
    }
    return request;
  };
}

/**
 * Parameters a blank value of which is not refused: the API key is no part of the question (a
 * deployment without keys ignores it; one with keys refuses a blank key as not valid).
 */
const BLANK_TAKEN: readonly string[] = ['key'];

/** A query string read as the fields of a GET form (see queryValues). */
export interface QueryValues {
  /** The value of each field given, never blank. */
  readonly values: Record<string, string>;
  /**
   * A problem for each parameter given blank (`asOf=`, `freight=  `), field or other, at the
   * pointer its field fills (as a field's other problems are told) or its own name: 422s, told
   * with the query's other problems. A GET form never reads a blank as left out.
   */
  readonly blanks: readonly FieldProblem[];
}

/**
 * The fields of a query string, one value each, and its blank parameters. Unknown or repeated
 * parameters are a 400: a misspelt parameter silently ignored would price the wrong trade.
 */
export function queryValues(
  queries: Readonly<Record<string, readonly string[]>>,
  form: QueryForm,
  others: readonly string[] = OUTPUT_PARAMETERS,
): QueryValues {
  const problems: FieldProblem[] = [];
  const blanks: FieldProblem[] = [];
  const values: Record<string, string> = {};
  const blank = (name: string, pointer: string) =>
    blanks.push({ pointer, parameter: name, detail: BLANK_PARAMETER });
  for (const [name, list] of Object.entries(queries)) {
    if (others.includes(name)) {
      // Not a field: the route reads it (its query schema, the API key); only a blank is told here.
      const [value] = list;
      if (list.length === 1 && value !== undefined && isBlank(value) && !BLANK_TAKEN.includes(name))
        blank(name, toPointer([name]));
      continue;
    }
    const pointers = pointersOf(form, name);
    if (pointers === undefined) {
      const meant = meantField(name, [...Object.keys(form), ...others]);
      problems.push({
        pointer: toPointer([name]),
        parameter: name,
        detail: `is not a parameter of this operation${meant === undefined ? '' : ` (did you mean "${meant}"?)`}`,
      });
    } else if (list.length > 1) {
      problems.push({
        pointer: pointers[0] ?? '',
        parameter: name,
        detail: 'is given more than once',
      });
    } else if (list[0] !== undefined) {
      if (isBlank(list[0])) blank(name, pointers[0] ?? toPointer([name]));
      else values[name] = list[0];
    }
  }
  if (problems.length > 0) throw queryProblem(problems);
  return { values, blanks };
}

/** `text` percent-decoded as a query component (`+` is a space); undefined where it is malformed. */
function decodedComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/**
 * A malformed query string is a 400, not a value read as its raw text: a `%` that does not
 * begin a percent-encoded UTF-8 character (`?price=%ZZ`, `%FF`) names its parameter. Only a query
 * holding a `%` is looked at.
 */
export const refuseMalformedQuery = createMiddleware(async (c, next) => {
  const url = c.req.url;
  const start = url.indexOf('?');
  if (start !== -1 && url.indexOf('%', start) !== -1) {
    const problems: FieldProblem[] = [];
    for (const pair of url.slice(start + 1).split('&')) {
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      const name = decodedComponent(rawName);
      if (name !== undefined && (eq === -1 || decodedComponent(pair.slice(eq + 1)) !== undefined))
        continue;
      const parameter = name ?? rawName;
      problems.push({
        pointer: toPointer([parameter]),
        parameter,
        detail:
          'is not valid percent-encoding: a % begins %XX of a UTF-8 character (write a % itself as %25)',
      });
    }
    if (problems.length > 0) throw queryProblem(problems);
  }
  await next();
});

/**
 * Route middleware for an operation whose query schema is read as is (reference data): a parameter
 * it does not take (`?ASOF=`, `?destinaton=`), or one given twice, is a 400 before any value is
 * read, and one given blank (`?asOf=`) a 422 saying so, as on the calculators. `key` (the API key)
 * is always taken.
 */
export function onlyParameters(query?: { readonly shape: Readonly<Record<string, unknown>> }) {
  const form: QueryForm = Object.fromEntries(
    Object.keys(query?.shape ?? {}).map((name) => [name, [toPointer([name])]]),
  );
  return createMiddleware(async (c, next) => {
    const { blanks } = queryValues(c.req.queries(), form, ['key']);
    if (blanks.length > 0) throw validationProblem(blanks);
    await next();
  });
}

/**
 * The parameter that fills `pointer`; else the nearest one filling a parent of it; else, for a
 * missing object (`/price`), the first one declared inside it (`price`, not `currency`).
 */
export function parameterFor(form: QueryForm, pointer: string): string | undefined {
  return placeOf(form, pointer)?.parameter;
}

/**
 * The parameter of `pointer` (see parameterFor) and where the pointer lies below that parameter's
 * own pointer: "/1" for an item of a list parameter, "" for the field itself or a parent of it.
 */
function placeOf(
  form: QueryForm,
  pointer: string,
): { readonly parameter: string; readonly rest: string } | undefined {
  let best: { name: string; length: number } | undefined;
  let inside: string | undefined;
  for (const [name, pointers] of Object.entries(form)) {
    for (const p of pointers) {
      if (pointer === p || pointer.startsWith(`${p}/`)) {
        if (best === undefined || p.length > best.length) best = { name, length: p.length };
      } else if (inside === undefined && p.startsWith(`${pointer}/`)) {
        inside = name;
      }
    }
  }
  if (best !== undefined) return { parameter: best.name, rest: pointer.slice(best.length) };
  return inside === undefined ? undefined : { parameter: inside, rest: '' };
}

/**
 * Problems found in the JSON request restated against the query parameters that filled it: a 422
 * (the query was read; a value in it is not valid). `formPointer` says where a problem's pointer
 * lies among the form's own when the request was rebuilt from the flat fields (a comparison's
 * shipment, its variants from a list of dates); the problem keeps its pointer into the request.
 */
export function queryProblems(
  form: QueryForm,
  problems: readonly FieldProblem[],
  formPointer: (pointer: string) => string = (pointer) => pointer,
) {
  // One parameter the form copies to several fields (a market currency to every price of a path,
  // `unit` to both volumes) is one problem to the user, said once: the first of those that say
  // the same of the same place in it. Items of a list parameter (destinations=US,,) are places of
  // their own, each its own problem.
  const said = new Set<string>();
  const named: FieldProblem[] = [];
  for (const p of problems) {
    const pointer = formPointer(p.pointer);
    const place = placeOf(form, pointer);
    if (place === undefined) {
      named.push(p);
      continue;
    }
    const { parameter, rest } = place;
    const detail = flatFx(parameter === 'fx' ? fxDetail({ ...p, pointer }) : p.detail);
    const key = `${parameter}\n${rest}\n${detail}`;
    if (said.has(key)) continue;
    said.add(key);
    named.push({ ...p, parameter, detail });
  }
  return validationProblem(named);
}

/**
 * A problem with the `fx` list said in its own terms: the list is not `CODE:rate` pairs (it stayed
 * a string, see fxFromList), or one pair's code or rate is wrong.
 */
/**
 * A detail telling the JSON form's way to add a rate (`add "fx": { "CNY": "<USD per 1 CNY>" }`)
 * told the flat form's way (`add fx=CNY:<USD per 1 CNY>`): the query and the CSV `fx` column.
 */
export function flatFx(detail: string): string {
  return detail.replace(/add "fx": \{ "([A-Z]{3})": "<([^>]*)>" \}/g, 'add fx=$1:<$2>');
}

function fxDetail(problem: FieldProblem): string {
  // The list stayed a string (fxFromList), which the schema calls not an object: said as the
  // list it is. Any other problem of the whole map (too many rates) is said as the JSON form says it.
  if (problem.pointer === '/fx') {
    if (!problem.detail.startsWith('must be an object')) return problem.detail;
    const sent = / \(got .*\)$/.exec(problem.detail)?.[0] ?? '';
    return `must be CODE:rate pairs separated by commas, such as CNY:0.1390,EUR:1.08${sent}`;
  }
  const code = problem.pointer.slice('/fx/'.length);
  return isCurrencyCodeDetail(problem.detail)
    ? `the code ${problem.detail}`
    : `the rate of ${code} ${problem.detail}`;
}
