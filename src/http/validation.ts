import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { AppEnv } from './env';
import { type FieldProblem, Problem, queryProblem, validationProblem } from './problem';

/** JSON Pointer (RFC 6901) for a path into a request. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The query parameter a pointer into the query starts at, its RFC 6901 escapes undone. */
function parameterOf(pointer: string): string {
  const token = pointer.split('/')[1];
  return token === undefined ? pointer : token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * Whether the request leaves out what `path` names. zod does not report the input it checked, so
 * the request itself says whether a field is missing ("is required") or present but wrong (a
 * number where an object belongs; a missing decimal, whose union issue says only what it must be).
 */
function leftOut(input: unknown, path: readonly PropertyKey[]): boolean {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}

/** One field problem per zod issue of `input`; unknown keys get one each, at the key itself. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
): FieldProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: toPointer([...issue.path, key]),
        detail: 'is not a field of this request',
      }));
    }
    // A bad record key (an fx currency) says what a key must be, not "Invalid key in record".
    const detail =
      issue.path.length > 0 && leftOut(input, issue.path)
        ? 'is required'
        : issue.code === 'invalid_key'
          ? (issue.issues[0]?.message ?? issue.message)
          : issue.message;
    return [{ pointer: toPointer(issue.path), detail }];
  });
}

/**
 * The app's one validation hook: a JSON body or query value that breaks its schema is a 422 naming
 * every field (query values by `parameter`); a repeated query parameter is a 400 (the query cannot
 * be read as one request); a path that does not fit is a 404.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  if (result.target === 'query') {
    const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1);
    if (repeated.length > 0) {
      throw queryProblem(
        repeated.map(([name]) => ({
          pointer: toPointer([name]),
          parameter: name,
          detail: 'is given more than once',
        })),
      );
    }
  }
  // @hono/zod-validator hands the hook the input it checked as `data`, though its type omits it.
  const problems = issuesToProblems(
    result.error.issues,
    'data' in result ? result.data : undefined,
  );
  switch (result.target) {
    case 'json':
      throw validationProblem(problems);
    case 'param':
      throw new Problem(404, 'No such resource.');
    default:
      throw validationProblem(problems.map((p) => ({ ...p, parameter: parameterOf(p.pointer) })));
  }
};
