import type { Hook } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { z } from 'zod';
import { type FieldProblem, Problem, queryProblem, validationProblem } from './problem';

/** JSON Pointer (RFC 6901) for a path into a request. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** One field problem per zod issue; unknown keys get one each, at the key itself. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: toPointer([...issue.path, key]),
        detail: 'is not a field of this request',
      }));
    }
    const detail =
      issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return [{ pointer: toPointer(issue.path), detail }];
  });
}

/**
 * The app's one validation hook: a JSON body that breaks its schema is a 422, a query string or
 * path that does, a 400 / 404, each as problem+json naming every field.
 */
export const validationHook: Hook<unknown, Env, string, unknown> = (result) => {
  if (result.success) return;
  const problems = issuesToProblems(result.error.issues);
  switch (result.target) {
    case 'json':
      throw validationProblem(problems);
    case 'param':
      throw new Problem(404, 'No such resource.');
    default:
      throw queryProblem(
        problems.map((p) => ({ ...p, parameter: p.pointer.split('/')[1] ?? p.pointer })),
      );
  }
};
