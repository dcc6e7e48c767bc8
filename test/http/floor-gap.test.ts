import { describe, expect, it } from 'vitest';
import { call, postJson, problemOf, rawJson } from '../helpers';

interface FloorGapBody {
  pricePerUnit: string;
  referencePerUnit: string;
  floorPerUnit: string;
  gapPerUnit: string;
  dutyPerUnit: string;
  duty: string;
  adValoremEquivalent: string;
  binding: boolean;
  landedPerUnit: string;
  per: string;
  formula: string;
  meta: { asOf: string; currency: string; rounding: string; warnings: { code: string }[] };
}

async function floorGap(body: unknown): Promise<FloorGapBody> {
  const response = await postJson('/v1/floor-gap', body);
  expect(response.status).toBe(200);
  return (await response.json()) as FloorGapBody;
}

const usd = (amount: string, per = 'kg') => ({ amount, currency: 'USD', per });

describe('POST /v1/floor-gap', () => {
  it('the worked example with a 25% other duty: 3.5/kg × 1000 kg = 3500.00 on the duty-paid basis', async () => {
    const body = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      quantity: { value: '1000', unit: 'kg' },
      otherDutyRate: '0.25',
      asOf: '2026-11-21',
    });
    expect(body).toMatchObject({
      pricePerUnit: '10.0000',
      referencePerUnit: '12.5000',
      floorPerUnit: '16.0000',
      gapPerUnit: '3.5000',
      dutyPerUnit: '3.5000',
      duty: '3500.00',
      adValoremEquivalent: '0.35',
      binding: true,
      landedPerUnit: '16.0000',
      per: 'kg',
    });
    expect(body.formula).toBe(
      'R = P × (1 + r) = 10.0000 × (1 + 0.25) = 12.5000; g = max(0, F − R) = max(0, 16.0000 − 12.5000) = 3.5000; full gap: d = g = 3.5000; duty = d × 1000 kg = 3500.00 USD; R + d = 16.0000 ≥ F: floor met',
    );
    expect(body.meta).toEqual({
      dataVersion: '2026-12-03.3',
      asOf: '2026-11-21',
      currency: 'USD',
      rounding: 'half-up',
      warnings: [],
    });
  });

  it('the same on the customs-value basis: gap 6, duty 6000.00', async () => {
    const body = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      quantity: { value: '1', unit: 't' },
      otherDutyRate: 0.25,
      basis: 'customs-value',
    });
    expect(body.dutyPerUnit).toBe('6.0000');
    expect(body.duty).toBe('6000.00');
  });

  it('a benchmark per t with a price per kg: La oxide at 15 USD/kg under g7-lree-floor (20000 USD/t), 2000 kg', async () => {
    // 15 USD/kg = 15000 USD/t; gap 20000 − 15000 = 5000/t; 2000 kg = 2 t → 10000.00
    const body = await floorGap({
      price: usd('15'),
      benchmark: 'g7-lree-floor',
      quantity: { value: '2000', unit: 'kg' },
      asOf: '2026-11-21',
    });
    expect(body).toMatchObject({
      per: 't',
      pricePerUnit: '15000.0000',
      gapPerUnit: '5000.0000',
      duty: '10000.00',
    });
    expect(body.meta.warnings.map((w) => w.code)).toContain('reported-figure');
  });

  it('the DoD NdPr contract floor (110 USD/kg) against red NdPr at 62 USD/kg: gap 48, no reported-figure warning, but not a border floor', async () => {
    const body = await floorGap({
      price: usd('62'),
      benchmark: 'dod-ndpr-floor',
      asOf: '2026-11-21',
    });
    expect(body.dutyPerUnit).toBe('48.0000');
    // a contract, not a reported figure; but a producer-side one, priced here as a border duty
    expect(body.meta.warnings.map((w) => w.code)).toEqual(['not-a-border-floor']);
  });

  it('a price in CNY with an fx rate: 100 CNY/kg × 0.1390 = 13.90 USD/kg, floor 16 → 2.10', async () => {
    const body = await floorGap({
      price: { amount: '100', currency: 'CNY', per: 'kg' },
      floor: usd('16'),
      fx: { CNY: '0.1390' },
    });
    expect(body.pricePerUnit).toBe('13.9000');
    expect(body.duty).toBe('2.10');
  });

  it('a JPY report rounds money to 0 places: 1000 JPY/kg under a 1500.5 JPY/kg floor, 3 kg → 1502', async () => {
    // gap 500.5/kg × 3 kg = 1501.5 → 1502 (half-up), 1502 (half-even: 1501.5 → 1502, even)
    const body = await floorGap({
      price: { amount: '1000', currency: 'JPY', per: 'kg' },
      floor: { amount: '1500.5', currency: 'JPY', per: 'kg' },
      quantity: { value: '3', unit: 'kg' },
      currency: 'JPY',
    });
    expect(body.duty).toBe('1502');
  });

  it('half-even rounding applies only when reporting: gap 0.125 × 1 kg → 0.12 (half-up would say 0.13)', async () => {
    const body = await floorGap({ price: usd('10'), floor: usd('10.125'), rounding: 'half-even' });
    expect(body.duty).toBe('0.12');
    expect(body.dutyPerUnit).toBe('0.1250');
    expect(body.meta.rounding).toBe('half-even');
  });

  it('tranche with the WTO default bands: P = 50, F = 100 → 14 per kg', async () => {
    const body = await floorGap({
      price: usd('50'),
      floor: usd('100'),
      method: { type: 'tranche' },
    });
    expect(body.dutyPerUnit).toBe('14.0000');
  });

  it('capped and all-or-nothing in JSON: min(6, 0.25 × 10) = 2.5; 0.477 × 10 = 4.77', async () => {
    expect(
      (
        await floorGap({
          price: usd('10'),
          floor: usd('16'),
          method: { type: 'capped', maxRate: '0.25' },
        })
      ).dutyPerUnit,
    ).toBe('2.5000');
    expect(
      (
        await floorGap({
          price: usd('10'),
          floor: usd('16'),
          method: { type: 'all-or-nothing', penaltyRate: '0.477' },
        })
      ).dutyPerUnit,
    ).toBe('4.7700');
  });
});

