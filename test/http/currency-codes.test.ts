import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectFloorline } from '../../examples/mcp/floorline-mcp';
import { app } from '../../src/app';
import { CurrencyCode, readsAsCurrency } from '../../src/http/schemas';
import { call, postJson, problemOf } from '../helpers';

/** The 422 of a request, without its request id. */
async function unprocessable(response: Response) {
  const { requestId: _, ...problem } = await problemOf(response, 422);
  return problem;
}

const NOT_ISO = 'is not an ISO 4217 currency code';

describe('a currency is one of ISO 4217, not any three letters (JSON forms)', () => {
  it('origin content: "NaN" as the product’s currency is a 422 at its pointer, not meta.currency "NAN"; "usd" is still USD', async () => {
    const request = (currency: string) => ({
      productValue: { amount: '100000', currency },
      components: [{ mineral: 'dy-oxide', origin: 'CN', value: '100' }],
      asOf: '2026-03-01',
    });
    const problem = await unprocessable(await postJson('/v1/origin-content', request('NaN')));
    expect(problem.detail).toBe(`productValue.currency ${NOT_ISO} (got "NaN").`);
    expect(problem.errors).toEqual([
      { pointer: '/productValue/currency', detail: `${NOT_ISO} (got "NaN")` },
    ]);
    // A code in lower case is read, and answered, in upper case, as before.
    const answer = await postJson('/v1/origin-content', request('usd'));
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { meta: { currency: string } }).meta.currency).toBe('USD');
  });

  it('floor gap: XYZ as price, floor and reporting currency, and as an fx key, is named at each', async () => {
    const problem = await unprocessable(
      await postJson('/v1/floor-gap', {
        price: { amount: '10', currency: 'XYZ', per: 'kg' },
        floor: { amount: '16', currency: 'xyz', per: 'kg' },
        currency: 'XYZ',
        fx: { XYZ: '1', CNY: '0.139' },
      }),
    );
    expect(problem.errors).toEqual([
      { pointer: '/price/currency', detail: `${NOT_ISO} (got "XYZ")` },
      { pointer: '/floor/currency', detail: `${NOT_ISO} (got "xyz")` },
      { pointer: '/currency', detail: `${NOT_ISO} (got "XYZ")` },
      { pointer: '/fx/XYZ', detail: `${NOT_ISO} (got "XYZ")` },
    ]);
  });

  it('ISO 4217’s codes of no currency (gold, testing, no currency, a fund) are refused as what they are', async () => {
    const problem = await unprocessable(
      await postJson('/v1/floor-gap', {
        price: { amount: '10', currency: 'XAU', per: 'kg' },
        floor: { amount: '16', currency: 'XTS', per: 'kg' },
        currency: 'xxx',
        fx: { CLF: '40' },
      }),
    );
    expect(problem.errors).toEqual([
      {
        pointer: '/price/currency',
        detail:
          'is the ISO 4217 code for a precious metal (one troy ounce), not a currency to price in (got "XAU")',
      },
      {
        pointer: '/floor/currency',
        detail: 'is the ISO 4217 code for tests, not a currency to price in (got "XTS")',
      },
      {
        pointer: '/currency',
        detail:
          'is the ISO 4217 code for transactions with no currency, not a currency to price in (got "xxx")',
      },
      {
        pointer: '/fx/CLF',
        detail: 'is the ISO 4217 code for a fund, not a currency to price in (got "CLF")',
      },
    ]);
  });
});

