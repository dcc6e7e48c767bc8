import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { loadApp } from '../../scripts/load-app.ts';
import { unusedZodKinds, WORKER_BUNDLE } from '../../scripts/worker-bundle.ts';
import { workerWithoutDocs } from '../../scripts/worker-docs.ts';

/**
 * The Worker bundle leaves out the routes' documentation text (scripts/worker-docs.ts). The build
 * refuses some reads of it in src/ (a property access, an element access by name or a
 * destructuring of a documentation property); this test covers every other way a read could creep
 * in (Object.entries, spreads, a structurally typed parameter, `summary`/`description`/
 * `parameters`). It builds the bundle twice with the real build's options
 * (scripts/worker-bundle.ts), once as deployed and once with the text kept (as
 * FLOORLINE_KEEP_DOCS=1 does) and zod's unused schema kinds too, and sends both the same requests
 * through the Worker's `fetch`, which must answer them alike: status, headers and body, but for
 * request ids, dates and timings.
 * The requests are derived from the OpenAPI document the build serves, so a new route is covered
 * without touching this file: every operation with its documented example, each documented choice
 * of each parameter, each parameter bad and blank, each body property bad, null and missing,
 * unknown parameters and properties, malformed and wrong-type bodies, the CSV, text and SVG forms,
 * revalidation with the answer's ETag, CORS preflights, 404 and 405, and the MCP tools (listed and
 * called). No randomness: the set is the same on every run.
 */

interface Schema {
  readonly $ref?: string;
  readonly example?: unknown;
  readonly examples?: readonly unknown[];
  readonly enum?: readonly unknown[];
}
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly example?: unknown;
  readonly schema?: Schema;
}
interface MediaType {
  readonly schema?: Schema;
  readonly example?: unknown;
  readonly examples?: Readonly<Record<string, { readonly value?: unknown }>>;
}
interface Operation {
  readonly operationId?: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, MediaType>> };
}
interface Document {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

/** One request of the set: `name` says what it is in a failure. */
interface Probe {
  readonly name: string;
  /** The documented operation (`GET /v1/minerals/{id}`) the request is for, if any. */
  readonly operation?: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Whether to send it again with the answer's ETag in If-None-Match (a 304, if cacheable). */
  readonly revalidate?: boolean;
}

interface Worker {
  fetch(request: Request, env: unknown, ctx: unknown): Promise<Response>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** The query parameters that choose an answer's form, varied on their own. */
const FORM_PARAMETERS = ['format', 'field', 'decimal'];
const JSON_TYPE = { 'content-type': 'application/json' };
/** What an MCP client sends with every message (Streamable HTTP). */
const MCP_ACCEPT = { ...JSON_TYPE, accept: 'application/json, text/event-stream' };
/** Headers whose values differ from one answer to the next whatever the bundle. */
const VOLATILE_HEADERS = new Set(['date', 'server-timing', 'x-request-id']);

let dir: string;
let document: Document;
let stripped: Worker;
let kept: Worker;
let env: unknown;
const sizes: Record<string, number> = {};
const ctx = { waitUntil() {}, passThroughOnException() {} };

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'floorline-worker-docs-'));
  const bundle = async (name: string, plugins: typeof WORKER_BUNDLE.plugins): Promise<Worker> => {
    const outfile = join(dir, `${name}.mjs`);
    await build({ ...WORKER_BUNDLE, plugins, outfile });
    sizes[name] = (await stat(outfile)).size;
    return ((await import(pathToFileURL(outfile).href)) as { default: Worker }).default;
  };
  const withoutDocs = WORKER_BUNDLE.plugins;
  // FLOORLINE_KEEP_DOCS=1 makes workerWithoutDocs do nothing; leaving it out is the same. zod's
  // schema kinds the build leaves out (scripts/worker-bundle.ts) are kept too: the answers alike
  // show that no schema the requests reach is built of one.
  const withDocs = withoutDocs.filter(
    (plugin) => plugin !== workerWithoutDocs && plugin !== unusedZodKinds,
  );
  assert.equal(withDocs.length, withoutDocs.length - 2);
  let generated: string;
  [stripped, kept, generated] = await Promise.all([
    bundle('stripped', withoutDocs),
    bundle('kept', withDocs),
    // The document the build writes into the static assets (scripts/build.ts), which the Worker
    // serves and its MCP tools read through the ASSETS binding.
    loadApp().then(({ app, OPENAPI_INFO }) =>
      JSON.stringify(app.getOpenAPI31Document(OPENAPI_INFO)),
    ),
  ]);
  document = JSON.parse(generated) as Document;
  env = {
    ASSETS: { fetch: async () => new Response(generated, { headers: JSON_TYPE }) },
    CF_VERSION_METADATA: { id: 'worker-docs-test' },
  };
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A schema, with its reference followed. */
function resolve(schema: Schema | undefined): Schema | undefined {
  if (schema?.$ref === undefined) return schema;
  return resolve(document.components?.schemas?.[schema.$ref.split('/').pop() ?? '']);
}

