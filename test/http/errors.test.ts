import { describe, expect, it } from 'vitest';
import { MAX_CSV_BODY_BYTES, MAX_JSON_BODY_BYTES } from '../../src/app';
import { call, postJson, problemOf } from '../helpers';

describe('every failure is RFC 9457 problem+json', () => {
  it('malformed JSON → 400', async () => {
    const problem = await problemOf(await postJson('/v1/floor-gap', '{"price": {'), 400);
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
    expect(problem.detail).toBe('The request body is not valid JSON.');
    // Cut off after a number that sends the body through the exact reading (exact-json.ts): the same 400.
    for (const text of [
      '{"price": {"amount": 1e1',
      '{"price": {"amount": 12345678901234567890,}}',
    ]) {
      const cut = await problemOf(await postJson('/v1/floor-gap', text), 400);
      expect(cut.detail, text).toBe('The request body is not valid JSON.');
    }
  });

  it('a body that is not JSON at all → 415 with Accept-Post', async () => {
    const response = await call('/v1/floor-gap', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'price=10',
    });
    await problemOf(response.clone(), 415);
    expect(response.headers.get('accept-post')).toBe('application/json');
  });

  it('a compressed body (Content-Encoding) → 415 with Accept-Encoding: identity, never inflated (RFC 9110 §15.5.16)', async () => {
    const json = '{"price":{"amount":"10","per":"kg"},"floor":{"amount":"16","per":"kg"}}';
    const gzipped = await new Response(
      new Blob([json]).stream().pipeThrough(new CompressionStream('gzip')),
    ).arrayBuffer();
    for (const [path, encoding, type] of [
      ['/v1/floor-gap', 'gzip', 'application/json'],
      ['/v1/floor-gap', 'GZIP', 'application/json'],
      ['/v1/floor-gap', 'br', 'application/json'],
      ['/v1/floor-gap', 'gzip, identity', 'application/json'],
      ['/v1/landed-cost/batch', 'gzip', 'text/csv'],
    ] as const) {
      const response = await call(path, {
        method: 'POST',
        headers: { 'content-type': type, 'content-encoding': encoding },
        body: gzipped,
      });
      expect(response.status, `${path} ${encoding}`).toBe(415);
      expect(response.headers.get('accept-encoding')).toBe('identity');
      const problem = await problemOf(response, 415);
      expect(problem.detail).toContain('Content-Encoding');
    }
    const identity = await call('/v1/floor-gap', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'identity' },
      body: json,
    });
    expect(identity.status).toBe(200);
  });

  it('no Content-Type → 415', async () => {
    await problemOf(await call('/v1/floor-gap', { method: 'POST', body: '{}' }), 415);
  });

  it('a JSON body that is not an object → 422 at the root', async () => {
    const problem = await problemOf(await postJson('/v1/floor-gap', '[1,2]'), 422);
    expect(problem.errors?.[0]?.pointer).toBe('');
  });

  it('a query parameter named like an Object method (constructor, toString) → 400 naming it', async () => {
    for (const name of ['constructor', 'toString']) {
      const problem = await problemOf(
        await call(`/v1/floor-gap?price=10&floor=16&per=kg&${name}=1`),
        400,
      );
      expect(problem.errors?.map((e) => e.parameter)).toEqual([name]);
    }
  });

  it('a parameter name is escaped in its JSON Pointer (RFC 6901: "~" is "~0", "/" is "~1")', async () => {
    const unknown = await problemOf(
      await call('/v1/floor-gap?price=10&floor=16&per=kg&a~b=1&c%2Fd=2'),
      400,
    );
    expect(unknown.errors?.map((e) => [e.parameter, e.pointer])).toEqual([
      ['a~b', '/a~0b'],
      ['c/d', '/c~1d'],
    ]);
    const repeated = await problemOf(
      await call('/v1/measures?asOf=2026-01-01&asOf=2026-01-02'),
      400,
    );
    expect(repeated.errors?.map((e) => [e.parameter, e.pointer])).toEqual([['asOf', '/asOf']]);
  });

  it('an unknown route → 404', async () => {
    const problem = await problemOf(await call('/v1/floor-gaps'), 404);
    expect(problem.detail).toContain('/v1/floor-gaps');
  });

  it('a known route with the wrong method → 405 with Allow', async () => {
    const response = await call('/v1/minerals', { method: 'DELETE' });
    await problemOf(response.clone(), 405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('a trailing slash or an empty segment is a 404 pointing at the canonical path, never a 405 that allows the method it refuses', async () => {
    for (const [path, canonical] of [
      ['/v1/minerals/', '/v1/minerals'],
      ['/health/', '/health'],
      ['/v1/minerals/nd-oxide/', '/v1/minerals/nd-oxide'],
      ['/v1//minerals', undefined],
      ['//', undefined],
    ] as const) {
      const response = await call(path);
      expect(response.status, path).toBe(404);
      const problem = await problemOf(response, 404);
      expect(problem.detail, path).toBe(
        `There is no ${path}; ${canonical === undefined ? '' : `did you mean ${canonical}? `}see /docs for the operations.`,
      );
    }
    const post = await call('/v1/floor-gap/', { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('a body over the limit → 413', async () => {
    const padding = 'x'.repeat(MAX_JSON_BODY_BYTES + 1);
    const problem = await problemOf(await postJson('/v1/floor-gap', `{"pad":"${padding}"}`), 413);
    expect(problem.title).toBe('Content Too Large');
  });

  it('a CSV batch over the CSV limit → 413, however the media type is spelt (types compare case-insensitively)', async () => {
    const body = `entryId\r\n${'x'.repeat(MAX_CSV_BODY_BYTES)}\r\n`;
    for (const type of [
      'text/csv',
      'TEXT/CSV',
      'Text/CSV; charset=utf-8',
      ' text/csv ;charset=UTF-8',
    ]) {
      const response = await call('/v1/landed-cost/batch', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(response.status, type).toBe(413);
      const problem = await problemOf(response, 413);
      expect(problem.detail).toBe(`The body is larger than ${MAX_CSV_BODY_BYTES} bytes.`);
    }
  });

  it('every problem carries the request id that the X-Request-Id header carries', async () => {
    const response = await call('/nowhere');
    const problem = await problemOf(response.clone(), 404);
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
  });
});
