import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { Problem } from '../problem';
import { presentedKey } from './api-keys';

/** The period of the `[[ratelimits]]` binding in wrangler.toml, in seconds. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

/**
 * Rate limiting with the Workers Rate Limiting binding, keyed on the API key when one is sent and
 * on the client address otherwise; 429 problem+json with Retry-After. A no-op where the binding is
 * absent (tests, and `wrangler dev --env bench`).
 */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const limiter = c.env?.RATE_LIMITER;
  if (limiter === undefined) return next();
  const apiKey = presentedKey(c.req.header('authorization'), c.req.query('key'));
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
