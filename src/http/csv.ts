/** A plain decimal, as the API writes numbers (point or comma locale): never a formula. */
const PLAIN_NUMBER = /^-?[0-9]+([.,][0-9]+)?$/;

/** The decimal mark of a spreadsheet locale: `comma` as in de-DE, fr-FR; `point` as in en-US. */
/** The decimal marks of spreadsheet locales: `point` (default) or `comma`. */
export const DECIMAL_MARKS = ['point', 'comma'] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

/** The field separator that goes with a decimal mark: `;` where the comma marks decimals. */
export function csvSeparator(decimal: DecimalMark): ',' | ';' {
  return decimal === 'comma' ? ';' : ',';
}

/** A decimal the API wrote (`-5.00`, `0.371`), as a number: nothing else is rewritten. */
const API_DECIMAL = /^-?[0-9]+\.[0-9]+$/;

/**
 * Columns that hold codes or text, never a number, however they look (HTS 2846.90), among them
 * the text a request sent and the answer echoes (an entryId): "-5" there is the client's text,
 * not a number the API wrote, and is neutralised like any other formula start.
 */
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

/** A decimal the API wrote inside a text it composed ("rate 0.25 → 0.5"), not part of a word or date. */
const DECIMAL_IN_TEXT = /(?<![\w.])(-?[0-9]+)\.([0-9]+)(?![\w.])/g;

/**
 * A text the API composed from its own decimals ("rate 0.25 → 0.5"), its decimals written with
 * the mark asked for ("rate 0,25 → 0,5"). Never for data text (a legal title, a warning), which
 * is quoted as it is.
 */
export function localizedText(text: string, decimal: DecimalMark): string {
  return decimal === 'point' ? text : text.replace(DECIMAL_IN_TEXT, '$1,$2');
}

/**
 * The field separator of a CSV body, read off its header row: `;` when the header holds a `;` and
 * no `,` (a spreadsheet in a decimal-comma locale, such as de-DE Excel's "CSV (semicolon
 * separated)", saves so), else `,`. Column names hold neither.
 */
export function separatorOf(text: string): ',' | ';' {
  const end = text.search(/[\r\n]/);
  const header = end === -1 ? text : text.slice(0, end);
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** Excel's separator line: `sep=;` (or `sep=,`) alone on the first line, before the header. */
const SEPARATOR_LINE = /^\uFEFF?sep=(.?)[ \t]*(\r\n|\r|\n|$)/i;

/**
 * A body's separator line, which Excel writes (and reads) before the header to name the field
 * separator whatever the locale: the separator it names and the body after it, or `undefined`
 * when the body has none. A separator other than `,` or `;` is named as it was given (`\t`, `|`),
 * for the caller to refuse.
 */
export function separatorLine(
  text: string,
): { readonly separator: string; readonly rest: string } | undefined {
  const match = SEPARATOR_LINE.exec(text);
  if (match === null) return undefined;
  return { separator: match[1] ?? '', rest: text.slice(match[0].length) };
}

/** A decimal written with a decimal comma ("0,371"), as a spreadsheet in such a locale writes it. */
const COMMA_DECIMAL = /^-?[0-9]+,[0-9]+$/;

/**
 * A cell read from a `;`-separated CSV: a decimal written with a comma ("1000,5") is the decimal
 * 1000.5; codes and echoed text (an entryId "1,5") are left as they are. The inverse of
 * {@link localized}.
 */
export function delocalized(value: string, column: string): string {
  // fx pairs keep their commas between pairs: "CNY:0,1390,EUR:1,08" is CNY 0.1390 and EUR 1.08.
  if (column === 'fx') return value.replace(/:(\s*[0-9]+),([0-9]+)/g, ':$1.$2');
  return COMMA_DECIMAL.test(value) && !TEXT_COLUMNS.has(column) ? value.replace(',', '.') : value;
}

/**
 * Whether a cell must be quoted (RFC 4180): it holds the separator, a quote, CR or LF. One pass
 * over the cell's characters (a CSV answer has tens of thousands of short cells).
 */
function needsQuotes(value: string, separator: ',' | ';'): boolean {
  const mark = separator === ',' ? 44 : 59;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === mark || code === 34 || code === 10 || code === 13) return true;
  }
  return false;
}

