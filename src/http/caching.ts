import type { OpenAPIHono } from '@hono/zod-openapi';
import { type CACHED_PREFIX, PINNED_MAX_AGE } from './middleware/cache';

/**
 * How the OpenAPI document describes HTTP caching, which the httpCache middleware applies to
 * every GET under {@link CACHED_PREFIX}: the 200's `ETag`, `Cache-Control` and `Vary` headers and
 * the 304 an `If-None-Match` gets. Every cached GET route spreads {@link cachedResponses} into its
 * `responses`, so the document says it where the route is declared; the headers and the 304 are
 * components, described once ({@link registerCachingComponents}).
 */

/** A response header as the document describes it: its description is documentation only. */
interface HeaderDoc {
  readonly description: string;
  readonly schema: { readonly type: 'string'; readonly example: string };
}

const HEADERS: Readonly<Record<'ETag' | 'Cache-Control' | 'Vary', HeaderDoc>> = {
  ETag: {
    description:
      'Names this answer: a hash of the data version, the deployed version and the request ' +
      '(path, query, `Accept`; for an answer without `asOf`, also today’s UTC date). Send it back ' +
      'in `If-None-Match` to get a 304 instead of the answer while it holds.',
    schema: { type: 'string' as const, example: '"9f84a251a96d7d040452fa314d091c3d"' },
  },
  'Cache-Control': {
    description:
      `With an explicit \`asOf\`: \`public, max-age=${PINNED_MAX_AGE}\` (a day; the answer only ` +
      'changes with the data or the code, both in the ETag). Without it (today): `max-age` runs ' +
      'to the next UTC midnight, when "today" changes. `private` where the deployment requires ' +
      'API keys.',
    schema: { type: 'string' as const, example: `public, max-age=${PINNED_MAX_AGE}` },
  },
  Vary: {
    description: '`Accept` (and `Origin` for cross-origin calls): the answer depends on them.',
    schema: { type: 'string' as const, example: 'Accept' },
  },
};

const headerRefs = Object.fromEntries(
  Object.keys(HEADERS).map((name) => [name, { $ref: `#/components/headers/${name}` }]),
);

/** Registers the cache headers and the 304 answer the cached routes refer to. */
export function registerCachingComponents(registry: OpenAPIHono['openAPIRegistry']): void {
  for (const [name, header] of Object.entries(HEADERS))
    registry.registerComponent('headers', name, { ...header });
  registry.registerComponent('responses', 'NotModified', {
    description:
      'Not Modified: `If-None-Match` names this answer’s ETag (or is `*` and the answer exists). ' +
      'No body; the same ETag and Cache-Control as the 200.',
    headers: headerRefs,
  });
}

/** The 200 of a cached GET with its cache headers, and the 304 its `If-None-Match` may get. */
export function cachedResponses<Ok extends { readonly description: string }>(ok: Ok) {
  return {
    200: { ...ok, headers: headerRefs },
    304: { $ref: '#/components/responses/NotModified' },
  };
}
