import { describe, expect, it } from 'vitest';
import { call, problemOf } from '../helpers';

/** One GET form per calculator, each answering 200 as it stands. */
const GET_FORMS = {
  'floor-gap': '/v1/floor-gap?price=10&floor=16&per=kg',
  'landed-cost': '/v1/landed-cost?mineral=nd-oxide&origin=AU&quantity=10&unit=kg&price=75&per=kg',
  'bloc-tiers':
    '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US,JP&assume=no-duty',
  'benchmarks/check': '/v1/benchmarks/check?mineral=dy-oxide&price=1600&per=kg',
} as const;

describe('format=text: field names only the answer’s own fields', () => {
  for (const [name, url] of Object.entries(GET_FORMS)) {
    it(`${name}: the GET form answers 200`, async () => {
      const response = await call(url);
      expect(response.status, await response.clone().text()).toBe(200);
    });

    it(`${name}: field=constructor, __proto__, toString or hasOwnProperty is a 422 naming field, not Object.prototype's value`, async () => {
      for (const field of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        const response = await call(`${url}&format=text&field=${field}`);
        expect(response.status, `${field}: ${await response.clone().text()}`).toBe(422);
        const problem = await problemOf(response, 422);
        expect(problem.errors?.map((e) => [e.parameter, e.pointer])).toEqual([['field', '/field']]);
      }
    });
  }
});

describe('POST /v1/landed-cost/batch: media types in Content-Type and Accept compare case-insensitively', () => {
  it('Accept: TEXT/CSV gets the CSV answer, as text/csv does', async () => {
    for (const accept of ['text/csv', 'TEXT/CSV', 'Text/CSV; charset=utf-8']) {
      const response = await call('/v1/landed-cost/batch', {
        method: 'POST',
        headers: { 'content-type': 'Text/CSV', accept },
        body: 'mineral,origin,asOf,quantity,unit,price,per\r\nnd-oxide,CN,2026-03-01,1,t,50,kg\r\n',
      });
      expect(response.status, accept).toBe(200);
      expect(response.headers.get('content-type'), accept).toBe('text/csv; charset=utf-8');
    }
  });
});