describe('POST /v1/floor-gap: problems name the field', () => {
  it('negative price, exponent string and unknown field: one 422 entry each', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-gap', {
        price: { amount: '-1', per: 'kg' },
        floor: { amount: '1e3', per: 'kg' },
        colour: 'red',
      }),
      422,
    );
    expect(problem.errors?.map((e) => e.pointer).sort()).toEqual([
      '/colour',
      '/floor/amount',
      '/price/amount',
    ]);
  });

  it('neither floor nor benchmark → 422 at /floor; both → 422 at /benchmark', async () => {
    const neither = await problemOf(await postJson('/v1/floor-gap', { price: usd('10') }), 422);
    expect(neither.errors).toEqual([
      { pointer: '/floor', detail: 'is required (or give a benchmark id)' },
    ]);
    const both = await problemOf(
      await postJson('/v1/floor-gap', {
        price: usd('10'),
        floor: usd('16'),
        benchmark: 'dod-ndpr-floor',
      }),
      422,
    );
    expect(both.errors?.[0]?.pointer).toBe('/benchmark');
  });

  it('an unknown benchmark and a cap used as a floor are 422 at /benchmark', async () => {
    for (const benchmark of ['no-such-floor', 'g7-hree-cap']) {
      const problem = await problemOf(
        await postJson('/v1/floor-gap', { price: usd('10'), benchmark }),
        422,
      );
      expect(problem.errors?.[0]?.pointer).toBe('/benchmark');
    }
  });

  it('a currency without an fx rate is 422 naming the currency', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-gap', {
        price: { amount: '100', currency: 'CNY', per: 'kg' },
        floor: usd('16'),
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/price/currency');
    expect(problem.errors?.[0]?.detail).toContain('CNY');
  });

  it('tranche bands out of order are 422 at the offending band', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-gap', {
        price: usd('10'),
        floor: usd('16'),
        method: {
          type: 'tranche',
          bands: [
            { upTo: '0.5', share: '0.3' },
            { upTo: '0.4', share: '0.5' },
            { upTo: null, share: '1' },
          ],
        },
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/method/bands/1/upTo');
  });

  it('each bad band is named once with why: an unbounded band before the last, an upTo not above the one before', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-gap', {
        price: usd('10'),
        floor: usd('16'),
        method: {
          type: 'tranche',
          bands: [
            { upTo: null, share: '0.3' },
            { upTo: '0.4', share: '0.5' },
            { upTo: '0.4', share: '0.7' },
            { upTo: null, share: '1' },
          ],
        },
      }),
      422,
    );
    expect(problem.errors).toEqual([
      { pointer: '/method/bands/0/upTo', detail: 'may be null only in the last band' },
      { pointer: '/method/bands/2/upTo', detail: 'must be greater than the previous band’s upTo' },
    ]);
  });

  it('a band share above 1 would charge more than its slice of the gap: 422 at the share', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-gap', {
        price: usd('10'),
        floor: usd('16'),
        method: { type: 'tranche', bands: [{ upTo: null, share: '2' }] },
      }),
      422,
    );
    expect(problem.errors).toEqual([
      { pointer: '/method/bands/0/share', detail: 'must be a share from 0 to 1 (got "2")' },
    ]);
  });

  it('a share of exactly 1 taxes the whole slice: price 10, floor 16, one band (null, 1) → duty 6 = the full gap', async () => {
    const response = await postJson('/v1/floor-gap', {
      price: usd('10'),
      floor: usd('16'),
      method: { type: 'tranche', bands: [{ upTo: null, share: '1' }] },
    });
    expect(response.status).toBe(200);
    // g = 16 − 10 = 6 (basis customs-value, T = F = 16); d = 1 × 6 = 6.
    expect(((await response.json()) as { duty: string }).duty).toBe('6.00');
  });
});

