/** A cell a spreadsheet would run as a formula: it begins with =, +, -, @, tab or CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal, as the API writes numbers (point or comma locale): never a formula. */
const PLAIN_NUMBER = /^-?[0-9]+([.,][0-9]+)?$/;

/** The decimal mark of a spreadsheet locale (A1): `comma` as in de-DE, fr-FR; `point` as in en-US. */
export type DecimalMark = 'point' | 'comma';

/** The field separator that goes with a decimal mark: `;` where the comma marks decimals. */
export function csvSeparator(decimal: DecimalMark): ',' | ';' {
  return decimal === 'comma' ? ';' : ',';
}

/** A decimal the API wrote (`-5.00`, `0.371`), as a number: nothing else is rewritten. */
const API_DECIMAL = /^-?[0-9]+\.[0-9]+$/;

/** Columns that hold codes or echoed text, never a number, however they look (HTS 2846.90). */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(['hts', 'entryId', 'id', 'error', 'warnings']);

/**
 * A value written for a spreadsheet locale: with `comma`, a decimal's point becomes a comma
 * ("0.371" → "0,371"), so a de-DE sheet reads 0,371 and not 371. Only whole-cell decimals change,
 * and not in a code column; dates and text (a warning quoting "0.5") are left as they are.
 */
export function localized(value: string, decimal: DecimalMark, column?: string): string {
  if (decimal === 'point' || !API_DECIMAL.test(value)) return value;
  return column !== undefined && TEXT_COLUMNS.has(column) ? value : value.replace('.', ',');
}

/**
 * One CSV cell. OWASP CSV injection: a cell that would begin a formula (an echoed entryId such as
 * `=cmd|' /C calc'!A0`, `@SUM(1,1)` or `-1+1`) is prefixed with `'` so spreadsheets show it as
 * text, and quoted; a plain decimal such as the API's `-5.00` is left a number. Then RFC 4180:
 * quote a cell when it holds the separator, a quote, CR or LF. Every CSV answer is written
 * through here.
 */
export function csvCell(value: string, separator: ',' | ';' = ','): string {
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) {
    return `"'${value.replaceAll('"', '""')}"`;
  }
  const special = separator === ',' ? /[",\r\n]/ : /[";\r\n]/;
  return special.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * CSV text with CRLF line ends, as RFC 4180 and spreadsheets expect. Every CSV answer is written
 * here; with `decimal: 'comma'` decimals take a comma and fields are separated by `;` (A1).
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  decimal: DecimalMark = 'point',
): string {
  const separator = csvSeparator(decimal);
  const line = (row: readonly string[]) =>
    row.map((cell, i) => csvCell(localized(cell, decimal, header[i]), separator)).join(separator);
  return `${[header.map((name) => csvCell(name, separator)).join(separator), ...rows.map(line)].join('\r\n')}\r\n`;
}

/** Thrown for CSV text that cannot be read (an unterminated quoted cell). */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted cell starting on line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks; CRLF or LF line
 * ends; a UTF-8 byte-order mark is dropped; blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const endRecord = () => {
    record.push(cell);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    cell = '';
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else {
      cell += ch;
    }
  }
  if (quoted) throw new CsvSyntaxError(quoteLine);
  if (cell !== '' || record.length > 0) endRecord();
  return records;
}