describe('Accept with q-values (RFC 9110 §12.5.1): the batch and sweep answer the media type the client prefers', () => {
  // [Accept, what it gets]: q=0 is not acceptable; the highest q wins; on a tie the more specific
  // range, then JSON; no Accept and */* are JSON
  const cases: [string | undefined, 'csv' | 'json'][] = [
    [undefined, 'json'],
    ['*/*', 'json'],
    ['text/csv', 'csv'],
    ['text/csv;q=0', 'json'], // was CSV
    ['application/json, text/csv;q=0.5', 'json'], // was CSV
    ['text/*', 'csv'],
    ['text/csv;q=1, application/json;q=0.9', 'csv'],
    ['application/json;q=0.9, text/csv;q=0.9', 'json'], // a tie of equally specific ranges: JSON
    ['*/*;q=0.5, text/csv;q=0.5', 'csv'], // a tie: text/csv is more specific than */*
    ['text/*;q=0.8, text/csv;q=0, */*;q=0.1', 'json'], // text/csv's own range says no
  ];
  const contentType = (response: Response) =>
    response.headers.get('content-type')?.startsWith('text/csv') ? 'csv' : 'json';

  for (const [accept, expected] of cases) {
    it(`Accept: ${accept ?? '(none)'} → ${expected}`, async () => {
      const headers = (type: string) => ({
        'content-type': type,
        ...(accept === undefined ? {} : { accept }),
      });
      const batch = await call('/v1/landed-cost/batch', {
        method: 'POST',
        headers: headers('text/csv'),
        body: 'mineral,origin,asOf,quantity,unit,price,per\r\nnd-oxide,CN,2026-03-01,1,t,50,kg\r\n',
      });
      expect(batch.status).toBe(200);
      expect(contentType(batch)).toBe(expected);
      const sweep = await call('/v1/floor-gap/sweep', {
        method: 'POST',
        headers: headers('application/json'),
        body: JSON.stringify({ redPrices: ['10'], floors: ['16'], per: 'kg' }),
      });
      expect(sweep.status).toBe(200);
      expect(contentType(sweep)).toBe(expected);
    });
  }

  it('a browser’s Accept (*/* at 0.8) gets JSON from the sweep, not its SVG or CSV', async () => {
    const sweep = await call('/v1/floor-gap/sweep', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      },
      body: JSON.stringify({ redPrices: ['10'], floors: ['16'], per: 'kg' }),
    });
    expect(sweep.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('POST calculators: an Accept rendering is found however its media type is spelt', () => {
  it('Accept: IMAGE/SVG+XML on POST /v1/bloc-tiers draws the chart, as image/svg+xml does', async () => {
    for (const accept of ['image/svg+xml', 'IMAGE/SVG+XML']) {
      const response = await call('/v1/bloc-tiers', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({
          mineral: 'ndpr-oxide',
          redPrice: { amount: '10', per: 'kg' },
          bluePrice: { amount: '15', per: 'kg' },
          floor: { amount: '16', per: 'kg' },
          destinations: ['US'],
        }),
      });
      expect(response.status, accept).toBe(200);
      expect(response.headers.get('content-type'), accept).toMatch(/^image\/svg\+xml/);
    }
  });
});

describe('every CSV of money or prices names its currency, and the text form answers field=currency', () => {
  // Each in a currency other than the default, so the column is the answer's, not a constant.
  // (floor-financing, floor-gap, landed-cost and bloc-tiers CSVs had the column already; the sweep's
  // CSV keeps exactly the contract's cell fields, its prices all in the request's currency.)
  const forms = {
    // oxide 0.30 / 0.85 = 0.352941… kg × (110 − 75) = 12.3529; 60 + 12.3529 = 72.3529 (EUR/kg)
    'content-floor': [
      '/v1/content-floor?stage=magnet&price=60&per=kg&mineral=ndpr-oxide&kgPerUnit=0.30&form=metal&metalPerOxide=0.85&floor=110&floorStage=oxide&redPrice=75&asOf=2026-11-21&currency=EUR',
      'per,stage,productPricePerUnit,dutyPerUnit,adValoremEquivalent,impliedFloorPerUnit,stageLeakPerUnit,currency',
      'kg,magnet,60.0000,12.3529,0.205882,72.3529,,EUR',
    ],
    // 100 EUR of Chinese Dy oxide in a 100,000 EUR product: 100 / 100,000 = 0.001
    'origin-content': [
      '/v1/origin-content?productValue=100000&currency=EUR&components=dy-oxide:CN:100&asOf=2026-11-21',
      'redValue,redShare,blueShare,greyShare,chinaContentShare,chinaLicenceRequired,chinaLicenceBasis,qualifiesAsBlue,asOf,warnings,currency',
      '100.00,0.001,0,0,0.001,true (assumed),assumed,false,2026-11-21,suspension-ended data-horizon,EUR',
    ],
  } as const;
  for (const [name, [url, header, row]] of Object.entries(forms)) {
    it(`${name}: the CSV's last column and field=currency`, async () => {
      const csv = await (await call(`${url}&format=csv`)).text();
      expect(csv).toBe(`${header}\r\n${row}\r\n`);
      expect(await (await call(`${url}&format=text&field=currency`)).text()).toBe('EUR');
    });
  }

  it('compare: each variant row names its currency; 350 CNY/kg × 0.14 = 49.00 USD/kg, reported in USD', async () => {
    const url =
      '/v1/landed-cost/compare?mineral=ndfeb-magnet&origin=CN&quantity=1000&unit=kg&price=350&currency=CNY&fxRate=0.14&reportingCurrency=USD&per=kg&asOf=2025-11-15,2026-03-01';
    const [header, ...rows] = (await (await call(`${url}&format=csv`)).text()).trim().split('\r\n');
    expect(header?.endsWith(',exemptions,currency')).toBe(true);
    expect(rows.map((r) => r.slice(r.lastIndexOf(',') + 1))).toEqual(['USD', 'USD']);
    expect(await (await call(`${url}&format=text&field=currency`)).text()).toBe('USD');
  });

  it("floor-gap sweep: the CSV keeps the contract's cell fields (the currency is the request's), and the text form answers field=currency", async () => {
    // a full-gap cell: 16 − 10 = 6.0000 duty, landed 16.0000 (EUR/kg), 6 / 10 = 0.6
    const url = '/v1/floor-gap/sweep?redPrices=10&floors=16&per=kg&currency=EUR';
    expect(await (await call(`${url}&format=csv`)).text()).toBe(
      'redPrice,floor,dutyPerUnit,landedPerUnit,adValoremEquivalent,floorMet,blueWins\r\n10.0000,16.0000,6.0000,16.0000,0.6,true,true\r\n',
    );
    expect(await (await call(`${url}&format=text&field=currency`)).text()).toBe('EUR');
  });

  it('bloc-tiers: the text form answers field=currency as its CSV column does', async () => {
    const url =
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US&currency=EUR&asOf=2026-11-21';
    expect(await (await call(`${url}&format=text&field=currency`)).text()).toBe('EUR');
  });
});