describe('GET /v1/floor-gap (spreadsheets)', () => {
  it('format=text answers the bare duty: price 10, floor 16 per kg → 6.00', async () => {
    const response = await call('/v1/floor-gap?price=10&floor=16&per=kg&format=text');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('6.00');
  });

  it('format=text of a value that does not exist reads "none", never a blank 200; CSV leaves the cell empty', async () => {
    // a price of 0 has no ad valorem equivalent (duty / price); the duty is the full floor, 16
    const query = '/v1/floor-gap?price=0&floor=16&per=kg&asOf=2026-11-21';
    const text = await call(`${query}&format=text&field=adValoremEquivalent`);
    expect(text.status).toBe(200);
    expect(await text.text()).toBe('none');
    const csv = (await (await call(`${query}&format=csv`)).text()).split('\r\n')[1];
    expect(csv?.split(',').slice(0, 8)).toEqual([
      '16.00',
      '16.0000',
      '16.0000',
      '0.0000',
      '0.0000',
      '16.0000',
      '16.0000',
      '',
    ]);
  });

  it('format=csv answers a header row and one value row', async () => {
    const response = await call(
      '/v1/floor-gap?price=10&floor=16&per=kg&otherDutyRate=0.25&asOf=2026-11-21&format=csv',
    );
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await response.text()).toBe(
      'duty,dutyPerUnit,gapPerUnit,pricePerUnit,referencePerUnit,floorPerUnit,landedPerUnit,adValoremEquivalent,binding,floorMet,currency,per,quantity,basis,method,asOf,warnings\r\n' +
        '3.50,3.5000,3.5000,10.0000,12.5000,16.0000,16.0000,0.35,true,true,USD,kg,1,duty-paid,full-gap,2026-11-21,\r\n',
    );
  });

  // 7 and 10 per lb, no other duty: R = 7, g = d = 3 per lb. 0.5 kg = 0.5 / 0.45359237 lb =
  // 1.10231131092438… lb (it does not terminate), so the duty is 3 × 1.10231131092438… =
  // 3.30693393277… → 3.31, and dutyPerUnit × quantity = 3.0000 × 1.1023113109 = 3.3069339327 → 3.31.
  const restated =
    '/v1/floor-gap?price=7&floor=10&per=lb&quantity=0.5&quantityUnit=kg&asOf=2026-11-21';

  it('a quantity in another unit is answered in the floor’s unit, where dutyPerUnit × quantity is the duty: 0.5 kg under a floor per lb is 1.1023113109 lb, duty 3.31', async () => {
    const response = await call(`${restated}&format=csv`);
    expect(await response.text()).toBe(
      'duty,dutyPerUnit,gapPerUnit,pricePerUnit,referencePerUnit,floorPerUnit,landedPerUnit,adValoremEquivalent,binding,floorMet,currency,per,quantity,basis,method,asOf,warnings\r\n' +
        // d / P = 3 / 7 = 0.4285714… → 0.428571
        '3.31,3.0000,3.0000,7.0000,7.0000,10.0000,10.0000,0.428571,true,true,USD,lb,1.1023113109,duty-paid,full-gap,2026-11-21,\r\n',
    );
  });

  it('field=quantity is the quantity in the floor’s unit too: 1.1023113109 (lb), not the 0.5 (kg) given', async () => {
    const response = await call(`${restated}&format=text&field=quantity`);
    expect(await response.text()).toBe('1.1023113109');
  });

  it('field picks another value: landedPerUnit under a cap', async () => {
    const response = await call(
      '/v1/floor-gap?price=10&floor=16&per=kg&method=capped&maxRate=0.1&format=text&field=landedPerUnit',
    );
    // d = min(6, 0.1 × 10) = 1; landed = 10 + 1
    expect(await response.text()).toBe('11.0000');
  });

  it('a conversion that terminates is written exact: 2 t under a floor per kg is 2000 kg, beside the 2 t given', async () => {
    // 2 × 1000 = 2000 kg; d = 16 − 10 = 6 per kg, duty 6 × 2000 = 12000.00
    const body = await (
      await call('/v1/floor-gap?price=10&floor=16&per=kg&quantity=2&quantityUnit=t&asOf=2026-11-21')
    ).json();
    expect(body).toMatchObject({
      dutyPerUnit: '6.0000',
      duty: '12000.00',
      per: 'kg',
      quantity: { value: '2000', unit: 'kg' },
      quantityGiven: { value: '2', unit: 't' },
    });
  });

  it('the JSON form equals the POST form for the same request', async () => {
    const get = await (
      await call('/v1/floor-gap?price=10&floor=16&per=kg&quantity=2&quantityUnit=t&asOf=2026-11-21')
    ).json();
    const post = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      quantity: { value: '2', unit: 't' },
      asOf: '2026-11-21',
    });
    expect(get).toEqual(post);
  });

  it('a benchmark from the query: quantity in the price’s unit (kg), floor per t', async () => {
    const response = await call(
      '/v1/floor-gap?price=15&per=kg&benchmark=g7-lree-floor&quantity=2000&format=text',
    );
    expect(await response.text()).toBe('10000.00');
  });

  it('a bare quantity is in the price’s unit (per), the floor a benchmark’s or given per another unit alike', async () => {
    // benchmark g7-lree-floor, 20,000 USD per t; price 15 per kg = 15,000 per t; g = d = 5,000
    // per t; quantity 2 kg = 0.002 t; duty 5,000 × 0.002 = 10.00
    const benchmark = await call(
      '/v1/floor-gap?price=15&per=kg&benchmark=g7-lree-floor&quantity=2&asOf=2026-11-21',
    );
    expect(await benchmark.json()).toMatchObject({
      duty: '10.00',
      quantity: { value: '0.002', unit: 't' },
      quantityGiven: { value: '2', unit: 'kg' },
    });
    // floor 16,000 per t; price 10 per kg = 10,000 per t; g = d = 6,000 per t; quantity 2 kg =
    // 0.002 t (was read as 2 t: duty 12000.00); duty 6,000 × 0.002 = 12.00
    const floorPer = await call(
      '/v1/floor-gap?price=10&floor=16000&per=kg&floorPer=t&quantity=2&asOf=2026-11-21',
    );
    expect(await floorPer.json()).toMatchObject({
      duty: '12.00',
      dutyPerUnit: '6000.0000',
      quantity: { value: '0.002', unit: 't' },
      quantityGiven: { value: '2', unit: 'kg' },
    });
    // quantityUnit=t says 2 t: 6,000 × 2 = 12000.00
    const inT = await call(
      '/v1/floor-gap?price=10&floor=16000&per=kg&floorPer=t&quantity=2&quantityUnit=t&asOf=2026-11-21&format=text',
    );
    expect(await inT.text()).toBe('12000.00');
  });

  it('bad values are a 422 naming the query parameter', async () => {
    const problem = await problemOf(await call('/v1/floor-gap?price=ten&floor=16&per=kg'), 422);
    expect(problem.errors).toEqual([
      expect.objectContaining({ parameter: 'price', pointer: '/price/amount' }),
    ]);
  });

  it('a blank parameter is a 422 naming it, never its default (before: otherDutyRate= was 0, method= full-gap)', async () => {
    const blank =
      'must not be blank: give a value, or leave the parameter out where it has a default';
    for (const [query, pointer, parameter] of [
      ['otherDutyRate=&format=text', '/otherDutyRate', 'otherDutyRate'],
      ['method=', '/method/type', 'method'],
      ['quantity=%20&format=csv', '/quantity/value', 'quantity'],
    ] as const) {
      const problem = await problemOf(
        await call(`/v1/floor-gap?price=10&floor=16&per=kg&asOf=2026-11-21&${query}`),
        422,
      );
      expect(problem.errors, query).toEqual([{ pointer, parameter, detail: blank }]);
    }
  });

  it('unknown and repeated parameters are a 400: a typo must not price the wrong trade', async () => {
    const unknown = await problemOf(
      await call('/v1/floor-gap?price=10&floor=16&per=kg&otherdutyrate=0.25'),
      400,
    );
    expect(unknown.errors?.[0]?.parameter).toBe('otherdutyrate');
    const repeated = await problemOf(
      await call('/v1/floor-gap?price=10&price=11&floor=16&per=kg'),
      400,
    );
    expect(repeated.errors).toEqual([
      { pointer: '/price', parameter: 'price', detail: 'is given more than once' },
    ]);
    expect(repeated.detail).toBe('price is given more than once.');
  });

  it('an unknown field for format=text is a 422 listing the fields', async () => {
    const problem = await problemOf(
      await call('/v1/floor-gap?price=10&floor=16&per=kg&format=text&field=nope'),
      422,
    );
    expect(problem.errors?.[0]?.parameter).toBe('field');
  });
});

