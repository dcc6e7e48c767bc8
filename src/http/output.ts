import type { Context } from 'hono';
import { DECIMAL_MARKS, type DecimalMark, localized, textValue, toCsv } from './csv';
import { oneOf, sentValue } from './issue-messages';
import { validationProblem } from './problem';
import { meantField } from './validation';

/** A calculator answer flattened to named cells, for the CSV and text forms. */
export type FlatRow = Readonly<Record<string, string>>;

/**
 * The `decimal` query parameter of the CSV and text forms (spreadsheet locales): `point`
 * (default) or `comma`. Read here, where CSV and text are written, so every calculator has it.
 */
export function decimalMarkOf(c: Context): DecimalMark {
  const value = c.req.query('decimal');
  if (value === undefined || value === 'point') return 'point';
  if (value === 'comma') return 'comma';
  throw validationProblem([
    {
      pointer: '/decimal',
      parameter: 'decimal',
      detail: `must be one of ${oneOf(DECIMAL_MARKS)} (got ${sentValue(value)})`,
    },
  ]);
}

/** A CSV answer: a header row and value rows, in the decimal style the query asked for. */
export function csvResponse(
  c: Context,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Response {
  return c.body(toCsv(header, rows, decimalMarkOf(c)), 200, {
    'content-type': 'text/csv; charset=utf-8',
  });
}

/**
 * One named value as bare text (`WEBSERVICE`), `none` where it does not exist; an unknown field is a
 * 422 listing the fields.
 */
export function textField(c: Context, row: FlatRow, field: string): Response {
  // Own fields only: field=constructor must not find Object.prototype's.
  const value = Object.hasOwn(row, field) ? row[field] : undefined;
  if (value === undefined) {
    const fields = Object.keys(row);
    const meant = meantField(field, fields);
    throw validationProblem([
      {
        pointer: '/field',
        parameter: 'field',
        detail:
          meant === undefined
            ? `must be one of ${oneOf(fields)} (got ${sentValue(field)})`
            : `must be one of ${oneOf(fields)} (got ${sentValue(field)}; did you mean "${meant}"?)`,
      },
    ]);
  }
  // A value that does not exist (null in JSON, an empty CSV cell) reads "none": a blank 200 would
  // not say whether there is no value or the call failed.
  const text = value === '' ? 'none' : textValue(localized(value, decimalMarkOf(c), field), field);
  return c.body(text, 200, {
    'content-type': 'text/plain; charset=utf-8',
  });
}
