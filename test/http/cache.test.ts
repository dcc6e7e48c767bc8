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
import { call, postJson } from '../helpers';

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

  it('If-None-Match lists compare weakly; * matches anything', () => {
    expect(ifNoneMatchHits('W/"a"', '"a"')).toBe(true);
    expect(ifNoneMatchHits('"b", "a"', '"a"')).toBe(true);
    expect(ifNoneMatchHits('*', '"a"')).toBe(true);
    expect(ifNoneMatchHits('"b"', '"a"')).toBe(false);
    expect(ifNoneMatchHits(undefined, '"a"')).toBe(false);
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
