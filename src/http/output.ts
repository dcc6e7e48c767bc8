import type { Context } from 'hono';
import { toCsv } from './csv';
import { Problem } from './problem';

/** A calculator answer flattened to named cells, for the CSV and text forms. */
export type FlatRow = Readonly<Record<string, string>>;

export type OutputFormat = 'json' | 'csv' | 'text';

/**
 * Answers a GET calculator in the format a spreadsheet asked for: JSON as is, CSV as a header row
 * and one value row (`IMPORTDATA`), or one bare value (`WEBSERVICE`).
 */
export function respondInFormat(
  c: Context,
  format: OutputFormat,
  json: unknown,
  row: FlatRow,
  field: string,
): Response {
  if (format === 'csv') {
    return c.body(toCsv(Object.keys(row), [Object.values(row)]), 200, {
      'content-type': 'text/csv; charset=utf-8',
    });
  }
  if (format === 'text') {
    const value = row[field];
    if (value === undefined) {
      throw new Problem(
        400,
        `The query string is not valid: field: "${field}" is not a field of this answer.`,
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
  return c.json(json, 200);
}