describe('a tiny quantity restated in the floor unit is never written 0', () => {
  it('1e-11 kg under a floor per t: quantity 0.00000000000001 t, duty 0.01', async () => {
    const r = (await (
      await postJson('/v1/floor-gap', {
        price: { amount: '1000000000000', per: 't' },
        floor: { amount: '2000000000000', per: 't' },
        quantity: { value: '0.00000000001', unit: 'kg' },
      })
    ).json()) as { quantity: { value: string; unit: string }; duty: string };
    // 1e-11 kg = 1e-14 t (exact, 14 places); d = 2e12 − 1e12 = 1e12 per t; 1e12 × 1e-14 = 0.01.
    expect(r.quantity).toEqual({ value: '0.00000000000001', unit: 't' });
    expect(r.duty).toBe('0.01');
  });
});

describe('POST /v1/floor-gap?strict=true (query or body, every calculator)', () => {
  // A light-rare-earth import at 15 USD/kg against the G7 floor, reported at 20,000 USD/t.
  // Before, the POST ignored its query: 200 with the duty below.
  const body = {
    price: { amount: '15', currency: 'USD', per: 'kg' },
    benchmark: 'g7-lree-floor',
    asOf: '2026-12-02',
  };

  it('the reported G7 floor, known only until 2026-12-01: a 422 listing reported-figure and data-horizon', async () => {
    const plain = await postJson('/v1/floor-gap', body);
    expect(plain.status).toBe(200);
    // per t (the floor's unit): 15 × 1,000 = 15,000; gap 20,000 − 15,000 = 5,000; 1 t by default
    expect(((await plain.json()) as FloorGapBody).duty).toBe('5000.00');
    const response = await postJson('/v1/floor-gap?strict=true', body);
    const problem = (await problemOf(response, 422)) as {
      code?: string;
      warnings?: { code: string; rowIds?: string[]; knownUntil?: string }[];
    };
    expect(problem.code).toBe('strict');
    expect(problem.warnings?.map((w) => [w.code, w.rowIds, w.knownUntil])).toEqual([
      ['reported-figure', ['g7-lree-floor'], undefined],
      ['data-horizon', ['g7-lree-floor'], '2026-12-01'],
    ]);
  });

  it('before its horizon the floor is still a reported figure: strict=true is a 422 all the same', async () => {
    const response = await postJson('/v1/floor-gap?strict=true', { ...body, asOf: '2026-11-21' });
    const problem = (await problemOf(response, 422)) as { warnings?: { code: string }[] };
    expect(problem.warnings?.map((w) => w.code)).toEqual(['reported-figure']);
    expect((await postJson('/v1/floor-gap?strict=false', body)).status).toBe(200);
  });

  it('its query takes strict alone: assume and decimal (CSV options; it answers JSON) are 400s', async () => {
    for (const query of ['assume=no-duty', 'decimal=comma', 'format=csv']) {
      const problem = await problemOf(await postJson(`/v1/floor-gap?${query}`, body), 400);
      const parameter = query.split('=')[0] as string;
      expect(problem.errors, query).toEqual([
        { pointer: `/${parameter}`, parameter, detail: 'is not a parameter of this operation' },
      ]);
    }
  });
});

