import { createMiddleware } from 'hono/factory';
import { Problem } from './problem';

/**
 * The media type (without parameters) of a Content-Type header, lower case: media types compare
 * case-insensitively (RFC 9110 §8.3.1), so TEXT/CSV is text/csv.
 */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** One media range of an Accept header: its type and subtype, weight and how specific it is. */
interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  /** `*\/*` 0, `type/*` 1, `type/subtype` 2, with parameters besides q 3 (RFC 9110 §12.5.1). */
  readonly specificity: number;
}

/** A weight (RFC 9110 §12.4.2): 0 to 1 with at most three decimals; else undefined. */
function weight(text: string): number | undefined {
  return /^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$/.test(text) ? Number(text) : undefined;
}

/** The media ranges of an Accept header; a range that cannot be read is left out. */
function mediaRanges(header: string): MediaRange[] {
  return header.split(',').flatMap((text): MediaRange[] => {
    const [range = '', ...parameters] = text.split(';');
    const [type, subtype, extra] = range.trim().toLowerCase().split('/');
    if (type === undefined || type === '' || subtype === undefined || subtype === '') return [];
    if (extra !== undefined || (type === '*' && subtype !== '*')) return [];
    let q = 1;
    let others = false;
    for (const parameter of parameters) {
      const eq = parameter.indexOf('=');
      const name = parameter
        .slice(0, eq === -1 ? undefined : eq)
        .trim()
        .toLowerCase();
      if (name === '') continue;
      if (name !== 'q') {
        others = true;
        continue;
      }
      const value = weight(parameter.slice(eq + 1).trim());
      if (eq === -1 || value === undefined) return [];
      q = value;
    }
    const specificity = type === '*' ? 0 : subtype === '*' ? 1 : others ? 3 : 2;
    return [{ type, subtype, q, specificity }];
  });
}

/**
 * The weight of `offer` (a media type, e.g. `text/csv`) under `ranges`: that of the most specific
 * range matching it (RFC 9110 §12.5.1: `text/csv` over `text/*` over `*\/*`); 0 when none does.
 * Parameters other than q do not restrict the match (`text/csv; charset=utf-8` is text/csv).
 */
function weightOf(
  ranges: readonly MediaRange[],
  offer: string,
): { q: number; specificity: number } {
  const [type, subtype] = offer.split('/');
  let best: MediaRange | undefined;
  for (const range of ranges) {
    const matches =
      range.type === '*' ||
      (range.type === type && (range.subtype === '*' || range.subtype === subtype));
    if (matches && (best === undefined || range.specificity > best.specificity)) best = range;
  }
  return best === undefined ? { q: 0, specificity: -1 } : best;
}

/**
 * The one of `offers` (media types without parameters, the default first) an Accept header
 * prefers, by RFC 9110 §12.5.1 content negotiation: each offer weighs what the most specific range
 * matching it gives (q = 0: not acceptable); the highest weight wins; on a tie, the offer matched
 * by the more specific range, then the earlier offer (the default). No Accept, `*\/*`, or an
 * Accept that takes none of them answer the default: the API answers it rather than a 406.
 */
export function preferredMediaType(header: string | undefined, offers: readonly string[]): string {
  const fallback = offers[0] ?? '';
  if (header === undefined || header.trim() === '') return fallback;
  const ranges = mediaRanges(header);
  let chosen = fallback;
  let best = { q: 0, specificity: -1 };
  for (const offer of offers) {
    const w = weightOf(ranges, offer);
    if (w.q > best.q || (w.q === best.q && w.q > 0 && w.specificity > best.specificity)) {
      chosen = offer;
      best = w;
    }
  }
  return chosen;
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
