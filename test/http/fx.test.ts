import { describe, expect, it } from 'vitest';
import { CURRENCY_MINOR_UNITS } from '../../src/domain/currencies';
import { call, postJson, problemOf } from '../helpers';

/** Valid requests of each calculator that takes `fx`, as JSON text with the fx object to splice in. */
const WITH_FX = {
  '/v1/floor-gap': (fx: string) =>
    `{"price":{"amount":"10","per":"kg"},"floor":{"amount":"16","per":"kg"},"fx":${fx}}`,
  '/v1/landed-cost': (fx: string) =>
    `{"mineral":"nd-oxide","origin":"CN","destination":"US","asOf":"2026-03-01","quantity":{"value":"1","unit":"t"},"price":{"amount":"50","per":"kg"},"fx":${fx}}`,
  '/v1/bloc-tiers': (fx: string) =>
    `{"mineral":"ndpr-oxide","redPrice":{"amount":"10","per":"kg"},"bluePrice":{"amount":"15","per":"kg"},"floor":{"amount":"16","per":"kg"},"destinations":["US"],"fx":${fx}}`,
} as const;

describe('fx: every key is a currency code, however it is spelt in JSON', () => {
  for (const [path, body] of Object.entries(WITH_FX)) {
    it(`${path}: a valid fx answers 200`, async () => {
      const response = await postJson(path, body('{"CNY":"0.1390"}'));
      expect(response.status, await response.clone().text()).toBe(200);
    });

    it(`${path}: "__proto__", "constructor" or "c1y" as an fx key is a 422 at that key, not silently dropped`, async () => {
      for (const key of ['__proto__', 'constructor', 'c1y']) {
        const response = await postJson(path, body(`{"${key}":{}}`));
        const problem = await problemOf(response, 422);
        expect(problem.errors, key).toContainEqual({
          pointer: `/fx/${key}`,
          detail: `must be an ISO 4217 currency code such as "USD" (got "${key}")`,
        });
      }
    });
  }
});

