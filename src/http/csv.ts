/** A cell a spreadsheet would run as a formula: it begins with =, +, -, @, tab or CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal, as the API writes numbers (point or comma locale): never a formula. */
const PLAIN_NUMBER = /^-?[0-9]+([.,][0-9]+)?$/;

/**
 * One CSV cell. OWASP CSV injection: a cell that would begin a formula (an echoed entryId such as
 * `=cmd|' /C calc'!A0`, `@SUM(1,1)` or `-1+1`) is prefixed with `'` so spreadsheets show it as
 * text, and quoted; a plain decimal such as the API's `-5.00` is left a number. Then RFC 4180:
 * quote a cell when it holds a comma, a quote, CR or LF. Every CSV answer is written through here.
 */
export function csvCell(value: string): string {
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) {
    return `"'${value.replaceAll('"', '""')}"`;
  }
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV text with CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
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