/** =, +, -, @, tab, CR: the first characters of a cell a spreadsheet would run as a formula. */
function formulaStart(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

/**
 * Whether a cell would begin a formula a spreadsheet runs (OWASP CSV injection): it starts with
 * =, +, -, @, tab or CR and is not a number the API wrote (a plain decimal such as `-5.00` outside
 * a text column; in a text column, such as an echoed entryId `-5`, it is the client's text).
 */
function formulaCell(value: string, column?: string): boolean {
  return (
    value.length > 0 &&
    formulaStart(value.charCodeAt(0)) &&
    ((column !== undefined && TEXT_COLUMNS.has(column)) || !PLAIN_NUMBER.test(value))
  );
}

/**
 * A single value as the text form writes it (`WEBSERVICE`, and `IMPORTDATA`, which reads it as
 * CSV): a formula start is prefixed with `'`, as in a CSV cell.
 */
export function textValue(value: string, column: string): string {
  return formulaCell(value, column) ? `'${value}` : value;
}

/**
 * One CSV cell of `column`. OWASP CSV injection: a cell that would begin a formula (an echoed
 * entryId such as `=cmd|' /C calc'!A0`, `@SUM(1,1)`, `-1+1` or `-5`) is prefixed with `'` so
 * spreadsheets show it as text, and quoted; a plain decimal the API wrote such as `-5.00` is left a
 * number. Then RFC 4180: quote a cell when it holds the separator, a quote, CR or LF. Every CSV
 * answer is written through here; the common cell (a number, an id) is checked in one pass over
 * its characters.
 */
export function csvCell(value: string, separator: ',' | ';' = ',', column?: string): string {
  if (formulaCell(value, column)) return `"'${value.replaceAll('"', '""')}"`;
  return needsQuotes(value, separator) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Whether a row can be written as it is, with `,` between its cells: no cell holds a quote, a
 * comma or a line end, and none begins a formula (=, +, -, @, tab, CR). One pass over the cells'
 * characters (most rows are numbers and codes); a row with any of them takes the cell-by-cell way.
 */
function plainRow(row: readonly string[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const value = row[i] as string;
    if (value.length === 0) continue;
    if (formulaStart(value.charCodeAt(0))) return false;
    for (let j = 0; j < value.length; j++) {
      const code = value.charCodeAt(j);
      if (code === 44 || code === 34 || code === 10 || code === 13) return false;
    }
  }
  return true;
}

/**
 * CSV text with CRLF line ends, as RFC 4180 and spreadsheets expect. Every CSV answer is written
 * here; with `decimal: 'comma'` decimals take a comma and fields are separated by `;`.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  decimal: DecimalMark = 'point',
): string {
  const separator = csvSeparator(decimal);
  // Each line joined once (no string built cell by cell), the lines joined at the end.
  const lines = new Array<string>(rows.length + 2);
  lines[0] = header.map((h) => csvCell(h, separator)).join(separator);
  // One array of cells, refilled for each row (joining it keeps nothing of it).
  let cells: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly string[];
    // Most rows need no cell changed (numbers, codes): joined as they are. A row with a quote, a
    // comma, a line end or a formula start takes the cell-by-cell way below, which changes only
    // the cells that need it (a -5.00 the API wrote stays a number).
    if (decimal === 'point' && plainRow(row)) {
      lines[r + 1] = row.join(separator);
      continue;
    }
    if (cells.length !== row.length) cells = new Array<string>(row.length);
    for (let i = 0; i < row.length; i++) {
      const value = row[i] as string;
      const column = header[i];
      cells[i] = csvCell(
        decimal === 'point' ? value : localized(value, decimal, column),
        separator,
        column,
      );
    }
    lines[r + 1] = cells.join(separator);
  }
  lines[rows.length + 1] = '';
  return lines.join('\r\n');
}

/** Thrown for CSV text that cannot be read (an unterminated quoted cell). */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted cell starting on line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks; CRLF, LF or CR line
 * ends; a UTF-8 byte-order mark is dropped; blank lines are skipped. A body without a quote
 * (nearly every batch) is cut with indexOf and slice line by line; in one with quotes, so is each
 * line without a quote or a lone CR, and the others are read one character at a time. (One loop
 * for both read a quote-free 1,000-line batch in 0.86 ms in Node against 0.29 ms now, and cost
 * the CSV batch about 1 ms more CPU in workerd.)
 */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return input.includes('"') ? quotedRecords(input, separator) : plainRecords(input, separator);
}

/**
 * The records of a body without a quote (nearly every batch): each line, ended by CRLF, LF or a
 * lone CR, cut with indexOf and slice.
 */
function plainRecords(input: string, separator: ',' | ';'): string[][] {
  const records: string[][] = [];
  const n = input.length;
  let pos = 0;
  // The next CR and the next LF at or after `pos`, found again only once passed (linear).
  let cr = input.indexOf('\r');
  let lf = input.indexOf('\n');
  while (pos < n) {
    if (cr !== -1 && cr < pos) cr = input.indexOf('\r', pos);
    if (lf !== -1 && lf < pos) lf = input.indexOf('\n', pos);
    let end = lf === -1 ? n : lf;
    if (cr !== -1 && cr < end) end = cr;
    if (end > pos) records.push(splitFields(input, pos, end, separator));
    pos = end === cr && lf === cr + 1 ? end + 2 : end + 1;
  }
  return records;
}

/**
 * The records of a body with quotes: a line holding no quote and no lone CR is cut with indexOf
 * and slice, the others are read one character at a time.
 */
function quotedRecords(input: string, separator: ',' | ';'): string[][] {
  const records: string[][] = [];
  const n = input.length;
  let pos = 0;
  let line = 1;
  // The next quote and the next CR at or after `pos`, found again only once passed (linear).
  let quote = input.indexOf('"');
  let cr = input.indexOf('\r');
  while (pos < n) {
    if (quote !== -1 && quote < pos) quote = input.indexOf('"', pos);
    if (cr !== -1 && cr < pos) cr = input.indexOf('\r', pos);
    let lf = input.indexOf('\n', pos);
    if (lf === -1) lf = n;
    const end = cr !== -1 && cr === lf - 1 ? lf - 1 : lf;
    if ((quote !== -1 && quote < lf) || (cr !== -1 && cr < end)) {
      const slow = readRecord(input, pos, line, separator);
      if (slow.record.length > 1 || slow.record[0] !== '') records.push(slow.record);
      pos = slow.next;
      line = slow.line;
      continue;
    }
    if (end > pos) records.push(splitFields(input, pos, end, separator));
    pos = lf + 1;
    line++;
  }
  return records;
}

/** The separated cells of input[start, end), which holds no quote and no line end. */
function splitFields(input: string, start: number, end: number, separator: string): string[] {
  const cells: string[] = [];
  let from = start;
  for (;;) {
    const comma = input.indexOf(separator, from);
    if (comma === -1 || comma >= end) {
      cells.push(input.slice(from, end));
      return cells;
    }
    cells.push(input.slice(from, comma));
    from = comma + 1;
  }
}

/** One record read a character at a time from `pos`: quoted cells, "" escapes, any line end. */
function readRecord(
  input: string,
  pos: number,
  startLine: number,
  separator: string,
): { record: string[]; next: number; line: number } {
  const record: string[] = [];
  let cell = '';
  let quoted = false;
  let line = startLine;
  let quoteLine = 0;
  for (let i = pos; i < input.length; i++) {
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
    } else if (ch === separator) {
      record.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      record.push(cell);
      return { record, next: i + 1, line: line + 1 };
    } else {
      cell += ch;
    }
  }
  if (quoted) throw new CsvSyntaxError(quoteLine);
  record.push(cell);
  return { record, next: input.length, line };
}