describe('GET forms take fx as CODE:rate pairs (fx=CNY:0.1390,EUR:1.08)', () => {
  it('floor-gap: a CNY price restated in USD through the listed rate', async () => {
    // P = 70 CNY × 0.1390 = 9.7300 USD per kg; g = 16 − 9.73 = 6.27; full gap, 1 kg → duty 6.27
    const response = await call(
      '/v1/floor-gap?price=70&priceCurrency=CNY&floor=16&per=kg&fx=CNY:0.1390,EUR:1.08&format=text',
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('6.27');
  });

  it('landed cost: the listed rates join fxRate, in either order', async () => {
    // goods 500 CNY × 0.1390 × 1000 kg = 69,500.00 USD; MFN 3.7% = 2,571.50; MPF 0.3464% =
    // 240.748 → 240.75; HMF 0.125% = 86.875 → 86.88; landed 69,500 + 2,571.50 + 240.75 + 86.88
    // = 72,399.13
    const shipment =
      'mineral=nd-oxide&origin=CN&asOf=2026-03-01&quantity=1000&unit=kg&price=500&per=kg&currency=CNY&reportingCurrency=USD&format=text';
    for (const rates of [
      'fx=CNY:0.1390,EUR:1.08',
      'fx=EUR:1.08&fxRate=0.1390',
      'fxRate=0.1390&fx=EUR:1.08',
    ]) {
      const response = await call(`/v1/landed-cost?${rates}&${shipment}`);
      expect(response.status, rates).toBe(200);
      expect(await response.text(), rates).toBe('72399.13');
    }
  });

  it('a list that is not CODE:rate pairs, or a key that is not a currency, is a 422 naming fx', async () => {
    const base = '/v1/floor-gap?price=70&priceCurrency=CNY&floor=16&per=kg';
    for (const fx of ['CNY0.1390', '__proto__:1,CNY:0.1390', 'CNY:0.1,CNY:0.2']) {
      const problem = await problemOf(await call(`${base}&fx=${fx}`), 422);
      expect(problem.errors?.[0]?.parameter, fx).toBe('fx');
    }
  });
});

describe('fx: one rate per currency, above zero, asked for where it is missing', () => {
  it('"CNY" and "cny" in one fx object name one currency twice: a 422 at the second key', async () => {
    const problem = await problemOf(
      await postJson(
        '/v1/floor-gap',
        JSON.parse(WITH_FX['/v1/floor-gap']('{"CNY":"0.139","cny":"0.2"}')),
      ),
      422,
    );
    expect(problem.errors).toEqual([
      {
        pointer: '/fx/cny',
        detail: 'gives the rate of CNY a second time (first as "CNY") (got "0.2")',
      },
    ]);
  });

  it('the GET list is read the same way: fx=CNY:0.139,cny:0.2 is a 422 naming fx', async () => {
    const response = await call(
      '/v1/floor-gap?price=70&priceCurrency=CNY&floor=16&per=kg&fx=CNY:0.139,cny:0.2',
    );
    const problem = await problemOf(response, 422);
    expect(
      problem.errors?.map((e) => [e.pointer, (e as { parameter?: string }).parameter]),
    ).toEqual([['/fx/cny', 'fx']]);
  });

  it('a rate of 0 is a 422 (it would price everything in that currency at nothing)', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-gap', JSON.parse(WITH_FX['/v1/floor-gap']('{"CNY":"0"}'))),
      422,
    );
    expect(problem.errors).toEqual([
      {
        pointer: '/fx/CNY',
        detail:
          'must be greater than 0 (units of the reporting currency per 1 unit of this one) (got "0")',
      },
    ]);
  });

  it('GET landed cost in CNY with fx=CNY:0.139 reports in USD: 1,000 kg at 78 CNY → customs value 78,000 × 0.139 = 10842.00', async () => {
    const response = await call(
      '/v1/landed-cost?mineral=ndpr-oxide&origin=CN&destination=US&asOf=2026-03-01&quantity=1000&unit=kg&per=kg&price=78&currency=CNY&fx=CNY:0.139',
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as { customsValue: string; meta: { currency: string } };
    expect([body.customsValue, body.meta.currency]).toEqual(['10842.00', 'USD']);
  });

  it('the GET form and the CSV batch say how to add a rate their way: fx=CNY:<rate>, not a JSON object', async () => {
    const problem = await problemOf(
      await call('/v1/floor-gap?price=113&priceCurrency=CNY&floor=16&per=kg'),
      422,
    );
    expect(problem.errors).toEqual([
      {
        pointer: '/price/currency',
        parameter: 'priceCurrency',
        detail: 'is CNY but fx has no rate for CNY: add fx=CNY:<USD per 1 CNY>',
      },
    ]);
    const csv = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: 'mineral,origin,quantity,unit,price,currency,per,asOf\r\nnd-oxide,CN,1,kg,5,CNY,kg,2026-03-01\r\n',
    });
    // The line answers in CNY (its price's currency); the US fees are in USD.
    expect((await csv.text()).trim().split('\r\n')[1]?.split(',').at(-1)).toBe(
      'fx must be given: a measure on this shipment is in USD (add fx=USD:<CNY per 1 USD>).',
    );
  });

  it('benchmark check reporting in CNY asks for the USD rate of the benchmarks at /fx/USD', async () => {
    const problem = await problemOf(
      await postJson('/v1/benchmarks/check', {
        mineral: 'dy-oxide',
        price: { amount: '10000', currency: 'CNY', per: 'kg' },
        currency: 'CNY',
        asOf: '2026-12-01',
      }),
      422,
    );
    expect(problem.errors?.map((e) => e.pointer)).toEqual(['/fx/USD']);
    expect(problem.errors?.[0]?.detail).toMatch(
      /^must be given: [a-z0-9-]+ is quoted in USD \(add "fx": \{ "USD": "<CNY per 1 USD>" \}\)$/,
    );
  });

  it("benchmark check GET: currency is the price's; fx CNY:0.1390 answers in USD, as the POST does", async () => {
    // 113 CNY/kg incl. 13% VAT: 113 / 1.13 = 100 CNY/kg ex-VAT × 0.1390 = 13.90 USD/kg
    // = 13900.0000 USD/t, against the 20000 USD/t LREE floor: 20000 − 13900 = 6100.0000 below
    const query =
      '/v1/benchmarks/check?mineral=nd-oxide&price=113&currency=CNY&per=kg&fx=CNY:0.1390&vat=0.13&asOf=2026-03-01';
    const csv = await call(`${query}&format=csv`);
    expect(csv.status, await csv.clone().text()).toBe(200);
    const [, row] = (await csv.text()).trim().split('\r\n');
    expect(row).toBe(
      'g7-lree-floor,floor,reported,t,20000.0000,13900.0000,below-floor,6100.0000,true,USD,2026-03-01,reported-figure',
    );
    const viaGet = await call(query);
    const viaPost = await postJson('/v1/benchmarks/check', {
      mineral: 'nd-oxide',
      price: { amount: '113', currency: 'CNY', per: 'kg' },
      fx: { CNY: '0.1390' },
      vat: '0.13',
      asOf: '2026-03-01',
    });
    const get = (await viaGet.json()) as { results: unknown[]; meta: { currency: string } };
    const post = (await viaPost.json()) as { results: unknown[]; meta: { currency: string } };
    expect(get.meta.currency).toBe('USD');
    expect(get.results).toEqual(post.results);
    // reportingCurrency=USD says the same in so many words
    const named = await call(`${query}&reportingCurrency=USD`);
    expect(((await named.json()) as { results: unknown[] }).results).toEqual(post.results);
  });

  it('benchmark check GET: a CNY price with no fx is a 422 asking for the USD rate', async () => {
    const problem = await problemOf(
      await call(
        '/v1/benchmarks/check?mineral=nd-oxide&price=113&currency=CNY&per=kg&asOf=2026-03-01',
      ),
      422,
    );
    expect(problem.errors?.map((e) => e.pointer)).toEqual(['/fx/USD']);
  });

  it('benchmark check GET: currency=CNY prices and reports in CNY; 1600 USD/kg cap at fx USD:7 is 11200 CNY', async () => {
    const response = await call(
      '/v1/benchmarks/check?mineral=dy-oxide&price=10000&per=kg&currency=CNY&fx=USD:7&asOf=2026-12-01&benchmark=g7-hree-cap',
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as {
      results: { thresholdPerUnit: string; pricePerUnit: string }[];
      meta: { currency: string };
    };
    // the cap 1500 USD/kg × 7 = 10500.0000 CNY/kg; the price stays 10000.0000 CNY/kg
    expect(body.results.map((r) => [r.thresholdPerUnit, r.pricePerUnit])).toEqual([
      ['10500.0000', '10000.0000'],
    ]);
    expect(body.meta.currency).toBe('CNY');
  });

  it('benchmark check GET CSV and text name the answer’s currency (before: no column), which fx decides', async () => {
    const query = '/v1/benchmarks/check?mineral=dy-oxide&price=1600&per=kg&asOf=2026-11-21';
    const csv = async (params: string) =>
      (await (await call(`${query}&${params}&format=csv`)).text()).split('\r\n');
    const text = async (params: string) =>
      (await call(`${query}&${params}&format=text&field=currency`)).text();
    const header =
      'id,kind,benchmarkStatus,per,thresholdPerUnit,pricePerUnit,status,gapPerUnit,licenceRequired,currency,asOf,warnings';
    // currency=CNY, fx=USD:7: the answer is in CNY; the 1500 USD/kg cap × 7 = 10500 CNY/kg, the
    // price 1600 CNY/kg is within it (gap 0)
    expect(await csv('currency=CNY&fx=USD:7')).toEqual([
      header,
      'g7-hree-cap,cap,reported,kg,10500.0000,1600.0000,within-cap,0.0000,false,CNY,2026-11-21,reported-figure',
      '',
    ]);
    expect(await text('currency=CNY&fx=USD:7')).toBe('CNY');
    // currency=EUR, fx=EUR:1.08: the rate is against USD, so the answer is in USD; 1600 EUR/kg ×
    // 1.08 = 1728 USD/kg, 1728 − 1500 = 228 above the cap
    expect(await csv('currency=EUR&fx=EUR:1.08')).toEqual([
      header,
      'g7-hree-cap,cap,reported,kg,1500.0000,1728.0000,above-cap,228.0000,true,USD,2026-11-21,reported-figure',
      '',
    ]);
    expect(await text('currency=EUR&fx=EUR:1.08')).toBe('USD');
    // No floor or cap applies to gallium: no row, but the text form still names the currency the
    // answer is in
    const none = '/v1/benchmarks/check?mineral=gallium&price=100&per=kg&asOf=2026-11-21';
    expect(await (await call(`${none}&format=csv`)).text()).toBe(`${header}\r\n`);
    expect(await (await call(`${none}&currency=CNY&format=text&field=currency`)).text()).toBe(
      'CNY',
    );
  });
});