/** A documented example of a parameter or a body, if any. */
function exampleOf(owner: { example?: unknown; schema?: Schema } | undefined): unknown {
  const schema = resolve(owner?.schema);
  return owner?.example ?? schema?.example ?? schema?.examples?.[0];
}

function mediaExample(media: MediaType): unknown {
  return exampleOf(media) ?? Object.values(media.examples ?? {})[0]?.value;
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function withQuery(path: string, query: URLSearchParams): string {
  const search = query.toString();
  return search === '' ? path : `${path}?${search}`;
}

/** The requests for one operation. */
function probesOf(path: string, method: string, operation: Operation): Probe[] {
  const probes: Probe[] = [];
  const verb = method.toUpperCase();
  const parameters = operation.parameters ?? [];
  const real = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const parameter = parameters.find((p) => p.name === name && p.in === 'path');
    return encodeURIComponent(text(exampleOf(parameter) ?? resolve(parameter?.schema)?.enum?.[0]));
  });
  const query = new URLSearchParams();
  for (const p of parameters) {
    const example = exampleOf(p);
    if (p.in === 'query' && example !== undefined && !FORM_PARAMETERS.includes(p.name)) {
      query.set(p.name, text(example));
    }
  }
  const bodies = Object.entries(operation.requestBody?.content ?? {});
  const example = bodies.find(([type]) => type === 'application/json')?.[1];
  const body = example === undefined ? undefined : mediaExample(example);
  const jsonRpc = typeof body === 'object' && body !== null && 'jsonrpc' in body;
  const jsonHeaders = jsonRpc ? MCP_ACCEPT : JSON_TYPE;
  // The documented body (if any) with each query variant, so body-less operations get their own.
  const send = (name: string, search: URLSearchParams, revalidate = false) => {
    const at = withQuery(real, search);
    probes.push(
      body === undefined
        ? { name: `${verb} ${at} ${name}`, method: verb, path: at, revalidate }
        : {
            name: `${verb} ${at} ${name}`,
            method: verb,
            path: at,
            headers: jsonHeaders,
            body: JSON.stringify(body),
            revalidate,
          },
    );
  };

  send('(documented example)', query, true);
  if (query.size > 0) send('(no query)', new URLSearchParams());
  send('(unknown parameter)', new URLSearchParams([...query, ['notAParameter', '1']]));
  for (const p of parameters) {
    if (p.in === 'path') {
      const at = real.replace(encodeURIComponent(text(exampleOf(p))), 'not-an-id');
      probes.push({ name: `${verb} ${at} (unknown ${p.name})`, method: verb, path: at });
      continue;
    }
    if (p.in !== 'query') continue;
    const choices = [...(resolve(p.schema)?.enum ?? []), exampleOf(p), 'zz', ''];
    for (const choice of new Set(choices.filter((c) => c !== undefined).map(text))) {
      const varied = new URLSearchParams(query);
      varied.set(p.name, choice);
      // A field is read out of the text form.
      if (p.name === 'field' && !varied.has('format')) varied.set('format', 'text');
      send(`(${p.name}=${choice})`, varied);
    }
  }
  for (const [type, media] of bodies) {
    const documented = mediaExample(media);
    if (type !== 'application/json') {
      const sent = documented === undefined ? '' : text(documented);
      const headers = { 'content-type': type };
      probes.push({
        name: `${verb} ${real} (${type})`,
        method: verb,
        path: real,
        headers,
        body: sent,
      });
      probes.push({
        name: `${verb} ${real} (${type}, asking for CSV)`,
        method: verb,
        path: real,
        headers: { ...headers, accept: 'text/csv' },
        body: sent,
      });
      const lines = sent.split('\r\n');
      const bad = [...lines.slice(0, 2), lines[1]?.replace(/[^,]+/, 'zz') ?? 'zz', ',,,', ''];
      probes.push({
        name: `${verb} ${real} (${type}, a bad and a blank line)`,
        method: verb,
        path: real,
        headers,
        body: bad.join('\r\n'),
      });
      continue;
    }
    const malformed = ['{}', '{', '[]', 'null', '"text"'];
    for (const sent of malformed) {
      probes.push({
        name: `${verb} ${real} (body ${sent})`,
        method: verb,
        path: real,
        headers: jsonHeaders,
        body: sent,
      });
    }
    probes.push({
      name: `${verb} ${real} (text/plain body)`,
      method: verb,
      path: real,
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    if (typeof documented !== 'object' || documented === null || Array.isArray(documented))
      continue;
    const object = documented as Record<string, unknown>;
    const variant = (name: string, value: unknown, headers?: Record<string, string>) =>
      probes.push({
        name: `${verb} ${real} (${name})`,
        method: verb,
        path: real,
        headers: { ...jsonHeaders, ...headers },
        body: JSON.stringify(value),
      });
    variant('documented body, asking for CSV', object, { accept: 'text/csv' });
    variant('documented body, asking for text', object, { accept: 'text/plain' });
    variant('unknown property', { ...object, notAProperty: 1 });
    variant('strict', { ...object, strict: true });
    for (const key of Object.keys(object)) {
      const { [key]: _, ...without } = object;
      variant(`without ${key}`, without);
      variant(`${key}: "zz"`, { ...object, [key]: 'zz' });
      variant(`${key}: null`, { ...object, [key]: null });
    }
  }
  return probes;
}

/** MCP's messages: the handshake, the tool list, every tool called with its example and without. */
function mcpProbes(path: string): Probe[] {
  const message = (name: string, body: unknown): Probe => ({
    name: `POST ${path} (${name})`,
    method: 'POST',
    path,
    headers: MCP_ACCEPT,
    body: JSON.stringify(body),
  });
  const probes = [
    message('initialize', {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'test', version: '1' },
      },
    }),
    message('tools/list', { jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    message('ping', { jsonrpc: '2.0', id: 3, method: 'ping' }),
    message('unknown method', { jsonrpc: '2.0', id: 4, method: 'no/such' }),
    message('unknown tool', {
      jsonrpc: '2.0',
      id: 5,
      method: 'tools/call',
      params: { name: 'noSuchTool', arguments: {} },
    }),
  ];
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method) || operation.operationId === undefined) continue;
      const media = operation.requestBody?.content?.['application/json'];
      const query = Object.fromEntries(
        (operation.parameters ?? []).flatMap((p) => {
          const example = exampleOf(p);
          return p.in !== 'header' && example !== undefined && !FORM_PARAMETERS.includes(p.name)
            ? [[p.name, example]]
            : [];
        }),
      );
      const args = media === undefined ? query : mediaExample(media);
      const name = operation.operationId;
      probes.push(
        message(`tools/call ${name}`, {
          jsonrpc: '2.0',
          id: 6,
          method: 'tools/call',
          params: { name, arguments: args },
        }),
        message(`tools/call ${name} without arguments`, {
          jsonrpc: '2.0',
          id: 7,
          method: 'tools/call',
          params: { name, arguments: {} },
        }),
      );
    }
  }
  return probes;
}

