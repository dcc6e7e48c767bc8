import { createMiddleware } from 'hono/factory';
import { Problem } from './problem';

/**
 * The media type (without parameters) of a Content-Type header, lower case: media types compare
 * case-insensitively (RFC 9110 §8.3.1), so TEXT/CSV is text/csv.
 */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** True when an Accept header lists `type`, compared case-insensitively (q-values aside). */
export function acceptsMediaType(header: string | undefined, type: string): boolean {
  return (header ?? '').split(',').some((range) => mediaType(range) === type);
}

/** A 415 unless the body is one of `accepted` (JSON may also be `application/*+json`). */
export function requireMediaType(...accepted: string[]) {
  return createMiddleware(async (c, next) => {
    const type = mediaType(c.req.header('content-type'));
    const ok = accepted.some(
      (a) =>
        a === type || (a === 'application/json' && /^application\/[a-z0-9.+-]*\+json$/.test(type)),
    );
    if (!ok) {
      throw new Problem(
        415,
        `This operation accepts ${accepted.join(' or ')} bodies; the request's Content-Type is ${type === '' ? 'missing' : `"${type}"`}.`,
        [],
        { 'accept-post': accepted.join(', ') },
      );
    }
    await next();
  });
}

export const requireJson = requireMediaType('application/json');

/**
 * RFC 9110 §15.5.16: a body in a content coding the API does not take is a 415 whose
 * Accept-Encoding names the one it does take, identity. Bodies are never inflated: a few KiB of
 * gzip can inflate past every body limit.
 */
export const refuseContentCoding = createMiddleware(async (c, next) => {
  const codings = (c.req.header('content-encoding') ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > 0 && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    throw new Problem(
      415,
      `Request bodies are taken uncompressed; the request's Content-Encoding is "${codings.join(', ')}". Send the body without Content-Encoding.`,
      [],
      { 'accept-encoding': 'identity' },
    );
  }
  await next();
});
