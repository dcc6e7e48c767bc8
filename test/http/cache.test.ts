import { describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import {
  ANSWER_CACHE,
  answerCacheKey,
  CACHE_STATUS_HEADER,
  ifNoneMatchHits,
  PINNED_MAX_AGE,
  secondsToUtcMidnight,
} from '../../src/http/middleware/cache';
import { call, postJson, problemOf } from '../helpers';

const PINNED = '/v1/floor-gap?price=10&floor=16&per=kg&asOf=2026-11-21&format=text';

describe('HTTP caching of GET answers', () => {
  it('an answer with an explicit asOf carries an ETag and is public for a day', async () => {
    const response = await call(PINNED);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(response.headers.get('cache-control')).toBe(`public, max-age=${PINNED_MAX_AGE}`);
    expect(PINNED_MAX_AGE).toBe(86_400);
  });

  it('If-None-Match with that ETag is a 304 with no body', async () => {
    const etag = (await call(PINNED)).headers.get('etag') ?? '';
    const response = await call(PINNED, { headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(etag);
    expect(await response.text()).toBe('');
    expect((await call(PINNED, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('the ETag follows the request: another value, another ETag; the order of parameters and the API key do not count', async () => {
    const etag = async (path: string) => (await call(path)).headers.get('etag');
    const base = await etag(PINNED);
    expect(await etag(PINNED.replace('price=10', 'price=11'))).not.toBe(base);
    expect(await etag(PINNED.replace('asOf=2026-11-21', 'asOf=2026-11-20'))).not.toBe(base);
    expect(
      await etag('/v1/floor-gap?format=text&asOf=2026-11-21&per=kg&floor=16&price=10&key=k1'),
    ).toBe(base);
  });

  it('an answer for today is cacheable until the next UTC midnight', async () => {
    const before = secondsToUtcMidnight(new Date());
    const response = await call('/v1/floor-gap?price=10&floor=16&per=kg&format=text');
    const maxAge = Number(
      /^public, max-age=(\d+)$/.exec(response.headers.get('cache-control') ?? '')?.[1],
    );
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(before);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(response.headers.get(CACHE_STATUS_HEADER)).toBeNull();
  });

  it('seconds to the next UTC midnight', () => {
    // 23:00 → 1 hour = 3,600 s; 00:00 → 24 hours = 86,400 s; 23:59:59.5 → rounds up to 1 s.
    expect(secondsToUtcMidnight(new Date('2026-12-01T23:00:00Z'))).toBe(3_600);
    expect(secondsToUtcMidnight(new Date('2026-12-01T00:00:00Z'))).toBe(86_400);
    expect(secondsToUtcMidnight(new Date('2026-12-01T23:59:59.500Z'))).toBe(1);
  });

  it('reference answers with asOf are cached the same way', async () => {
    const response = await call('/v1/blocs?asOf=2026-11-21');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('errors and POST answers carry no ETag', async () => {
    const bad = await call('/v1/floor-gap?price=-1&floor=16&per=kg&asOf=2026-11-21');
    expect(bad.status).toBe(422);
    expect(bad.headers.get('etag')).toBeNull();
    const post = await postJson('/v1/floor-gap', {
      price: { amount: '10', per: 'kg' },
      floor: { amount: '16', per: 'kg' },
      asOf: '2026-11-21',
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('etag')).toBeNull();
  });

  it('with API keys required the answer is private: no shared cache may hand it to another client', async () => {
    const response = await app.request(`${PINNED}&key=k1`, {}, { API_KEYS: 'k1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, max-age=86400');
  });

  it('If-None-Match lists compare weakly; * is told apart (it matches only an answer that exists)', () => {
    expect(ifNoneMatchHits('W/"a"', '"a"')).toBe('etag');
    expect(ifNoneMatchHits('"b", "a"', '"a"')).toBe('etag');
    expect(ifNoneMatchHits('*', '"a"')).toBe('any');
    expect(ifNoneMatchHits('"b", *', '"a"')).toBe('any');
    expect(ifNoneMatchHits('"b"', '"a"')).toBe(false);
    expect(ifNoneMatchHits(undefined, '"a"')).toBe(false);
  });

  // RFC 9110 §13.1.2: `*` is false only if a current representation exists, so a 304 may stand
  // only where the answer would have been a 200; a request that is a 404 or a 422 stays one.
  it('If-None-Match: * never hides an error: an unknown mineral is a 404, a bad price a 422, a lane without tariffs in text a 422', async () => {
    const star = { headers: { 'if-none-match': '*' } };
    expect((await call('/v1/minerals/nope', star)).status).toBe(404);
    const badPrice = await call('/v1/floor-gap?price=abc&floor=16&per=kg&asOf=2026-06-01', star);
    expect((await problemOf(badPrice, 422)).errors?.[0]?.pointer).toBe('/price/amount');
    const noTariff = await call(
      '/v1/landed-cost?mineral=nd-oxide&origin=CN&destination=JP&quantity=1&unit=kg&price=1&per=kg&asOf=2026-03-01&format=text',
      star,
    );
    expect(((await problemOf(noTariff, 422)) as { code?: string }).code).toBe('no-tariff-data');
  });

  it('If-None-Match: * on an answer that is a 200 is a 304 with its ETag and no body', async () => {
    const etag = (await call(PINNED)).headers.get('etag');
    const response = await call(PINNED, { headers: { 'if-none-match': '*' } });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(etag);
    expect(await response.text()).toBe('');
    const today = await call('/v1/minerals/nd-oxide', { headers: { 'if-none-match': '*' } });
    expect(today.status).toBe(304);
  });
});

describe('the Workers Cache API keeps answers pinned to a date', () => {
  const path = '/v1/floor-gap?price=10&floor=16&per=kg&asOf=2026-11-19&format=csv';

  it('a second identical call is answered from the cache', async () => {
    const first = await call(path);
    expect(first.headers.get(CACHE_STATUS_HEADER)).toBe('miss');
    const second = await call(path);
    expect(second.headers.get(CACHE_STATUS_HEADER)).toBe('hit');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toBe(await first.text());
  });

  it('does not recompute: what the cache holds under the ETag is what the call answers', async () => {
    const sentinelPath = path.replace('price=10', 'price=12');
    const etag = (await call(sentinelPath)).headers.get('etag') ?? '';
    // Replace the stored answer with one no calculator could give; the next call must return it.
    const cache = await caches.open(ANSWER_CACHE);
    await cache.put(
      answerCacheKey(etag),
      new Response('stored, not computed', {
        headers: { etag, 'cache-control': 'public, max-age=86400' },
      }),
    );
    const again = await call(sentinelPath);
    expect(again.headers.get(CACHE_STATUS_HEADER)).toBe('hit');
    expect(await again.text()).toBe('stored, not computed');
  });
});