/** The documented operations, as `GET /v1/minerals/{id}`. */
function operations(): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** The whole set, in a fixed order. */
function probes(): Probe[] {
  const all: Probe[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const name = `${method.toUpperCase()} ${path}`;
      all.push(
        ...probesOf(path, method, operation).map((probe) => ({ ...probe, operation: name })),
      );
    }
    const origin = { origin: 'https://sheet.example' };
    all.push(
      { name: `DELETE ${path} (405)`, method: 'DELETE', path },
      {
        name: `OPTIONS ${path} (CORS preflight)`,
        method: 'OPTIONS',
        path,
        headers: { ...origin, 'access-control-request-method': 'POST' },
      },
    );
  }
  const mcp = Object.entries(document.paths).find(([, item]) =>
    Object.values(item).some((operation) => {
      const media = operation.requestBody?.content?.['application/json'];
      const body = media === undefined ? undefined : mediaExample(media);
      return typeof body === 'object' && body !== null && 'jsonrpc' in body;
    }),
  );
  if (mcp !== undefined) all.push(...mcpProbes(mcp[0]));
  all.push(
    { name: 'GET /openapi.json', method: 'GET', path: '/openapi.json' },
    { name: 'GET /not-a-route (404)', method: 'GET', path: '/not-a-route' },
    { name: 'GET /v1/not-a-route (404)', method: 'GET', path: '/v1/not-a-route' },
  );
  return all;
}

interface Answer {
  readonly status: number;
  readonly etag: string | null;
  /** Cache-Control's max-age: the seconds to the day's end, so a second later may differ. */
  readonly maxAge: number | undefined;
  /** The status and the headers but the volatile ones. */
  readonly head: string;
  readonly body: string;
}

/** A request id (a random UUID): the answer's own, or an MCP tool call's inner request's. */
const REQUEST_ID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;