describe('a currency withdrawn from ISO 4217 since 2021 is still a currency to price in', () => {
  it('landed cost: 1 t of Nd oxide at 23,000 BGN/t into the EU on 2025-06-01, in EUR at 0.51129 per BGN', async () => {
    // goods = 23,000 × 0.51129 = 11,759.67 EUR (the request's own rate)
    const response = await postJson('/v1/landed-cost', {
      mineral: 'nd-oxide',
      origin: 'CN',
      destination: 'EU',
      asOf: '2025-06-01',
      quantity: { value: '1', unit: 't' },
      price: { amount: '23000', currency: 'BGN', per: 't' },
      currency: 'EUR',
      fx: { BGN: '0.51129' },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { goods: string }).goods).toBe('11759.67');
  });

  it('floor gap: HRK as the reporting currency, rounded at its 2 places; a floor in USD at 7.5345 HRK', async () => {
    // F = 2 USD/kg × 7.5345 = 15.069 HRK/kg; P = 10 HRK/kg; full gap g = 5.069 → 5.0690 per kg,
    // duty 5.069 × 3 kg = 15.207 → 15.21 HRK
    const response = await postJson('/v1/floor-gap', {
      price: { amount: '10', per: 'kg' },
      floor: { amount: '2', currency: 'usd', per: 'kg' },
      quantity: { value: '3', unit: 'kg' },
      currency: 'hrk',
      fx: { USD: '7.5345' },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const answer = (await response.json()) as {
      gapPerUnit: string;
      duty: string;
      meta: { currency: string };
    };
    expect([answer.gapPerUnit, answer.duty, answer.meta.currency]).toEqual([
      '5.0690',
      '15.21',
      'HRK',
    ]);
  });
});

describe('GET forms name the parameter that gave the currency', () => {
  it('floor gap: currency=XYZ and a fx list pair XYZ:1', async () => {
    const base = '/v1/floor-gap?price=10&floor=16&per=kg';
    expect(await unprocessable(await call(`${base}&currency=XYZ`))).toMatchObject({
      detail: `currency ${NOT_ISO} (got "XYZ").`,
      errors: [{ pointer: '/currency', parameter: 'currency', detail: `${NOT_ISO} (got "XYZ")` }],
    });
    expect((await unprocessable(await call(`${base}&fx=CNY:0.139,XYZ:1`))).errors).toEqual([
      { pointer: '/fx/XYZ', parameter: 'fx', detail: `the code ${NOT_ISO} (got "XYZ")` },
    ]);
  });

  it('landed cost: reportingCurrency=NaN', async () => {
    const problem = await unprocessable(
      await call(
        '/v1/landed-cost?mineral=nd-oxide&origin=CN&asOf=2026-03-01&quantity=1000&unit=kg&price=50&per=kg&reportingCurrency=NaN',
      ),
    );
    expect(problem.errors).toEqual([
      { pointer: '/currency', parameter: 'reportingCurrency', detail: `${NOT_ISO} (got "NaN")` },
    ]);
  });
});

describe('a GET form refuses a price currency once, where it was given, not again where the form copies it', () => {
  it('landed cost: currency=XYZ with fxRate is one problem at currency (no rate keyed XYZ named fx, no reporting currency XYZ)', async () => {
    const base =
      '/v1/landed-cost?mineral=nd-oxide&origin=CN&asOf=2026-03-01&quantity=1000&unit=kg&price=50&per=kg&currency=XYZ';
    for (const rate of ['&fxRate=1', '']) {
      expect((await unprocessable(await call(`${base}${rate}`))).errors, rate).toEqual([
        { pointer: '/price/currency', parameter: 'currency', detail: `${NOT_ISO} (got "XYZ")` },
      ]);
    }
  });

  it('benchmark check: currency=XYZ is one problem at currency', async () => {
    const problem = await unprocessable(
      await call('/v1/benchmarks/check?mineral=ndpr-oxide&price=50&per=kg&currency=XYZ'),
    );
    expect(problem.errors).toEqual([
      { pointer: '/price/currency', parameter: 'currency', detail: `${NOT_ISO} (got "XYZ")` },
    ]);
  });

  it('floor financing: floorCurrency=XYZ is not copied to upsideAbove; marketCurrency=XYZ of a price path is named marketCurrency', async () => {
    const base = '/v1/floor-financing?floor=110&per=kg&demand=5000&domesticOutput=1000&unit=t';
    const floor = await unprocessable(
      await call(`${base}&marketPrice=62&floorCurrency=XYZ&upsideAbove=120`),
    );
    expect(floor.errors).toEqual([
      { pointer: '/floor/currency', parameter: 'floorCurrency', detail: `${NOT_ISO} (got "XYZ")` },
    ]);
    // The one parameter is copied to each price of the path (and to marketPrice): one problem.
    const path = await unprocessable(
      await call(`${base}&pricePath=60,62&marketCurrency=XYZ&marketPrice=62`),
    );
    expect(path.detail).toBe(`marketCurrency ${NOT_ISO} (got "XYZ").`);
    expect(path.errors).toEqual([
      {
        pointer: '/marketPrice/currency',
        parameter: 'marketCurrency',
        detail: `${NOT_ISO} (got "XYZ")`,
      },
    ]);
  });
});

describe('a CSV batch line with a currency of no ISO 4217 code fails alone', () => {
  it('line B in XYZ: a problem naming the currency column; line A answers', async () => {
    const csv =
      'entryId,mineral,origin,asOf,quantity,unit,price,currency,per\r\n' +
      'A,nd-oxide,CN,2026-03-01,100,kg,50,USD,kg\r\n' +
      'B,nd-oxide,CN,2026-03-01,100,kg,50,XYZ,kg\r\n';
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      results: { ok: boolean; problem?: { detail: string; errors: unknown[] } }[];
      totals: { ok: number; failed: number };
    };
    expect(answer.totals).toMatchObject({ ok: 1, failed: 1 });
    expect(answer.results.map((r) => r.ok)).toEqual([true, false]);
    expect(answer.results[1]?.problem?.errors).toEqual([
      { pointer: '/price/currency', parameter: 'currency', detail: `${NOT_ISO} (got "XYZ")` },
    ]);
  });
});

describe('MCP: a tool argument in a currency of no ISO 4217 code is a tool error naming it', () => {
  it('computeFloorGap with price.currency XYZ', async () => {
    const client = await connectFloorline({
      url: 'http://floorline.test/mcp',
      fetch: async (url, init) => app.request(String(url), init, {}),
      jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
    });
    const result = (await client.callTool({
      name: 'computeFloorGap',
      arguments: {
        price: { amount: '10', currency: 'XYZ', per: 'kg' },
        floor: { amount: '16', per: 'kg' },
      },
    })) as CallToolResult;
    await client.close();
    expect(result.isError).toBe(true);
    const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
    expect(text).toContain(`- price.currency: ${NOT_ISO} (got "XYZ")`);
  });
});

describe("readsAsCurrency, the flat forms' check, is CurrencyCode's answer read without zod", () => {
  it('agrees with the schema on every code of three letters and on other text', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
    const code = fc.array(letter, { minLength: 3, maxLength: 3 }).map((l) => l.join(''));
    const other = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('ß', 'US', 'USDD', ' usd'));
    fc.assert(
      fc.property(fc.oneof(code, other, fc.integer()), (value) => {
        expect(readsAsCurrency(value)).toBe(CurrencyCode.safeParse(value).success);
      }),
      { numRuns: 3000 },
    );
    // Named cases: a currency in any case, a withdrawn one, a precious metal, a fund, no code.
    expect(['usd', 'EUR', 'Cny', 'HRK', 'XAU', 'XDR', 'XYZ', 'US'].map(readsAsCurrency)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
