import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, toCsv } from '../../src/http/csv';

// Cells of quotes, commas, line ends and text, never starting a formula (those gain a `'`).
const cell = fc
  .array(fc.constantFrom('a', 'b', '1', ' ', ',', '"', '\n', '\r', '\r\n', 'é'), { maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((s) => !/^[=+\-@\t\r]/.test(s));
const row = fc
  .array(cell, { minLength: 1, maxLength: 5 })
  .filter((r) => r.length > 1 || r[0] !== '');

describe('CSV reading and writing', () => {
  it('reads back what it writes, quoted cells and line breaks included', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const [header, ...body] = rows as [string[], ...string[][]];
        expect(parseCsv(toCsv(header, body))).toEqual(rows);
      }),
    );
  });

  it('LF, CRLF and lone CR end a line; blank lines and a BOM are skipped', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2\r\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(parseCsv('\nx,,y\n,')).toEqual([
      ['x', '', 'y'],
      ['', ''],
    ]);
  });

  it('an unterminated quoted cell names the line it starts on', () => {
    expect(() => parseCsv('a,b\n1,"2\n3')).toThrow(new CsvSyntaxError(2));
  });
});
