import { zodToOpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { app } from '../../src/app';
import { CACHED_PREFIX } from '../../src/http/middleware/cache';
import {
  type Media,
  type OpenApiDocument,
  type Operation,
  schemaValidator,
  servedDocument,
} from '../openapi-schemas';

/**
 * The served document describes what the API really takes and answers: every documented example
 * fits its schema, and every operation called with its documented example answers a body that
 * fits the documented response schema.
 */

const doc: OpenApiDocument = await servedDocument();
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method, op })),
);

/** A media type's examples: its own, or else the example of the component its schema names. */
function examplesOf(media: Media): unknown[] {
  const own = [
    ...(media.example === undefined ? [] : [media.example]),
    ...Object.values(media.examples ?? {}).map((e) => e.value),
  ];
  if (own.length > 0) return own;
  const ref = (media.schema as { $ref?: string } | undefined)?.$ref;
  const named = ref?.startsWith('#/components/schemas/')
    ? doc.components.schemas[ref.slice('#/components/schemas/'.length)]?.example
    : (media.schema as { example?: unknown } | undefined)?.example;
  return named === undefined ? [] : [named];
}

function expectValid(schema: unknown, value: unknown, what: string): void {
  const result = schemaValidator(doc, schema).validate(value);
  expect(result.valid, `${what}: ${JSON.stringify(result.errors.slice(0, 4))}`).toBe(true);
}

/** The request an operation documents: path and query parameter examples, the body example. */
function documentedRequest(path: string, method: string, op: Operation): Request {
  const query = new URLSearchParams();
  let url = path;
  for (const p of op.parameters ?? []) {
    const example = p.example ?? p.schema?.example;
    // The JSON answer is the one with a schema to check: no format/field for the text forms.
    if (example === undefined || p.name === 'format' || p.name === 'field') continue;
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(example)));
    if (p.in === 'query') query.set(p.name, String(example));
  }
  const body = op.requestBody?.content['application/json'];
  const example = body === undefined ? undefined : examplesOf(body)[0];
  const search = query.size > 0 ? `?${query}` : '';
  return new Request(`http://floorline.test${url}${search}`, {
    method: method.toUpperCase(),
    headers: {
      accept: 'application/json, text/event-stream',
      ...(example === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(example === undefined ? {} : { body: JSON.stringify(example) }),
  });
}

describe('the served OpenAPI document', () => {
  it('names each component schema once (two schemas under one name send refs to the wrong one)', () => {
    // Every schema given a component name (`.openapi('Name')`), by name; copies made by
    // `.openapi({...})`, `.optional()` and the like share the named schema's definition.
    const registry = zodToOpenAPIRegistry as unknown as {
      _map: Map<z.ZodType, { _internal?: { refId?: string } } | undefined>;
    };
    const wrappers = ['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional'];
    const unwrap = (schema: z.ZodType): z.ZodType => {
      const def = schema._zod.def as { type: string; innerType?: z.ZodType };
      return wrappers.includes(def.type) && def.innerType ? unwrap(def.innerType) : schema;
    };
    const definitions = new Map<string, Set<unknown>>();
    for (const [schema, meta] of registry._map) {
      const name = meta?._internal?.refId;
      if (name === undefined) continue;
      definitions.set(name, (definitions.get(name) ?? new Set()).add(unwrap(schema)._zod.def));
    }
    expect(definitions.size).toBeGreaterThan(0);
    const shared = [...definitions].filter(([, defs]) => defs.size > 1).map(([name]) => name);
    expect(shared).toEqual([]);
  });

  for (const { path, method, op } of operations) {
    const name = `${method.toUpperCase()} ${path}`;

    it(`${name}: its documented request and response examples fit their schemas`, () => {
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        if (!type.endsWith('json')) continue;
        for (const example of examplesOf(media))
          expectValid(media.schema, example, `${type} request`);
      }
      for (const [status, response] of Object.entries(op.responses)) {
        const media = response.content?.['application/json'];
        if (media === undefined) continue;
        for (const example of examplesOf(media))
          expectValid(media.schema, example, `${status} example`);
      }
    });

    const answer = op.responses['200']?.content?.['application/json'];
    if (answer === undefined) continue;
    it(`${name}: called with its documented example, it answers 200 with a body that fits the documented schema`, async () => {
      const response = await app.request(documentedRequest(path, method, op));
      const text = await response.text();
      expect(response.status, text.slice(0, 500)).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expectValid(answer.schema, JSON.parse(text), 'the answer');
    });

    if (method !== 'get') continue;
    it(`${name}: documents the caching it does: ETag and Cache-Control on the 200, a 304 for If-None-Match`, async () => {
      const cached = path.startsWith(CACHED_PREFIX);
      const headers = Object.keys(op.responses['200']?.headers ?? {});
      expect(headers.includes('ETag') && headers.includes('Cache-Control')).toBe(cached);
      expect(op.responses['304'] !== undefined).toBe(cached);
      const response = await app.request(documentedRequest(path, method, op));
      expect(response.status).toBe(200);
      const etag = response.headers.get('etag');
      expect(etag !== null && response.headers.has('cache-control')).toBe(cached);
      if (etag === null) return;
      const again = documentedRequest(path, method, op);
      again.headers.set('if-none-match', etag);
      const revalidated = await app.request(again);
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get('etag')).toBe(etag);
    });
  }

  it('the example of each row served by id (Mineral, Benchmark) is that row as the API serves it', async () => {
    const checked: string[] = [];
    for (const { path, method, op } of operations) {
      if (method !== 'get' || !/\{[a-z]+\}$/.test(path)) continue;
      const schema = op.responses['200']?.content?.['application/json']?.schema as
        | { $ref?: string }
        | undefined;
      const name = schema?.$ref?.slice('#/components/schemas/'.length);
      const example = name === undefined ? undefined : doc.components.schemas[name]?.example;
      const id = (example as { id?: unknown } | undefined)?.id;
      if (name === undefined || typeof id !== 'string') continue;
      const response = await app.request(path.replace(/\{[a-z]+\}$/, encodeURIComponent(id)));
      expect(response.status, path).toBe(200);
      expect(await response.json(), name).toEqual(example);
      checked.push(name);
    }
    expect(checked.sort()).toEqual(['Benchmark', 'Mineral']);
  });

  it('the cache headers and the 304 are described once, as components the routes refer to', () => {
    expect(Object.keys(doc.components.headers ?? {}).sort()).toEqual([
      'Cache-Control',
      'ETag',
      'Vary',
    ]);
    expect(doc.components.responses?.NotModified?.headers).toBeDefined();
    // Each cached GET (the calculators' query forms, the SVG and the reference data) points to
    // them, those without a JSON answer to call (the SVG) included.
    const cachedGets = operations.filter(
      (o) => o.method === 'get' && o.path.startsWith(CACHED_PREFIX),
    );
    expect(cachedGets.length).toBeGreaterThan(0);
    for (const { path, op } of cachedGets)
      expect(op.responses['304'], path).toEqual({ $ref: '#/components/responses/NotModified' });
  });
});
