import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/**
 * HTTP caching of GET answers: every GET under /v1/ that answers 200 carries an `ETag` made
 * from the data version, the deployed version and the request, and `Cache-Control`; an
 * `If-None-Match` naming that ETag is a 304 before anything is computed (the server gave the tag
 * for a 200 of this very request, data and code), and `If-None-Match: *` is a 304 only where the
 * answer is a 200 (RFC 9110 §13.1.2: `*` matches a current representation, not an error). An answer pinned to a date (an explicit
 * `asOf`) can only change with the data or the code, both in the ETag, so it is kept for a day and
 * stored in the Workers Cache API: the same request again is answered from there without
 * recomputing. An answer for "today" (no `asOf`) is cacheable until the next UTC midnight, when
 * "today" and so the answer may change.
 */

/** The paths whose GET answers are cached: the calculators' and the reference data's. */
export const CACHED_PREFIX = '/v1/';

/** How long an answer pinned to a date stays fresh: a day; after it clients revalidate (304). */
export const PINNED_MAX_AGE = 86_400;

/** Header telling whether the Workers cache answered: `hit` or `miss` (pinned answers only). */
export const CACHE_STATUS_HEADER = 'x-floorline-cache';

/** Seconds from `now` to the next UTC midnight (at least 1). */
export function secondsToUtcMidnight(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}

/** The request as the answer depends on it: path, query without the API key (sorted), Accept. */
function requestIdentity(c: Context<AppEnv>, today: string, deployment: string): string {
  const url = new URL(c.req.url);
  const query = [...url.searchParams].filter(([name]) => name !== 'key');
  query.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    c.var.data.dataVersion,
    deployment,
    url.searchParams.has('asOf') ? null : today,
    url.pathname,
    query,
    c.req.header('accept') ?? '',
  ]);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 16)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/**
 * What `If-None-Match` matches (weak comparison, RFC 9110 §13.1.2): `etag` when it lists the ETag,
 * `any` when it is `*` (which holds only if the answer exists, known once it is made), else false.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): 'etag' | 'any' | false {
  if (header === undefined) return false;
  const tags = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (tags.includes(etag)) return 'etag';
  return tags.includes('*') ? 'any' : false;
}

/** A 304 in place of a 200: its headers and the cache headers, no body and no content type. */
function notModified(answer: Headers, headers: Readonly<Record<string, string>>): Response {
  const kept = new Headers(answer);
  kept.delete('content-type');
  kept.delete('content-length');
  withCacheHeaders(kept, headers);
  return new Response(null, { status: 304, headers: kept });
}

/** The Workers Cache API cache holding pinned answers. */
export const ANSWER_CACHE = 'floorline-answers';

/** The Workers Cache API key of an answer: one synthetic URL per ETag. */
export function answerCacheKey(etag: string): string {
  return `https://answers.floorline.invalid/${etag.replaceAll('"', '')}`;
}

/** Runs `work` after the answer is sent where the runtime allows it, else before. */
async function afterResponse(c: Context, work: Promise<unknown>): Promise<void> {
  let waitUntil: ((promise: Promise<unknown>) => void) | undefined;
  try {
    const ctx = c.executionCtx;
    waitUntil = (promise) => ctx.waitUntil(promise);
  } catch {
    // app.request() without an execution context (tests, the OpenAPI export): wait here.
  }
  if (waitUntil === undefined) await work;
  else waitUntil(work);
}

/** Sets the ETag and Cache-Control, and adds Accept to Vary (CORS may have put Origin there). */
function withCacheHeaders(target: Headers, headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) target.set(name, value);
  const vary = target.get('vary');
  if (vary === null) target.set('vary', 'Accept');
  else if (!/\baccept\b/i.test(vary)) target.set('vary', `${vary}, Accept`);
}

export const httpCache = createMiddleware<AppEnv>(async (c, next) => {
  const method = c.req.method;
  if ((method !== 'GET' && method !== 'HEAD') || !c.req.path.startsWith(CACHED_PREFIX))
    return next();
  const now = new Date();
  const pinned = (c.req.query('asOf') ?? '') !== '';
  const deployment = c.env?.CF_VERSION_METADATA?.id ?? '';
  const etag = `"${await sha256Hex(requestIdentity(c, now.toISOString().slice(0, 10), deployment))}"`;
  // With API keys required, a shared cache must not hand one client's answer to another.
  const scope = (c.env?.API_KEYS ?? '').trim() === '' ? 'public' : 'private';
  const maxAge = pinned ? PINNED_MAX_AGE : secondsToUtcMidnight(now);
  const headers = { etag, 'cache-control': `${scope}, max-age=${maxAge}` };
  const hit = ifNoneMatchHits(c.req.header('if-none-match'), etag);
  if (hit === 'etag') return c.body(null, 304, { ...headers, vary: 'Accept' });
  const cache =
    pinned && typeof caches !== 'undefined' ? await caches.open(ANSWER_CACHE) : undefined;
  const key = answerCacheKey(etag);
  if (cache !== undefined) {
    const stored = await cache.match(key);
    if (stored !== undefined) {
      if (hit === 'any') {
        const answer = notModified(stored.headers, headers);
        answer.headers.set(CACHE_STATUS_HEADER, 'hit');
        return answer;
      }
      const answer = new Response(stored.body, stored);
      withCacheHeaders(answer.headers, headers);
      answer.headers.set(CACHE_STATUS_HEADER, 'hit');
      return answer;
    }
  }
  await next();
  if (c.res.status !== 200) return;
  withCacheHeaders(c.res.headers, headers);
  const answer = c.res;
  if (cache !== undefined) {
    answer.headers.set(CACHE_STATUS_HEADER, 'miss');
    await afterResponse(c, cache.put(key, answer.clone()));
  }
  if (hit === 'any') {
    // Unset first: Hono would copy the 200's headers (its content length) onto the 304.
    c.res = undefined;
    c.res = notModified(answer.headers, headers);
  }
});
