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
 * (tests, and `wrangler dev --env bench`).
 */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const limiter = c.env?.RATE_LIMITER;
  if (limiter === undefined) return next();
  const presented = presentedKey(c.req.header('authorization'), c.req.query('key'));
  const apiKey = isConfiguredKey(presented, configuredKeys(c.env?.API_KEYS))
    ? presented
    : undefined;
  const key =
    apiKey === undefined ? `ip:${c.req.header('cf-connecting-ip') ?? 'unknown'}` : `key:${apiKey}`;
  const { success } = await limiter.limit({ key });
  if (!success) {
    throw new Problem(
      429,
      `Too many requests for this ${apiKey === undefined ? 'address' : 'API key'}; try again in ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
      [],
      { 'retry-after': String(RATE_LIMIT_PERIOD_SECONDS) },
    );
  }
  return next();
});