describe('POST /v1/floor-gap: a JSON number is read as written, never through a double', () => {
  const body = (price: string, floor: string) =>
    rawJson(
      {
        price: usd('@price'),
        floor: usd('@floor'),
        quantity: { value: '1000', unit: 'kg' },
        asOf: '2026-11-21',
      },
      { price, floor },
    );

  it('a number with an exponent (1e1, 1E+2, -2.5e-3) is a 422 at its pointer, not read as 10 or 100', async () => {
    for (const raw of ['1e1', '1E+2', '-2.5e-3']) {
      const problem = await problemOf(await postJson('/v1/floor-gap', body(raw, '16')), 422);
      expect(problem.errors, raw).toEqual([
        {
          pointer: '/price/amount',
          detail: `must be written as a plain decimal such as 10.50: exponents are not accepted (got "${raw}")`,
        },
        // -2.5e-3 is negative as well: both are said, as for the string "-2.5e-3".
        ...(raw.startsWith('-')
          ? [{ pointer: '/price/amount', detail: `must not be negative (got "${raw}")` }]
          : []),
      ]);
    }
  });

  it('29 digits are every digit: P and F one apart give a gap of 1, duty 1 × 1000 kg = 1000.00', async () => {
    // P = 12345678901234567890123456789 and F = P + 1 = 12345678901234567890123456790: as doubles
    // both are 1.2345678901234568e28, the gap 0 and the duty 0.00. Read exactly: R = P (no other
    // duty), g = F − R = 1, d = g = 1, duty = 1 × 1000 = 1000.00; P printed at 4 places.
    const response = await postJson(
      '/v1/floor-gap',
      body('12345678901234567890123456789', '12345678901234567890123456790'),
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as FloorGapBody;
    expect(answer).toMatchObject({
      pricePerUnit: '12345678901234567890123456789.0000',
      floorPerUnit: '12345678901234567890123456790.0000',
      gapPerUnit: '1.0000',
      dutyPerUnit: '1.0000',
      duty: '1000.00',
      binding: true,
    });
  });

  it('a 41-character number is too long, as its string would be (as a double it was 0.12345678901234568)', async () => {
    // "0." and 39 digits: 2 + 39 = 41 characters, one past the limit of 40.
    const raw = '0.123456789012345678901234567890123456789';
    expect(raw).toHaveLength(41);
    const problem = await problemOf(await postJson('/v1/floor-gap', body(raw, '16')), 422);
    expect(problem.errors?.map((e) => [e.pointer, e.detail])).toEqual([
      ['/price/amount', expect.stringContaining('at most 40 characters')],
    ]);
  });
});
