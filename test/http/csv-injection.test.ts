import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/http/csv';
import { call } from '../helpers';

/** OWASP CSV injection: cells a spreadsheet would run as a formula. */
const FORMULAS = ["=cmd|' /C calc'!A0", '@SUM(1,1)', '+1+1', '-1+1', '\t=1', '\r=1', '=1'];

/** Every cell that begins as a formula would, and is not a plain decimal number. */
const formulaCells = (csv: string) =>
  parseCsv(csv)
    .flat()
    .filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?[0-9]+([.,][0-9]+)?$/.test(cell));

describe('CSV answers never echo a formula (OWASP CSV injection)', () => {
  it('the CSV writer prefixes a cell beginning with =, +, -, @, tab or CR with a quote, and quotes the cell', () => {
    expect(
      toCsv(
        ['entryId'],
        FORMULAS.map((f) => [f]),
      ),
    ).toBe(
      `entryId\r\n${[
        `"'=cmd|' /C calc'!A0"`,
        `"'@SUM(1,1)"`,
        `"'+1+1"`,
        `"'-1+1"`,
        `"'\t=1"`,
        `"'\r=1"`,
        `"'=1"`,
      ].join('\r\n')}\r\n`,
    );
  });

  it('numbers the API writes stay numbers: -5.00, -0.25, 12, and 1,5 in the comma locale', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [['-5.00', '-0.25', '12', '1,5']])).toBe(
      'a,b,c,d\r\n-5.00,-0.25,12,"1,5"\r\n',
    );
  });

  it('a batch answered as CSV: formula entryIds of good and failed lines come back as text', async () => {
    const lines = FORMULAS.map((entryId, i) => ({
      mineral: i % 2 === 0 ? 'nd-oxide' : 'no-such-mineral',
      origin: 'CN',
      destination: 'US',
      asOf: '2026-03-01',
      quantity: { value: '1', unit: 't' },
      price: { amount: '50', per: 'kg' },
      entryId,
    }));
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body: JSON.stringify({ lines }),
    });
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(formulaCells(csv)).toEqual([]);
    const [header, ...rows] = parseCsv(csv);
    const entryIds = rows.map((row) => row[header?.indexOf('entryId') ?? -1]);
    expect(entryIds).toEqual(FORMULAS.map((f) => `'${f}`));
  });

  it('a client’s number-like text is still the client’s: an entryId -5 comes back as text', async () => {
    // "-5" looks like a number, but the API did not write it: in the entryId column it is echoed text
    expect(toCsv(['entryId', 'duties'], [['-5', '-5.00']])).toBe(
      'entryId,duties\r\n"\'-5",-5.00\r\n',
    );
    const single = await call(
      '/v1/landed-cost?mineral=nd-oxide&origin=CN&asOf=2026-03-01&quantity=1&unit=t&price=50&per=kg&format=csv&entryId=-5',
    );
    const [header, row] = parseCsv(await single.text());
    expect(row?.[header?.indexOf('entryId') ?? -1]).toBe("'-5");
  });

  it('the text form of an echoed field neutralises a formula too (IMPORTDATA reads it as CSV)', async () => {
    const response = await call(
      '/v1/landed-cost?mineral=nd-oxide&origin=CN&asOf=2026-03-01&quantity=1&unit=t&price=50&per=kg&format=text&field=entryId&entryId=%3Dx',
    );
    expect(await response.text()).toBe("'=x");
  });

  it('a CSV batch echoing formula cells (entryId, notes) answers them as text', async () => {
    const body = [
      'entryId,mineral,origin,destination,asOf,quantity,unit,price,per',
      `"=HYPERLINK(""http://x.example"",""click"")",nd-oxide,CN,US,2026-03-01,1,t,50,kg`,
      '@SUM(1;1),nd-oxide,CN,US,2026-03-01,1,t,50,kg',
      '+1+1,unobtainium,CN,US,2026-03-01,1,t,50,kg',
    ].join('\r\n');
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body,
    });
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(formulaCells(csv)).toEqual([]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""click"")"`);
  });
});
