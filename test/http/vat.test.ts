import { describe, expect, it } from 'vitest';
import { call, postJson, problemOf } from '../helpers';

/**
 * `vat`: the rate of VAT included in a quoted price, taken out before anything else.
 * A Chinese domestic quote of 113 CNY including 13% VAT is 113 / 1.13 = 100 CNY ex-VAT; at
 * fx CNY 0.1390 that is 13.90 USD.
 */
describe('vat: a quote including VAT is taken ex-VAT first, in every calculator', () => {
  it('floor-gap GET: 113 CNY incl. 13% VAT → 100 CNY → 13.90 USD; gap 16 − 13.90 = 2.10', async () => {
    const response = await call(
      '/v1/floor-gap?price=113&priceCurrency=CNY&vat=0.13&fx=CNY:0.1390&floor=16&per=kg&format=text',
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('2.10');
  });

  it('floor-gap POST: the same, and a quote that does not divide evenly is carried, not cut', async () => {
    const body = await (
      await postJson('/v1/floor-gap', {
        price: { amount: '113', currency: 'CNY', per: 'kg' },
        floor: { amount: '16', currency: 'USD', per: 'kg' },
        fx: { CNY: '0.1390' },
        vat: '0.13',
        asOf: '2026-11-21',
      })
    ).json();
    expect(body).toMatchObject({ pricePerUnit: '13.9000', gapPerUnit: '2.1000', duty: '2.10' });
    // 10 / 1.13 = 8.849557522…; g = 16 − 8.849557522… = 7.150442477… → 7.1504; × 1000 kg =
    // 7,150.442477… → 7,150.44 (not 1000 × 7.1504 = 7,150.40)
    const carried = await (
      await postJson('/v1/floor-gap', {
        price: { amount: '10', per: 'kg' },
        floor: { amount: '16', per: 'kg' },
        quantity: { value: '1000', unit: 'kg' },
        vat: '0.13',
        asOf: '2026-11-21',
      })
    ).json();
    expect(carried).toMatchObject({
      pricePerUnit: '8.8496',
      dutyPerUnit: '7.1504',
      duty: '7150.44',
    });
  });

  it('landed cost GET: 565 CNY incl. VAT → 500 CNY ex-VAT, priced as a 500 CNY quote', async () => {
    // goods 565 / 1.13 = 500 CNY × 0.1390 × 1000 kg = 69,500.00 USD; MFN 3.7% = 2,571.50;
    // MPF 0.3464% = 240.748 → 240.75; HMF 0.125% = 86.875 → 86.88;
    // landed 69,500 + 2,571.50 + 240.75 + 86.88 = 72,399.13 (freight and insurance carry no VAT)
    const response = await call(
      '/v1/landed-cost?mineral=nd-oxide&origin=CN&asOf=2026-03-01&quantity=1000&unit=kg&price=565&per=kg&currency=CNY&reportingCurrency=USD&vat=0.13&fx=CNY:0.1390&format=text',
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('72399.13');
  });

  it('bloc tiers GET: fx and vat apply to the red price; blue and the floor are as given', async () => {
    // red 113 CNY / 1.13 = 100 CNY × 0.1390 = 13.90 USD; blue 15: spread 15 − 13.90 = 1.1000;
    // in the US (floor 16, no other duty on 2846.90.20) red lands at 16, blue at 15 wins
    const query =
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=113&redCurrency=CNY&vat=0.13&fx=CNY:0.1390&bluePrice=15&floor=16&per=kg&destinations=US&floorMembers=US&asOf=2026-11-21';
    const body = (await (await call(query)).json()) as {
      tracks: unknown;
      destinations: unknown[];
    };
    expect(body.tracks).toEqual({
      red: '13.9000',
      blue: '15.0000',
      spread: '1.1000',
      // 1.1 / 13.9 = 0.0791366906… → 0.079137
      bluePremium: '0.079137',
    });
    expect(body.destinations[0]).toMatchObject({
      floorGapPerUnit: '2.1000',
      redLanded: '16.0000',
      tier: 'blue',
    });
  });

  it('bloc tiers GET takes fx: a CNY floor through the listed rate', async () => {
    // floor 100 CNY × 0.16 = 16.00 USD per kg
    const response = await call(
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=100&floorCurrency=CNY&fx=CNY:0.16&per=kg&destinations=US&floorMembers=US&asOf=2026-11-21&format=text&field=floorPerUnit',
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('16.0000');
  });

  it('sweep GET: every red price of the grid is taken ex-VAT', async () => {
    // red 11.3 / 1.13 = 10; floor 16, full gap → duty 6, landed 16; AVE 6 / 10 = 0.6; with no
    // bluePrice blue offers at the floor, 16, and a tie goes to blue
    const response = await call(
      '/v1/floor-gap/sweep?redPrices=11.3&floors=16&per=kg&vat=0.13&format=csv',
    );
    expect(await response.text()).toBe(
      'redPrice,floor,dutyPerUnit,landedPerUnit,adValoremEquivalent,floorMet,blueWins\r\n' +
        '10.0000,16.0000,6.0000,16.0000,0.6,true,true\r\n',
    );
  });

  it('benchmarks check GET: 1,808 incl. 13% VAT is 1,600 ex-VAT, 100 above the 1,500 cap', async () => {
    // 1808 / 1.13 = 1600; 1600 − 1500 = 100
    const response = await call(
      '/v1/benchmarks/check?mineral=dy-oxide&price=1808&per=kg&vat=0.13&asOf=2026-11-21&format=csv',
    );
    const [, row] = (await response.text()).split('\r\n');
    expect(row).toBe(
      'g7-hree-cap,cap,reported,kg,1500.0000,1600.0000,above-cap,100.0000,true,USD,2026-11-21,reported-figure',
    );
  });

  it('content floor POST: the product price and the red price are quotes; the floor is not', async () => {
    // product 67.80 / 1.13 = 60; red oxide 84.75 / 1.13 = 75; gap 110 − 75 = 35 per kg oxide;
    // oxide 0.30 / 0.85 = 0.352941… kg per kg of magnet; duty 35 × 0.352941… = 12.352941… →
    // 12.3529; implied floor 60 + 12.3529 = 72.3529
    const body = (await (
      await postJson('/v1/content-floor', {
        product: {
          stage: 'magnet',
          price: { amount: '67.80', per: 'kg' },
          content: [
            { mineral: 'ndpr-oxide', kgPerUnit: '0.30', form: 'metal', metalPerOxide: '0.85' },
          ],
        },
        floors: [{ mineral: 'ndpr-oxide', stage: 'oxide', price: { amount: '110', per: 'kg' } }],
        redPrices: [{ mineral: 'ndpr-oxide', price: { amount: '84.75', per: 'kg' } }],
        vat: '0.13',
      })
    ).json()) as { lines: unknown[] };
    expect(body).toMatchObject({
      productPricePerUnit: '60.0000',
      dutyPerUnit: '12.3529',
      impliedFloorPerUnit: '72.3529',
    });
    expect(body.lines[0]).toMatchObject({ gapPerKgOxide: '35.0000' });
  });

  it('a negative vat is a 422 naming the parameter', async () => {
    const problem = await problemOf(
      await call('/v1/floor-gap?price=10&floor=16&per=kg&vat=-0.13'),
      422,
    );
    expect(problem.errors?.[0]).toMatchObject({
      parameter: 'vat',
      detail: 'must not be negative (got "-0.13")',
    });
  });
});

describe('every calculator takes vat and fx, in its JSON body and in its GET form', () => {
  interface Schema {
    $ref?: string;
    properties?: Record<string, Schema>;
    items?: Schema;
  }
  interface Operation {
    requestBody?: { content: Record<string, { schema: Schema }> };
    parameters?: { name: string }[];
  }

  it('the OpenAPI document says so for every POST under /v1/ and for its GET form', async () => {
    const document = (await (await call('/openapi.json')).json()) as {
      paths: Record<string, { post?: Operation; get?: Operation }>;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = (schema: Schema | undefined): Schema | undefined =>
      schema?.$ref === undefined
        ? schema
        : document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    const calculators = Object.entries(document.paths).filter(
      ([path, item]) => path.startsWith('/v1/') && item.post !== undefined,
    );
    expect(calculators.length).toBeGreaterThanOrEqual(11);
    for (const [path, item] of calculators) {
      const body = resolve(item.post?.requestBody?.content['application/json']?.schema);
      // A batch's lines and a comparison's shipment are landed-cost requests: they carry them.
      const carrier =
        resolve(body?.properties?.lines?.items) ?? resolve(body?.properties?.shipment) ?? body;
      expect({
        path,
        body: Object.keys(carrier?.properties ?? {})
          .filter(isFxOrVat)
          .sort(),
      }).toEqual({
        path,
        body: ['fx', 'vat'],
      });
      if (item.get === undefined) continue;
      const names = (item.get.parameters ?? []).map((p) => p.name).filter(isFxOrVat);
      expect({ path, query: names.sort() }).toEqual({ path, query: ['fx', 'vat'] });
    }
  });
});

function isFxOrVat(name: string): boolean {
  return name === 'fx' || name === 'vat';
}