/** An answer with what differs between any two answers taken out: request ids, the date. */
async function normalised(response: Response): Promise<Answer> {
  const head = [...response.headers]
    .filter(([name]) => !VOLATILE_HEADERS.has(name))
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  const body = await response.text();
  const maxAge = /max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1];
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    maxAge: maxAge === undefined ? undefined : Number(maxAge),
    head: `${response.status}\n${head.replace(/(cache-control: .*max-age=)\d+/, '$1<seconds>')}`,
    body: body.replace(REQUEST_ID, '<request id>'),
  };
}

/** Where two texts first differ, with some of each around it; undefined when they are equal. */
function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, at - 60), at + 100));
  return `first difference at character ${at}:\n  with docs:    ${around(a)}\n  without docs: ${around(b)}`;
}

test('the difference report names where two answers first differ', () => {
  assert.equal(firstDifference('{"a":"1"}', '{"a":"1"}'), undefined);
  assert.match(
    firstDifference('{"a":"1","b":"2"}', '{"a":"1","b":"3"}') ?? '',
    /at character 14:\n {2}with docs: {4}"\{\\"a\\":\\"1\\",\\"b\\":\\"2\\"\}"\n {2}without docs: "\{\\"a\\":\\"1\\",\\"b\\":\\"3\\"\}"/,
  );
});

test('the Worker bundle without the documentation is smaller than the one with it', () => {
  // Otherwise the comparison below would compare a bundle with itself.
  assert.ok((sizes.stripped ?? 0) < (sizes.kept ?? 0), JSON.stringify(sizes));
});

test('the Worker answers every request alike with and without the documentation text', async () => {
  const set = probes();
  const differences: string[] = [];
  const serverErrors: string[] = [];
  const statusesOf = new Map<string, Set<number>>();
  const tally = new Map<number, number>();
  const answers = async (probe: Probe) => {
    const request = () =>
      new Request(`https://floorline.test${probe.path}`, {
        method: probe.method,
        headers: probe.headers,
        body: probe.body,
      });
    const withDocs = await normalised(await kept.fetch(request(), env, ctx));
    const withoutDocs = await normalised(await stripped.fetch(request(), env, ctx));
    const difference =
      firstDifference(withDocs.head, withoutDocs.head) ??
      firstDifference(withDocs.body, withoutDocs.body) ??
      (Math.abs((withDocs.maxAge ?? 0) - (withoutDocs.maxAge ?? 0)) > 2
        ? `max-age ${withDocs.maxAge} with docs, ${withoutDocs.maxAge} without`
        : undefined);
    return { withDocs, withoutDocs, difference };
  };
  const compare = async (probe: Probe) => {
    let answered = await answers(probe);
    // The day's end between the two answers changes the default date, the ETag and max-age:
    // a difference must still be there when asked again. The documentation cannot come and go.
    if (answered.difference !== undefined) answered = await answers(probe);
    const { withDocs, withoutDocs, difference } = answered;
    if (withoutDocs.status >= 500) serverErrors.push(`${probe.name}: ${withoutDocs.status}`);
    tally.set(withoutDocs.status, (tally.get(withoutDocs.status) ?? 0) + 1);
    if (probe.operation !== undefined) {
      const statuses = statusesOf.get(probe.operation) ?? new Set();
      statusesOf.set(probe.operation, statuses.add(withoutDocs.status));
    }
    if (difference !== undefined) {
      const sent = probe.body === undefined ? '' : `\n  body sent: ${probe.body.slice(0, 300)}`;
      differences.push(`${probe.name}${sent}\n${difference}`);
    }
    return withDocs;
  };
  let revalidated = 0;
  for (const probe of set) {
    const { etag } = await compare(probe);
    if (probe.revalidate !== true || etag === null) continue;
    revalidated++;
    await compare({
      ...probe,
      name: `${probe.name} (revalidated)`,
      headers: { ...probe.headers, 'if-none-match': etag },
    });
  }
  const documented = operations();
  console.log(
    `${set.length + revalidated} requests (${revalidated} revalidations), ${documented.length} operations, answers by status ${JSON.stringify(Object.fromEntries([...tally].sort(([x], [y]) => x - y)))}, bundles ${JSON.stringify(sizes)}`,
  );
  if (differences.length > 0) {
    assert.fail(
      `${differences.length} of ${set.length + revalidated} answers differ with and without the documentation text (scripts/worker-docs.ts left out something the Worker reads); the first ones:\n\n${differences.slice(0, 5).join('\n\n')}`,
    );
  }
  assert.deepEqual(serverErrors, [], 'no request may get a 5xx');
  // Every operation answered at least one request with a success, so the set reaches its code.
  const unanswered = documented.filter(
    (operation) => ![...(statusesOf.get(operation) ?? [])].some((status) => status < 300),
  );
  assert.deepEqual(unanswered, [], 'operations no request of the set reached with a success');
});
