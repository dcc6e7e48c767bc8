import { describe, expect, it } from 'vitest';
import { call, postJson, problemOf } from '../helpers';

const PRICE = { amount: '10', per: 'kg' };
const FLOOR = { amount: '16', per: 'kg' };

async function ok<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

describe('ISO codes in any case, answered in upper case', () => {
  it('landed cost takes origin "cn" and destination "us" and answers CN and US', async () => {
    const answer = await ok<{ lane: { origin: string; destination: string } }>(
      await postJson('/v1/landed-cost', {
        mineral: 'nd-oxide',
        origin: 'cn',
        destination: 'us',
        asOf: '2026-03-01',
        quantity: { value: '100', unit: 'kg' },
        price: PRICE,
      }),
    );
    expect(answer.lane).toMatchObject({ origin: 'CN', destination: 'US' });
  });

  it('an Incoterm in any case: fob is FOB', async () => {
    const answer = await ok<{ incoterm: string }>(
      await call(
        '/v1/landed-cost?mineral=nd-oxide&origin=CN&asOf=2026-03-01&quantity=100&unit=kg&price=50&per=kg&incoterm=fob',
      ),
    );
    expect(answer.incoterm).toBe('FOB');
  });

  it('the GET form takes origin=cn', async () => {
    const answer = await ok<{ lane: { origin: string } }>(
      await call(
        '/v1/landed-cost?mineral=nd-oxide&origin=cn&asOf=2026-03-01&quantity=100&unit=kg&price=50&per=kg',
      ),
    );
    expect(answer.lane.origin).toBe('CN');
  });

  it('currencies and fx codes in lower case: cny is CNY', async () => {
    // P = 70 CNY × 0.1390 = 9.7300 USD per kg; g = 16 − 9.73 = 6.27; full gap, 1 kg → duty 6.27
    const answer = await ok<{ duty: string; meta: { currency: string } }>(
      await postJson('/v1/floor-gap', {
        price: { amount: '70', currency: 'cny', per: 'kg' },
        floor: FLOOR,
        currency: 'usd',
        fx: { cny: '0.1390' },
      }),
    );
    expect(answer).toMatchObject({ duty: '6.27', meta: { currency: 'USD' } });
    const text = await call(
      '/v1/floor-gap?price=70&priceCurrency=cny&floor=16&per=kg&fx=cny:0.1390&format=text',
    );
    expect(await text.text()).toBe('6.27');
  });

  it('bloc tiers, reference look-ups and trade-effect prices take lower-case countries', async () => {
    const tiers = await ok<{ destinations: { country: string }[] }>(
      await postJson('/v1/bloc-tiers', {
        mineral: 'ndpr-oxide',
        redPrice: PRICE,
        floor: FLOOR,
        destinations: ['us', 'jp'],
        asOf: '2026-03-01',
      }),
    );
    expect(tiers.destinations.map((d) => d.country)).toEqual(['US', 'JP']);
    const country = await ok<{ code: string }>(await call('/v1/countries/cn?asOf=2026-03-01'));
    expect(country.code).toBe('CN');
    const measures = await ok<{ measures: unknown[] }>(
      await call('/v1/measures?origin=cn&destination=us&asOf=2026-03-01'),
    );
    expect(measures.measures.length).toBeGreaterThan(0);
  });

  it('a code that is not letters is still refused, naming the field', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-gap', { price: { ...PRICE, currency: 'US$' }, floor: FLOOR }),
      422,
    );
    expect(problem.detail).toBe(
      'price.currency must be an ISO 4217 currency code such as "USD" (got "US$").',
    );
  });
});

