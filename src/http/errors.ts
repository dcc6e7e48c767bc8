import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { Problem, problemResponse } from './problem';

function requestIdOf(c: Context): string | undefined {
  return c.get('requestId' as never) as string | undefined;
}

/**
 * Every error becomes problem+json. Hono's own HTTP exceptions (malformed JSON is a 400 from its
 * validator) keep their status; anything unexpected is a 500 that names the request id and never
 * the stack.
 */
export const handleError: ErrorHandler = (error, c) => {
  if (error instanceof Problem) return problemResponse(error, requestIdOf(c));
  if (error instanceof HTTPException && error.status < 500) {
    const detail =
      error.status === 400 && /json/i.test(error.message)
        ? 'The request body is not valid JSON.'
        : error.message || 'The request was not understood.';
    return problemResponse(new Problem(error.status, detail), requestIdOf(c));
  }
  console.error(`request ${requestIdOf(c) ?? '-'} failed:`, error);
  return problemResponse(
    new Problem(500, 'Something went wrong on our side; quote the request id when reporting it.'),
    requestIdOf(c),
  );
};

/** Path patterns of the app's routes, for telling a 405 from a 404. */
export type RouteTable = readonly { method: string; pattern: RegExp }[];

/**
 * Each route's path as the router matches it: exactly, so "/v1/minerals/" (which the router does
 * not serve) is not taken for "/v1/minerals".
 */
export function routeTable(routes: readonly { method: string; path: string }[]): RouteTable {
  return routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({
      method: r.method,
      pattern: new RegExp(
        `^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`,
      ),
    }));
}

/**
 * 405 with `Allow` when the path exists under other methods, 404 otherwise; a 404 for a path with
 * a trailing slash names the path without it when that one exists.
 */
export function notFoundOrMethodNotAllowed(table: () => RouteTable): NotFoundHandler {
  const methodsFor = (path: string) => [
    ...new Set(
      table()
        .filter((r) => r.pattern.test(path))
        .map((r) => r.method),
    ),
  ];
  return (c) => {
    const path = c.req.path;
    const allowed = methodsFor(path);
    // A route that allows this very method did not fail to match on the method: not a 405.
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      return problemResponse(
        new Problem(
          405,
          `${c.req.method} is not allowed on ${path}; use ${allowed.join(', ')}.`,
          [],
          {
            allow: allowed.join(', '),
          },
        ),
        requestIdOf(c),
      );
    }
    const canonical = path.replace(/\/+$/, '');
    const hint =
      canonical !== '' && canonical !== path && methodsFor(canonical).length > 0
        ? `did you mean ${canonical}? `
        : '';
    return problemResponse(
      new Problem(404, `There is no ${path}; ${hint}see /docs for the operations.`),
      requestIdOf(c),
    );
  };
}
