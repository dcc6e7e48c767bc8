import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvCell, parseCsv, toCsv } from '../../src/http/csv';
import { flatReader } from '../../src/http/query-form';

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

  it('a row written at once is the row written cell by cell (the fast path changes nothing)', () => {
    // Cells of digits, codes, signs, formula starts, quotes, separators, line ends and U+E000 (the
    // mark an earlier fast path joined with), under text and number columns alike.
    const anyCell = fc
      .array(
        fc.constantFrom(
          '1',
          '.',
          '-',
          '=',
          '+',
          '@',
          '\t',
          '"',
          ',',
          ';',
          '\r',
          '\n',
          'a',
          '\uE000',
        ),
        {
          maxLength: 5,
        },
      )
      .map((parts) => parts.join(''));
    const header = ['line', 'entryId', 'duties', 'warnings'];
    fc.assert(
      fc.property(
        fc.array(fc.array(anyCell, { minLength: 4, maxLength: 4 }), { maxLength: 5 }),
        (rows) => {
          const byCell = rows.map((row) => row.map((v, i) => csvCell(v, ',', header[i])).join(','));
          expect(toCsv(header, rows)).toBe([header.join(','), ...byCell, ''].join('\r\n'));
        },
      ),
      { numRuns: 1000 },
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

  it('a body without quotes is read as its lines split at the separator (the fast path)', () => {
    // The oracle: cut at every CRLF, LF or lone CR, drop blank lines, split each at the separator.
    const text = fc
      .array(fc.constantFrom('a', '1', ' ', ',', ';', '\n', '\r', '\r\n', 'é'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(',' as const, ';' as const), (body, separator) => {
        const expected = body
          .split(/\r\n|\r|\n/)
          .filter((line) => line !== '')
          .map((line) => line.split(separator));
        expect(parseCsv(body, separator)).toEqual(expected);
        // The same text with one quoted cell added is read by the other path, to the same lines.
        expect(parseCsv(`"q"\n${body}`, separator)).toEqual([['q'], ...expected]);
      }),
      { numRuns: 500 },
    );
  });

  it('an unterminated quoted cell names the line it starts on', () => {
    expect(() => parseCsv('a,b\n1,"2\n3')).toThrow(new CsvSyntaxError(2));
  });
});

describe('flat fields read by position (a CSV header read once)', () => {
  const form = { price: ['/price/amount'], per: ['/price/per'], fx: ['/fx'], note: [] };

  it('blanks are absent, unknown columns ignored, a repeated column read from its last cell', () => {
    const read = flatReader(form, ['price', 'extra', 'per', 'price']);
    expect(read(['50', 'x', ' kg ', ''])).toEqual({ price: { per: 'kg' } });
    expect(read(['', 'x', 'kg', '70'])).toEqual({ price: { amount: '70', per: 'kg' } });
    // A short row: the cells it lacks are blank.
    expect(read(['1'])).toEqual({});
  });

  it('fx pairs and a rate field fill one fx object, in either column order', () => {
    // A form like landed cost's: `fx` lists pairs, `fxRate` is the price currency's rate.
    const withRate = { ...form, fxRate: ['/fx/PRICE_CURRENCY'] };
    const expected = { fx: { CNY: '0.14', EUR: '1.08', PRICE_CURRENCY: '0.9' } };
    expect(flatReader(withRate, ['fx', 'fxRate'])([' CNY:0.14, EUR:1.08 ', '0.9'])).toEqual(
      expected,
    );
    expect(flatReader(withRate, ['fxRate', 'fx'])(['0.9', 'CNY:0.14,EUR:1.08'])).toEqual(expected);
    // Not a list of pairs: kept as text, for the schema to refuse at /fx.
    expect(flatReader(withRate, ['fx'])(['CNY'])).toEqual({ fx: 'CNY' });
  });

  it('a column named __proto__ or constructor is an unknown column, not a way into the prototype', () => {
    const read = flatReader(form, ['__proto__', 'constructor', 'price']);
    const request = read(['{"polluted":1}', 'x', '5']);
    expect(request).toEqual({ price: { amount: '5' } });
    expect(Object.getPrototypeOf(request)).toBe(Object.prototype);
  });
});
