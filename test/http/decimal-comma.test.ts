import { describe, expect, it } from 'vitest';
import { csvCell, localized, toCsv } from '../../src/http/csv';
import { call, problemOf } from '../helpers';

/** The cells of a `;`-separated answer (no quoted cells in these answers), by header name. */
async function semicolonRows(path: string): Promise<Record<string, string>[]> {
  const response = await call(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const [header, ...rows] = (await response.text())
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(';'));
  return rows.map((row) => {
    expect(row.length).toBe(header?.length);
    return Object.fromEntries((header ?? []).map((name, i) => [name, row[i] ?? '']));
  });
}

describe('decimal=comma: answers a decimal-comma spreadsheet (de-DE) reads as numbers', () => {
  it('floor-gap CSV: every decimal has a comma and fields are separated by ;', async () => {
    const [row] = await semicolonRows(
      '/v1/floor-gap?price=10&floor=16&per=kg&otherDutyRate=0.25&asOf=2026-11-21&format=csv&decimal=comma',
    );
    // R = 10 × (1 + 0.25) = 12.5; gap = 16 − 12.5 = 3.5 per kg, on 1 kg; AVE = 3.5 / 10 = 0.35.
    expect(row).toMatchObject({
      duty: '3,50',
      dutyPerUnit: '3,5000',
      referencePerUnit: '12,5000',
      adValoremEquivalent: '0,35',
      binding: 'true',
      quantity: '1',
      asOf: '2026-11-21',
    });
  });

  it('landed-cost CSV: money and rates take commas; the HTS code stays a code', async () => {
    const [row] = await semicolonRows(
      '/v1/landed-cost?mineral=ndfeb-magnet&origin=CN&destination=US&asOf=2026-03-01&quantity=10000&unit=kg&price=75&per=kg&format=csv&decimal=comma',
    );
    // goods = 75 × 10,000 = 750,000.00 = customs value (FOB); on 2026-03-01 MFN 2.1% + Section
    // 301 25%: duties = 750,000 × 0.271 = 203,250.00, effective rate 0.271.
    expect(row).toMatchObject({
      hts: '8505.11.0070',
      customsValue: '750000,00',
      duties: '203250,00',
      effectiveDutyRate: '0,271',
    });
  });

  it('bloc-tiers CSV: one ;-separated row per destination', async () => {
    const rows = await semicolonRows(
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US,JP&asOf=2026-11-21&format=csv&decimal=comma&assume=no-duty',
    );
    // Red at 10 under a floor of 16 pays the 6 gap: red landed 16 against blue's 15.
    expect(rows.map((r) => [r.country, r.redLanded, r.blueLanded, r.floorGapPerUnit])).toEqual([
      ['US', '16,0000', '15,0000', '6,0000'],
      ['JP', '16,0000', '15,0000', '6,0000'],
    ]);
  });

  it('text: the one value with a comma', async () => {
    // AVE = gap / price = (16 − 10) / 10 = 0.6.
    const response = await call(
      '/v1/floor-gap?price=10&floor=16&per=kg&format=text&decimal=comma&field=adValoremEquivalent',
    );
    expect(await response.text()).toBe('0,6');
  });

  it('decimal=point (the default) keeps points and commas', async () => {
    const response = await call(
      '/v1/floor-gap?price=10&floor=16&per=kg&format=text&decimal=point&field=dutyPerUnit',
    );
    expect(await response.text()).toBe('6.0000');
  });

  it('any other decimal style is a 422 naming the parameter', async () => {
    const problem = await problemOf(
      await call('/v1/floor-gap?price=10&floor=16&per=kg&format=csv&decimal=dot'),
      422,
    );
    expect(problem.errors).toEqual([
      expect.objectContaining({ parameter: 'decimal', pointer: '/decimal' }),
    ]);
  });
});

describe('the CSV writer with a decimal comma', () => {
  it('quotes a cell holding ; but not one holding a comma', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('1,5', ';')).toBe('1,5');
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  it('rewrites whole-cell decimals only, never dates, codes or text', () => {
    expect(localized('-5.00', 'comma')).toBe('-5,00');
    expect(localized('2026-11-21', 'comma')).toBe('2026-11-21');
    expect(localized('a rate of 0.5', 'comma')).toBe('a rate of 0.5');
    expect(localized('2846.90', 'comma', 'hts')).toBe('2846.90');
    expect(localized('0.5', 'point')).toBe('0.5');
  });

  it('writes header and rows with ; and CRLF', () => {
    expect(toCsv(['a', 'b'], [['1.5', 'x;y']], 'comma')).toBe('a;b\r\n1,5;"x;y"\r\n');
  });
});

