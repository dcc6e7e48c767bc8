import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { Problem } from '../problem';
import { configuredKeys, isConfiguredKey, presentedKey } from './api-keys';

/** The period of the `[[ratelimits]]` binding in wrangler.toml, in seconds. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

/**
 * Rate limiting with the Workers Rate Limiting binding; 429 problem+json with Retry-After. It runs
 * before the key check, so failed authentication spends the client address's bucket (guessing
 * keys is throttled), and a key has a bucket of its own only when it is a configured key (a
 * made-up bearer or `?key=` must not buy a fresh bucket). A no-op where the binding is absent
 * (tests, and `wrangler dev --env bench`), and open where it fails.
 */
/**
 * Whether the binding lets the request through. A binding that fails (Miniflare's store busy, an
 * outage) lets it through: the limit guards the service, and a hiccup of it must not fail every
 * call with a 500.
 */
async function allowed(limiter: NonNullable<AppEnv['Bindings']['RATE_LIMITER']>, key: string) {
  try {
    return (await limiter.limit({ key })).success;
  } catch {
    return true;
  }
}

export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const limiter = c.env?.RATE_LIMITER;
  if (limiter === undefined) return next();
  const presented = presentedKey(c.req.header('authorization'), c.req.query('key'));
  const apiKey = isConfiguredKey(presented, configuredKeys(c.env?.API_KEYS))
    ? presented
    : undefined;
  const key =
    apiKey === undefined ? `ip:${c.req.header('cf-connecting-ip') ?? 'unknown'}` : `key:${apiKey}`;
  if (!(await allowed(limiter, key))) {
    throw new Problem(
      429,
      `Too many requests for this ${apiKey === undefined ? 'address' : 'API key'}; try again in ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
      [],
      { 'retry-after': String(RATE_LIMIT_PERIOD_SECONDS) },
    );
  }
  return next();
});
