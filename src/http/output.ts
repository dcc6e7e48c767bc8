import type { Context } from 'hono';
import { toCsv } from './csv';
import { Problem } from './problem';

/** A calculator answer flattened to named cells, for the CSV and text forms. */
export type FlatRow = Readonly<Record<string, string>>;

/** A CSV answer: a header row and value rows. */
export function csvResponse(
  c: Context,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Response {
  return c.body(toCsv(header, rows), 200, { 'content-type': 'text/csv; charset=utf-8' });
}

/** One named value as bare text (`WEBSERVICE`); an unknown field is a 400 listing the fields. */
export function textField(c: Context, row: FlatRow, field: string): Response {
  // Own fields only: field=constructor must not find Object.prototype's.
  const value = Object.hasOwn(row, field) ? row[field] : undefined;
  if (value === undefined) {
    throw new Problem(
      422,
      `The query is not valid: field: "${field}" is not a field of this answer.`,
      [
        {
          pointer: '/field',
          parameter: 'field',
          detail: `must be one of ${Object.keys(row).join(', ')}`,
        },
      ],
    );
  }
  return c.body(value, 200, { 'content-type': 'text/plain; charset=utf-8' });
}
