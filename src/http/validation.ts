import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { AppEnv } from './env';
import { sentValue, type UnknownKeysIssue } from './issue-messages';
import { type FieldProblem, fieldName, Problem, queryProblem, validationProblem } from './problem';

/** JSON Pointer (RFC 6901) for a path into a request. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The field a JSON Pointer starts at, its RFC 6901 escapes undone (the pointer when it has none). */
export function firstField(pointer: string): string {
  const token = pointer.split('/')[1];
  return token === undefined ? pointer : token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The query parameter a pointer into the query starts at. */
const parameterOf = firstField;

/**
 * What a query parameter given blank (`asOf=`, `freight=`, only spaces) is told. A GET form never
 * reads a blank as the parameter left out: an empty spreadsheet cell pasted into a URL would
 * silently become today's date or no freight. (A CSV batch's blank cell is a line's field not
 * given: its columns are shared by every line.)
 */
export const BLANK_PARAMETER =
  'must not be blank: give a value, or leave the parameter out where it has a default';

/** Whether a query value is blank: empty or only whitespace. */
export function isBlank(value: string): boolean {
  return value.trim() === '';
}

/**
 * Whether the request leaves out what `path` names. zod does not report the input it checked, so
 * the request itself says whether a field is missing ("is required") or present but wrong (a
 * number where an object belongs; a missing decimal, whose union issue says only what it must be).
 */
function leftOut(input: unknown, path: readonly PropertyKey[]): boolean {
  return sentAt(input, path) === undefined;
}

/** What the request holds at `path`, if anything. */
function sentAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A schema's own wording ("must be a decimal string such as …") with the value sent, as zod's
 * issues are said (issue-messages.ts): `(got "1e3")`. Only a plain value is quoted back.
 */
function withSent(detail: string, sent: unknown): string {
  if (detail.includes('(got ')) return detail;
  if (typeof sent === 'string' && detail.includes(JSON.stringify(sent))) return detail;
  return ['string', 'number', 'boolean'].includes(typeof sent)
    ? `${detail} (got ${sentValue(sent)})`
    : detail;
}

/** Edit distance of two short names, for "did you mean": two typos apart at most counts. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** The field an unknown key was probably meant to be: the same but for case, or a typo or two. */
export function meantField(key: string, fields: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return (
    fields.find((f) => f.toLowerCase() === lower) ??
    // Only names of a plausible length are compared: a 100,000-character key costs nothing.
    fields.find((f) => key.length > 3 && key.length <= 64 && distance(lower, f.toLowerCase()) <= 2)
  );
}

/** An unknown key's problem: where it is not a field, and the field it was likely meant to be. */
function unknownKeyDetail(path: readonly PropertyKey[], key: string, fields: readonly string[]) {
  const where = path.length === 0 ? 'this request' : fieldName({ pointer: toPointer(path) });
  const meant = meantField(key, fields);
  return `is not a field of ${where}${meant === undefined ? '' : ` (did you mean "${meant}"?)`}`;
}

/**
 * The one form of a union the value was meant as: the only branch that got past the value's
 * type (its issues are all inside the value, such as `/method/type` of an object method), so its
 * problems are told rather than "is not any of the forms".
 */
function matchedBranch(issue: z.core.$ZodIssue): readonly z.core.$ZodIssue[] | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const inside = issue.errors.filter(
    (branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0),
  );
  return inside.length === 1 ? inside[0] : undefined;
}

/** One field problem per zod issue of `input`; unknown keys get one each, at the key itself. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => {
    const branch = matchedBranch(issue);
    if (branch !== undefined) {
      return issuesToProblems(
        branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
        input,
      );
    }
    if (issue.code === 'unrecognized_keys') {
      const fields = (issue as UnknownKeysIssue).fields ?? [];
      return issue.keys.map((key) => ({
        pointer: toPointer([...issue.path, key]),
        detail: unknownKeyDetail(issue.path, key, fields),
      }));
    }
    // A bad record key (an fx currency) says what a key must be, not "Invalid key in record".
    const detail =
      issue.path.length > 0 && leftOut(input, issue.path)
        ? 'is required'
        : issue.code === 'invalid_key'
          ? withSent(issue.issues[0]?.message ?? issue.message, issue.path.at(-1))
          : withSent(issue.message, sentAt(input, issue.path));
    return [{ pointer: toPointer(issue.path), detail }];
  });
}

/**
 * A 400 naming each query parameter given more than once (of `names`, when given): the query
 * cannot be read as one request, and neither value may silently win.
 */
export function refuseRepeated(
  queries: Readonly<Record<string, readonly string[]>>,
  names?: readonly string[],
): void {
  const repeated = Object.entries(queries).filter(
    ([name, values]) => values.length > 1 && (names === undefined || names.includes(name)),
  );
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

/**
 * The app's one validation hook: a JSON body or query value that breaks its schema is a 422 naming
 * every field (query values by `parameter`); a repeated query parameter is a 400 (the query cannot
 * be read as one request); a path that does not fit is a 404.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  if (result.target === 'query') refuseRepeated(c.req.queries());
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
    default: {
      // A blank query value (`format=`, `strict=`) is said to be blank, as the GET forms say it.
      const queries = result.target === 'query' ? c.req.queries() : {};
      throw validationProblem(
        problems.map((p) => {
          const parameter = parameterOf(p.pointer);
          const sent = Object.hasOwn(queries, parameter) ? queries[parameter] : undefined;
          const blank = sent?.length === 1 && isBlank(sent[0] as string);
          return { ...p, parameter, ...(blank ? { detail: BLANK_PARAMETER } : {}) };
        }),
      );
    }
  }
};