describe('the CSV batch in a decimal-comma spreadsheet', () => {
  /** POSTs a CSV batch body and reads the CSV answer's lines. */
  async function batch(body: string, query = ''): Promise<string[]> {
    const response = await call(`/v1/landed-cost/batch${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.text()).trimEnd().split('\r\n');
  }

  // 100 kg of Nd oxide at 150.5 USD/kg by air: goods 15,050.00; MFN 3.7% = 556.85; MPF
  // 0.3464% × 15,050 = 52.1332 → 52.13 (no HMF by air); landed 15,050 + 556.85 + 52.13 =
  // 15,658.98, per kg 156.5898.
  const SEMICOLON_BODY =
    'entryId;mineral;origin;asOf;quantity;unit;price;per;transport\r\n' +
    'E1;nd-oxide;CN;2026-03-01;100;kg;150,5;kg;air\r\n' +
    'E2;nd-oxide;CN;2026-03-01;-5;kg;150,5;kg;air\r\n';

  it('a ;-separated body with decimal commas is read as such and answered the same way', async () => {
    const [header, good, bad] = await batch(SEMICOLON_BODY);
    expect(header?.split(';').slice(0, 3)).toEqual(['line', 'entryId', 'mineral']);
    expect(good).toBe(
      '0;E1;nd-oxide;2846.90.80;CN;US;2026-03-01;100;kg;15050,00;15050,00;FOB;556,85;52,13;0,00;0,00;15658,98;156,5898;156,5898;0,037;USD;;',
    );
    expect(bad).toBe('1;E2;;;;;;;;;;;;;;;;;;;;;"quantity must not be negative (got ""-5"")."');
  });

  it("Excel's sep= line names the separator and is not a header (sep=; and sep=, alike)", async () => {
    // The same lines as SEMICOLON_BODY, with Excel's separator line before the header (and a BOM).
    const [header, good, bad] = await batch(`sep=;\r\n${SEMICOLON_BODY}`);
    expect(header?.split(';').slice(0, 3)).toEqual(['line', 'entryId', 'mineral']);
    expect(good?.split(';').slice(9, 17)).toEqual([
      '15050,00',
      '15050,00',
      'FOB',
      '556,85',
      '52,13',
      '0,00',
      '0,00',
      '15658,98',
    ]);
    expect(bad?.startsWith('1;E2;')).toBe(true);
    // SEP=, in upper case after a BOM, with LF line ends: the line is skipped, decimals take points.
    const comma = await batch(
      '\uFEFFSEP=,\nentryId,mineral,origin,asOf,quantity,unit,price,per,transport\n' +
        'E1,nd-oxide,CN,2026-03-01,100,kg,150.5,kg,air\n',
    );
    expect(comma[1]?.split(',').slice(9, 17)).toEqual([
      '15050.00',
      '15050.00',
      'FOB',
      '556.85',
      '52.13',
      '0.00',
      '0.00',
      '15658.98',
    ]);
  });

  it('a sep= line naming another separator is a 400 saying which (a tab, |)', async () => {
    for (const [line, named] of [
      ['sep=\t', 'a tab'],
      ['sep=|', '"|"'],
    ] as const) {
      const response = await call('/v1/landed-cost/batch', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', accept: 'text/csv' },
        body: `${line}\r\n${SEMICOLON_BODY}`,
      });
      const problem = await problemOf(response, 400);
      expect(problem.detail).toContain(`names ${named} as its separator`);
    }
  });

  it('decimal=point answers a ;-separated body with points and commas', async () => {
    const [, good] = await batch(SEMICOLON_BODY, '?decimal=point');
    expect(good).toBe(
      '0,E1,nd-oxide,2846.90.80,CN,US,2026-03-01,100,kg,15050.00,15050.00,FOB,556.85,52.13,0.00,0.00,15658.98,156.5898,156.5898,0.037,USD,,',
    );
  });

  it('decimal=comma answers a comma-separated body with decimal commas', async () => {
    const body =
      'entryId,mineral,origin,asOf,quantity,unit,price,per,transport\r\n' +
      'E1,nd-oxide,CN,2026-03-01,100,kg,150.5,kg,air\r\n';
    const [, good] = await batch(body, '?decimal=comma');
    expect(good?.split(';').slice(9, 11)).toEqual(['15050,00', '15050,00']);
  });

  it('fx pairs in a ;-separated body take decimal commas: CNY:0,1390', async () => {
    // 100 kg at 1,000 CNY/kg × 0.1390 = 13,900.00 USD; MFN 3.7% = 514.30
    const body =
      'mineral;origin;asOf;quantity;unit;price;currency;per;transport;reportingCurrency;fx\r\n' +
      'nd-oxide;CN;2026-03-01;100;kg;1000;CNY;kg;air;USD;CNY:0,1390\r\n';
    const [header, row] = await batch(body);
    const cells = Object.fromEntries(
      (header ?? '').split(';').map((name, i) => [name, row?.split(';')[i]]),
    );
    expect(cells).toMatchObject({ goods: '13900,00', duties: '514,30', currency: 'USD' });
  });
});