describe('method as a string shorthand', () => {
  it('"full-gap" and "tranche" answer exactly as their objects do', async () => {
    for (const type of ['full-gap', 'tranche']) {
      const long = await ok<Record<string, unknown>>(
        await postJson('/v1/floor-gap', { price: PRICE, floor: FLOOR, method: { type } }),
      );
      const short = await ok<Record<string, unknown>>(
        await postJson('/v1/floor-gap', { price: PRICE, floor: FLOOR, method: type }),
      );
      const { meta: _a, ...longAnswer } = long;
      const { meta: _b, ...shortAnswer } = short;
      expect(shortAnswer, type).toEqual(longAnswer);
      expect(short.method).toBe(type);
    }
    // tranche, customs-value basis, T = F = 16: g = 6 = 0.375T → 0.30 × (6 − 1.6) = 1.32
    const tranche = await ok<{ dutyPerUnit: string }>(
      await postJson('/v1/floor-gap', { price: PRICE, floor: FLOOR, method: 'tranche' }),
    );
    expect(tranche.dutyPerUnit).toBe('1.3200');
  });

  it('a method that needs a rate is told how to give it', async () => {
    const { requestId: _, ...problem } = await problemOf(
      await postJson('/v1/floor-gap', { price: PRICE, floor: FLOOR, method: 'capped' }),
      422,
    );
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'method: "capped" needs its rate: send { "type": "capped", "maxRate": "0.25" }.',
      errors: [
        {
          pointer: '/method',
          detail: '"capped" needs its rate: send { "type": "capped", "maxRate": "0.25" }',
        },
      ],
    });
  });

  it('the sweep, bloc tiers, trade effects and a what-if measure take the shorthand', async () => {
    const sweep = await ok<{ method: string }>(
      await postJson('/v1/floor-gap/sweep', {
        redPrices: ['10'],
        floors: ['16'],
        per: 'kg',
        method: 'tranche',
      }),
    );
    expect(sweep.method).toBe('tranche');
    const tiers = await ok<{ method: string }>(
      await postJson('/v1/bloc-tiers', {
        mineral: 'ndpr-oxide',
        redPrice: PRICE,
        floor: FLOOR,
        destinations: ['US'],
        method: 'full-gap',
        asOf: '2026-03-01',
      }),
    );
    expect(tiers.method).toBe('full-gap');
    // SMART, floor 16 full gap on CN only: CN 100 at price 10, AU 20 exempt → CN 25, AU 35
    const effects = await ok<{ origins: { origin: string; newImports: string }[] }>(
      await postJson('/v1/trade-effects', {
        destination: 'US',
        mineral: 'ndpr-oxide',
        asOf: '2026-03-01',
        floor: FLOOR,
        method: 'full-gap',
        flows: [
          { origin: 'CN', value: '100', price: '10' },
          { origin: 'AU', value: '20', price: '16' },
        ],
        elasticities: { importDemand: '-1', substitution: '1.5' },
      }),
    );
    expect(effects.origins.map((o) => o.origin)).toEqual(['CN', 'AU']);
    const landed = await ok<{ lines: { measureId: string; amount: string }[] }>(
      await postJson('/v1/landed-cost', {
        mineral: 'nd-oxide',
        origin: 'CN',
        asOf: '2026-03-01',
        quantity: { value: '100', unit: 'kg' },
        price: PRICE,
        measures: [{ id: 'what-if-floor', kind: 'floor-gap', floor: FLOOR, method: 'full-gap' }],
      }),
    );
    expect(landed.lines.map((l) => l.measureId)).toContain('what-if-floor');
  });
});

describe('a GET list parameter: each bad item is its own problem', () => {
  it('destinations=US,, names /destinations/1 and /destinations/2, not one of them', async () => {
    const problem = await problemOf(
      await call('/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&floor=16&per=kg&destinations=US,,'),
      422,
    );
    expect(problem.errors?.map((e) => [e.pointer, e.parameter])).toEqual([
      ['/destinations/1', 'destinations'],
      ['/destinations/2', 'destinations'],
    ]);
  });
});

describe('a blank query parameter is refused on every GET form, never read as left out', () => {
  type Parameter = { name: string; in: string };
  type Document = { paths: Record<string, { get?: { parameters?: Parameter[] } }> };

  it('each query parameter of each GET operation under /v1/, given blank, is a 422 naming it', async () => {
    const document = (await (await call('/openapi.json')).json()) as Document;
    const blank =
      'must not be blank: give a value, or leave the parameter out where it has a default';
    let checked = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      if (!path.startsWith('/v1/')) continue;
      const parameters = item.get?.parameters ?? [];
      const url = path.replace(/\{[^}]+\}/g, 'CN');
      for (const { name } of parameters.filter((p) => p.in === 'query')) {
        const problem = await problemOf(await call(`${url}?${name}=`), 422);
        expect(
          problem.errors?.filter((e) => e.parameter === name),
          `${url}?${name}=`,
        ).toEqual([expect.objectContaining({ detail: blank })]);
        checked++;
      }
    }
    // Every calculator's GET form and the reference look-ups were reached, not none.
    expect(checked).toBeGreaterThan(150);
  });
});
