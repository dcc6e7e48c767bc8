import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { Problem } from '../problem';

/** Paths anyone may read even when keys are required: discovery, docs and health. */
const OPEN_PATHS = new Set(['/', '/health', '/docs', '/openapi.json']);

/** The key a request presents: `Authorization: Bearer <key>`, or `?key=` (spreadsheet formulas cannot set headers). */
export function presentedKey(
  authorization: string | undefined,
  query: string | undefined,
): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  return bearer ?? (query === '' ? undefined : query);
}

/** Equal strings, compared without an early exit on the first differing character. */
function sameKey(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** The keys the `API_KEYS` secret lists (comma-separated); none when it is unset. */
export function configuredKeys(secret: string | undefined): string[] {
  return (secret ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/** True when `key` is one of the configured keys. */
export function isConfiguredKey(
  key: string | undefined,
  configured: readonly string[],
): key is string {
  return key !== undefined && configured.some((k) => sameKey(k, key));
}

/**
 * Optional API keys: off unless the `API_KEYS` secret lists some; then every operation except
 * discovery needs one of them, else 401 problem+json.
 */
export const apiKeys = createMiddleware<AppEnv>(async (c, next) => {
  const configured = configuredKeys(c.env?.API_KEYS);
  if (configured.length === 0 || OPEN_PATHS.has(c.req.path) || c.req.method === 'OPTIONS')
    return next();
  const key = presentedKey(c.req.header('authorization'), c.req.query('key'));
  if (!isConfiguredKey(key, configured)) {
    throw new Problem(
      401,
      key === undefined
        ? 'This deployment needs an API key: send "Authorization: Bearer <key>" or add key=<key> to the query.'
        : 'The API key is not valid.',
      [],
      { 'www-authenticate': 'Bearer realm="floorline"' },
    );
  }
  return next();
});