describe('fx: a map of more rates than there are currencies is one problem, not one per entry', () => {
  // 30,000 bad keys ("x0" … "x29999") at "-1" fit in a 1 MB body; each would be its own error
  // (a 3 MB answer). Counted first: 30,000 > 200 → one error at /fx.
  const tooMany = JSON.stringify(
    Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`x${i}`, '-1'])),
  );
  for (const [path, body] of Object.entries(WITH_FX)) {
    it(`${path}: 30,000 bad rates → one 422 at /fx`, async () => {
      const problem = await problemOf(await postJson(path, body(tooMany)), 422);
      expect(problem.errors).toEqual([
        { pointer: '/fx', detail: 'must have at most 200 rates (got 30000)' },
      ]);
    });
  }

  it('the GET form says the same: 201 well-formed pairs QAA:1 … are too many, not a malformed list', async () => {
    // 201 codes QAA, QAB, … QHS (26 per second letter), each at 1
    const pairs = Array.from(
      { length: 201 },
      (_, i) =>
        `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}:1`,
    ).join(',');
    for (const path of [
      '/v1/floor-gap?price=10&floor=16&per=kg',
      '/v1/floor-gap/sweep?redPrices=10&floors=16&per=kg',
    ]) {
      const problem = await problemOf(await call(`${path}&fx=${pairs}`), 422);
      expect(problem.errors).toEqual([
        { pointer: '/fx', parameter: 'fx', detail: 'must have at most 200 rates (got 201)' },
      ]);
    }
  });

  it('200 rates are read one by one: every bad key among them is an error of its own', async () => {
    // Every currency of ISO 4217 (155, at 1), then 43 three-letter codes ZXA, ZXB, … that are
    // none (no ISO 4217 code begins ZX or ZY), and the bad "a1" and "b1": 155 + 43 + 2 = 200 entries
    const currencies = Object.keys(CURRENCY_MINOR_UNITS);
    const unknown = Array.from(
      { length: 198 - currencies.length },
      (_, i) =>
        `Z${String.fromCharCode(88 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
    );
    const fx = JSON.stringify({
      ...Object.fromEntries([...currencies, ...unknown].map((c) => [c, '1'])),
      a1: '1',
      b1: '1',
    });
    const problem = await problemOf(
      await postJson('/v1/floor-gap', WITH_FX['/v1/floor-gap'](fx)),
      422,
    );
    expect(problem.errors?.map((e) => e.pointer)).toEqual([
      ...unknown.map((c) => `/fx/${c}`),
      '/fx/a1',
      '/fx/b1',
    ]);
  });
});
