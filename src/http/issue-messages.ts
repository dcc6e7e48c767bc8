import type { z } from 'zod';

/**
 * zod's issues in plain English, as the API's problem+json says them: what the field must be and,
 * where it helps, what was sent (`must be one of t, kg, g (got "kgs")`). The field itself is named
 * by the problem (its pointer or query parameter), so a message never repeats it. Installed as
 * zod's global error map (zod-config.ts): a schema's own `error` still wins, so only the wording
 * zod would otherwise make up ("Invalid option: expected one of …") comes from here.
 */

/** At most this many characters of a sent value are quoted back. */
const MAX_ECHO = 40;

/** A sent value, short, as the user would recognise it: `"full_gap"`, `5`, `true`, a list. */
export function sentValue(input: unknown): string {
  if (typeof input === 'string') {
    const text = input.length > MAX_ECHO ? `${input.slice(0, MAX_ECHO)}…` : input;
    return JSON.stringify(text);
  }
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint')
    return String(input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  return typeof input;
}

/** "a string", "an object": what a JSON value of zod's expected type is called. */
const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list (a JSON array)',
  tuple: 'a list (a JSON array)',
  null: 'null',
  date: 'a date YYYY-MM-DD',
};

/** The allowed values of an enum or literal, as a reader writes them: `t, kg, g, lb`. */
export function oneOf(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(', ');
}

function counted(n: number | bigint, unit: string): string {
  return `${n} ${unit}${Number(n) === 1 ? '' : 's'}`;
}

const SIZE_UNITS: Readonly<Record<string, string>> = {
  array: 'item',
  set: 'item',
  string: 'character',
};

/** The size of a list or string that broke a limit, for "(got 0)". */
function sizeOf(input: unknown): string {
  if (Array.isArray(input)) return ` (got ${counted(input.length, 'item')})`;
  if (typeof input === 'string') return ` (got ${counted(input.length, 'character')})`;
  return '';
}

type Issue = z.core.$ZodRawIssue;

function tooSmall(issue: Issue & { code: 'too_small' }): string {
  const unit = SIZE_UNITS[issue.origin];
  if (unit !== undefined) {
    if (Number(issue.minimum) === 1 && unit === 'item') return 'must not be empty';
    const bound = issue.exact ? 'exactly' : 'at least';
    return `must have ${bound} ${counted(issue.minimum, unit)}${sizeOf(issue.input)}`;
  }
  return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum} (got ${sentValue(issue.input)})`;
}

function tooBig(issue: Issue & { code: 'too_big' }): string {
  const unit = SIZE_UNITS[issue.origin];
  if (unit !== undefined) {
    const bound = issue.exact ? 'exactly' : 'at most';
    return `must have ${bound} ${counted(issue.maximum, unit)}${sizeOf(issue.input)}`;
  }
  return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum} (got ${sentValue(issue.input)})`;
}

function invalidFormat(issue: Issue & { code: 'invalid_format' }): string {
  const got = ` (got ${sentValue(issue.input)})`;
  switch (issue.format) {
    case 'date':
      return `must be a date YYYY-MM-DD${got}`;
    case 'datetime':
      return `must be a date and time such as 2026-12-01T00:00:00Z${got}`;
    case 'regex':
      return `must match ${'pattern' in issue ? String(issue.pattern) : 'the documented pattern'}${got}`;
    default:
      return `must be ${issue.format.replaceAll('_', ' ')}${got}`;
  }
}

/** The fields of the object schema that raised `unrecognized_keys`, when it has a shape. */
function fieldsOf(issue: Issue): readonly string[] {
  const def = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def;
  return def?.shape === undefined ? [] : Object.keys(def.shape);
}

/** An unknown key's issue, with the fields its object does take (see {@link issueMessage}). */
export interface UnknownKeysIssue {
  readonly fields?: readonly string[];
}

/** What a discriminated union was sent: the discriminator's value, not the whole object. */
function discriminatorSent(issue: Issue): unknown {
  const key = (issue as { discriminator?: unknown }).discriminator;
  const input = issue.input;
  return typeof key === 'string' && typeof input === 'object' && input !== null
    ? (input as Record<string, unknown>)[key]
    : input;
}

/**
 * The forms a union takes, from what each of its branches asked of the value ("an object", "a
 * decimal string such as …"): `an object or a decimal string such as "10.50" or a finite number`.
 */
function unionForms(issue: Issue): string {
  const branches = (issue as { errors?: readonly (readonly { message: string }[])[] }).errors ?? [];
  const forms = branches.flatMap((branch) => {
    const message = branch[0]?.message;
    if (message === undefined || !message.startsWith('must be ')) return [];
    return [message.slice('must be '.length).replace(/ \(got .*\)$/, '')];
  });
  return forms.length === 0
    ? 'one of the forms this field takes'
    : [...new Set(forms)].join(' or ');
}

/** zod's global error map: plain English for every issue a schema does not word itself. */
export function issueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected} (got ${sentValue(issue.input)})`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${sentValue(issue.values[0])} (got ${sentValue(issue.input)})`
        : `must be one of ${oneOf(issue.values)} (got ${sentValue(issue.input)})`;
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor} (got ${sentValue(issue.input)})`;
    case 'unrecognized_keys':
      // zod keeps an issue's own keys: the object's fields ride along for a "did you mean".
      (issue as { fields?: readonly string[] }).fields = fieldsOf(issue);
      return 'is not a field of this request';
    case 'invalid_key':
      return `has a key that is not valid (${sentValue(issue.input)})`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options) && issue.options.length > 0)
        return `must be one of ${oneOf(issue.options)} (got ${sentValue(discriminatorSent(issue))})`;
      return `must be ${unionForms(issue)} (got ${sentValue(issue.input)})`;
    case 'invalid_element':
      return `has a value that is not valid`;
    default:
      return undefined;
  }
}
