import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/http/csv';
import { call, postJson, problemOf } from '../helpers';

const PRICE = { amount: '10', per: 'kg' };
const FLOOR = { amount: '16', per: 'kg' };

/** The body of a 422 without its request id (which differs per call). */
async function unprocessable(response: Response) {
  const { requestId: _, ...problem } = await problemOf(response, 422);
  return problem;
}

/** A problem body as the API writes it: one 422 listing `errors`, with `detail` summing them up. */
function problem422(
  detail: string,
  errors: { pointer: string; detail: string; parameter?: string }[],
) {
  return { type: 'about:blank', title: 'Unprocessable Content', status: 422, detail, errors };
}

describe('error messages name the field and read as English, never raw zod', () => {
  it('an enum value names the field, the allowed values and what was sent', async () => {
    const body = { price: PRICE, floor: FLOOR, method: { type: 'full_gap' } };
    expect(await unprocessable(await postJson('/v1/floor-gap', body))).toEqual(
      problem422(
        'method.type must be one of full-gap, tranche, capped, all-or-nothing (got "full_gap").',
        [
          {
            pointer: '/method/type',
            detail: 'must be one of full-gap, tranche, capped, all-or-nothing (got "full_gap")',
          },
        ],
      ),
    );
  });

  it('a value of the wrong JSON type says what type the field takes', async () => {
    const body = { price: { ...PRICE, currency: 5 }, floor: FLOOR };
    expect(await unprocessable(await postJson('/v1/floor-gap', body))).toEqual(
      problem422('price.currency must be a string (got 5).', [
        { pointer: '/price/currency', detail: 'must be a string (got 5)' },
      ]),
    );
  });

  it('a missing required field is named in the detail', async () => {
    expect(await unprocessable(await postJson('/v1/floor-gap', { floor: FLOOR }))).toEqual(
      problem422('price is required.', [{ pointer: '/price', detail: 'is required' }]),
    );
  });

  it('an unknown key is named, with the field it was probably meant to be', async () => {
    const body = { price: PRICE, floor: FLOOR, asof: '2026-11-21' };
    expect(await unprocessable(await postJson('/v1/floor-gap', body))).toEqual(
      problem422('asof is not a field of this request (did you mean "asOf"?).', [
        { pointer: '/asof', detail: 'is not a field of this request (did you mean "asOf"?)' },
      ]),
    );
  });

  it('a price or quantity with an unknown key is refused, not priced in the wrong currency', async () => {
    const body = { price: { ...PRICE, curency: 'CNY' }, floor: FLOOR };
    expect(await unprocessable(await postJson('/v1/floor-gap', body))).toEqual(
      problem422('price.curency is not a field of price (did you mean "currency"?).', [
        { pointer: '/price/curency', detail: 'is not a field of price (did you mean "currency"?)' },
      ]),
    );
  });

  it('a date, a decimal and a country code that break their pattern quote what was sent', async () => {
    const body = {
      mineral: 'ndpr-oxide',
      origin: 'China',
      asOf: '2026-13-01',
      quantity: { value: '1e3', unit: 'kg' },
      price: PRICE,
    };
    expect(await unprocessable(await postJson('/v1/landed-cost', body))).toEqual(
      problem422(
        'The request body has 3 problems, at origin, asOf and quantity.value; see errors.',
        [
          {
            pointer: '/origin',
            detail:
              'must be an ISO 3166-1 alpha-2 country code such as "CN", or "EU" (got "China")',
          },
          { pointer: '/asOf', detail: 'must be a date YYYY-MM-DD (got "2026-13-01")' },
          {
            pointer: '/quantity/value',
            detail:
              'must be written as a plain decimal such as 10.50: exponents are not accepted (got "1e3")',
          },
        ],
      ),
    );
  });

  it('a list outside its size limits says the limit and the size sent', async () => {
    const sweep = { redPrices: [], floors: ['16'], per: 'kg' };
    expect(await unprocessable(await postJson('/v1/floor-gap/sweep', sweep))).toEqual(
      problem422('redPrices must not be empty.', [
        { pointer: '/redPrices', detail: 'must not be empty' },
      ]),
    );
    const shipment = {
      origin: 'CN',
      mineral: 'nd-oxide',
      quantity: { value: '1', unit: 'kg' },
      price: PRICE,
    };
    const compare = { shipment, variants: [{ label: 'only one' }] };
    expect(await unprocessable(await postJson('/v1/landed-cost/compare', compare))).toEqual(
      problem422('variants must have at least 2 items (got 1 item).', [
        { pointer: '/variants', detail: 'must have at least 2 items (got 1 item)' },
      ]),
    );
  });

  it('a value that fits none of a union’s forms lists the forms', async () => {
    const body = { price: PRICE, floor: FLOOR, method: 5 };
    expect(await unprocessable(await postJson('/v1/floor-gap', body))).toEqual(
      problem422(
        'method must be one of full-gap, tranche, or an object such as { "type": "capped", "maxRate": "0.25" } (got 5).',
        [
          {
            pointer: '/method',
            detail:
              'must be one of full-gap, tranche, or an object such as { "type": "capped", "maxRate": "0.25" } (got 5)',
          },
        ],
      ),
    );
  });

  it('an object meant as one form of a union is told what that form lacks', async () => {
    const body = { price: PRICE, floor: FLOOR, method: { type: 'capped' } };
    expect(await unprocessable(await postJson('/v1/floor-gap', body))).toEqual(
      problem422('method.maxRate is required.', [
        { pointer: '/method/maxRate', detail: 'is required' },
      ]),
    );
  });

  it('a body that is not an object says so', async () => {
    expect(await unprocessable(await postJson('/v1/floor-gap', '[1]'))).toEqual(
      problem422('The request body must be an object (got a list).', [
        { pointer: '', detail: 'must be an object (got a list)' },
      ]),
    );
  });

  it('a GET form names the query parameter in the detail and in each error', async () => {
    expect(
      await unprocessable(await call('/v1/floor-gap?price=10&floor=16&per=kg&method=full_gap')),
    ).toEqual(
      problem422(
        'method must be one of full-gap, tranche, capped, all-or-nothing (got "full_gap").',
        [
          {
            pointer: '/method/type',
            detail: 'must be one of full-gap, tranche, capped, all-or-nothing (got "full_gap")',
            parameter: 'method',
          },
        ],
      ),
    );
    expect(await unprocessable(await call('/v1/floor-gap?price=10&floor=16&per=kgs'))).toEqual(
      problem422('The query has 2 problems, at per and floorPer; see errors.', [
        {
          pointer: '/price/per',
          detail: 'must be one of t, kg, g, lb, st, ozt (got "kgs")',
          parameter: 'per',
        },
        {
          pointer: '/floor/per',
          detail: 'must be one of t, kg, g, lb, st, ozt (got "kgs")',
          parameter: 'floorPer',
        },
      ]),
    );
  });

  it('a malformed fx list on a GET form says what fx must look like', async () => {
    const base = '/v1/floor-gap?price=70&priceCurrency=CNY&floor=16&per=kg';
    expect(await unprocessable(await call(`${base}&fx=CNY0.139`))).toEqual(
      problem422(
        'fx must be CODE:rate pairs separated by commas, such as CNY:0.1390,EUR:1.08 (got "CNY0.139").',
        [
          {
            pointer: '/fx',
            detail:
              'must be CODE:rate pairs separated by commas, such as CNY:0.1390,EUR:1.08 (got "CNY0.139")',
            parameter: 'fx',
          },
        ],
      ),
    );
    expect(await unprocessable(await call(`${base}&fx=CNY:abc`))).toEqual(
      problem422(
        'fx: the rate of CNY must be a decimal string such as "10.50" (no exponent, no blanks) (got "abc").',
        [
          {
            pointer: '/fx/CNY',
            detail:
              'the rate of CNY must be a decimal string such as "10.50" (no exponent, no blanks) (got "abc")',
            parameter: 'fx',
          },
        ],
      ),
    );
  });

  it('a bad CSV batch line fails alone, its error naming the column', async () => {
    const csv =
      'entryId,mineral,origin,asOf,quantity,unit,price,per\r\n' +
      'A,nd-oxide,CN,2026-03-01,100,kg,50,kg\r\n' +
      'B,nd-oxide,CN,2026-03-01,100,kgs,50,kg\r\n';
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    const answer = (await response.json()) as {
      results: { ok: boolean; problem?: unknown }[];
      totals: { ok: number; failed: number };
    };
    expect(answer.totals).toMatchObject({ ok: 1, failed: 1 });
    expect(answer.results[1]?.problem).toEqual(
      problem422('unit must be one of t, kg, g, lb, st, ozt (got "kgs").', [
        {
          pointer: '/quantity/unit',
          detail: 'must be one of t, kg, g, lb, st, ozt (got "kgs")',
          parameter: 'unit',
        },
      ]),
    );
  });

  it('a JSON batch line’s problem points into the batch', async () => {
    const line = {
      mineral: 'nd-oxide',
      origin: 'CN',
      quantity: { value: '1', unit: 'kg' },
      price: PRICE,
    };
    const response = await postJson('/v1/landed-cost/batch', {
      lines: [line, { ...line, incoterm: 'F.O.B.' }],
    });
    const answer = (await response.json()) as { results: { problem?: unknown }[] };
    expect(answer.results[1]?.problem).toEqual(
      problem422(
        'lines[1].incoterm must be one of EXW, FCA, FOB, CFR, CPT, CIF, CIP (got "F.O.B.").',
        [
          {
            pointer: '/lines/1/incoterm',
            detail: 'must be one of EXW, FCA, FOB, CFR, CPT, CIF, CIP (got "F.O.B.")',
          },
        ],
      ),
    );
  });
});

describe('a failed batch line echoes a bounded entryId', () => {
  /** The batch's answer to one line, as JSON and as CSV (its entryId cell). */
  async function echoed(line: Record<string, unknown>) {
    const body = JSON.stringify({ lines: [line] });
    const json = await postJson('/v1/landed-cost/batch', body);
    const answer = (await json.json()) as {
      results: { entryId?: string; problem?: unknown }[];
    };
    const csv = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body,
    });
    expect(csv.status).toBe(200);
    const [header, row] = parseCsv(await csv.text());
    return { answer, csvEntryId: row?.[header?.indexOf('entryId') ?? -1] };
  }

  it('an entryId past 64 characters is echoed as its first 63 and "…", 64 in all (was 64 and "…", 65), and named as the problem', async () => {
    const line = {
      entryId: 'E'.repeat(100),
      mineral: 'nd-oxide',
      origin: 'CN',
      quantity: { value: '1', unit: 'kg' },
      price: PRICE,
    };
    const { answer, csvEntryId } = await echoed(line);
    // 100 characters sent; echoed: 63 E's + "…" = 64 characters, the longest an entryId may be.
    const entryId = answer.results[0]?.entryId;
    expect(entryId).toBe(`${'E'.repeat(63)}…`);
    expect(entryId?.length).toBe(64);
    expect(csvEntryId).toBe(entryId);
    expect(answer.results[0]?.problem).toEqual(
      problem422('lines[0].entryId must have at most 64 characters (got 100 characters).', [
        {
          pointer: '/lines/0/entryId',
          detail: 'must have at most 64 characters (got 100 characters)',
        },
      ]),
    );
  });

  it('the reviewers’ line (air, quantity "x"): the same 64 characters, in JSON and CSV', async () => {
    const { answer, csvEntryId } = await echoed({
      mineral: 'nd-oxide',
      origin: 'CN',
      asOf: '2026-03-01',
      transport: 'air',
      quantity: { value: 'x', unit: 'kg' },
      price: { amount: '1', per: 'kg' },
      entryId: 'E'.repeat(100),
    });
    expect(answer.results[0]?.entryId).toBe(`${'E'.repeat(63)}…`);
    expect(csvEntryId).toBe(`${'E'.repeat(63)}…`);
  });

  it('never half an emoji: a surrogate pair across the 63rd character is left out whole (63 in all)', async () => {
    // 62 E's, then 😀 as UTF-16 units 63 and 64: the first 63 units would end inside it, so the
    // echo is 62 E's + "…" = 63 characters.
    const { answer } = await echoed({
      entryId: `${'E'.repeat(62)}😀${'E'.repeat(10)}`,
      mineral: 'nd-oxide',
      origin: 'CN',
      quantity: { value: '1', unit: 'kg' },
      price: PRICE,
    });
    expect(answer.results[0]?.entryId).toBe(`${'E'.repeat(62)}…`);
  });
});

describe('the spreadsheet forms’ own parameters', () => {
  it('a misspelt query parameter is a 400 that says which one was meant', async () => {
    const { requestId: _, ...problem } = await problemOf(
      await call('/v1/floor-gap?price=10&floor=16&per=kg&asof=2026-01-01'),
      400,
    );
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'asof is not a parameter of this operation (did you mean "asOf"?).',
      errors: [
        {
          pointer: '/asof',
          parameter: 'asof',
          detail: 'is not a parameter of this operation (did you mean "asOf"?)',
        },
      ],
    });
  });

  it('a malformed query string (bad percent-encoding) is a 400 naming the parameter, not a 422 on its raw text', async () => {
    for (const query of [
      'price=%ZZ&floor=16&per=kg',
      'price=%FF&floor=16&per=kg',
      'price=10%&floor=16&per=kg',
    ]) {
      const problem = await problemOf(await call(`/v1/floor-gap?${query}`), 400);
      expect(problem.errors).toEqual([
        {
          pointer: '/price',
          parameter: 'price',
          detail:
            'is not valid percent-encoding: a % begins %XX of a UTF-8 character (write a % itself as %25)',
        },
      ]);
    }
    // well-formed encodings still read: %31%30 is "10"
    const ok = await call('/v1/floor-gap?price=%31%30&floor=16&per=kg&asOf=2026-11-21&format=text');
    expect(await ok.text()).toBe('6.00');
  });

  it('decimal and field say what they take and what was sent', async () => {
    expect(
      await unprocessable(
        await call('/v1/floor-gap?price=10&floor=16&per=kg&format=csv&decimal=komma'),
      ),
    ).toEqual(
      problem422('decimal must be one of point, comma (got "komma").', [
        {
          pointer: '/decimal',
          parameter: 'decimal',
          detail: 'must be one of point, comma (got "komma")',
        },
      ]),
    );
    const field = await unprocessable(
      await call('/v1/floor-gap?price=10&floor=16&per=kg&format=text&field=dutty'),
    );
    expect(field.detail).toMatch(
      /^field must be one of duty, dutyPerUnit, .*, warnings \(got "dutty"; did you mean "duty"\?\)\.$/,
    );
    expect(field.errors?.[0]).toMatchObject({ pointer: '/field', parameter: 'field' });
  });

  it('a value that fits none of a union’s forms is told each form', async () => {
    const body = {
      mineral: 'ndpr-oxide',
      redPrice: PRICE,
      floor: FLOOR,
      destinations: ['US'],
      redFreight: true,
    };
    expect(await unprocessable(await postJson('/v1/bloc-tiers', body))).toEqual(
      problem422(
        'redFreight must be an object or a decimal string such as "10.50" or a finite JSON number (got true).',
        [
          {
            pointer: '/redFreight',
            detail:
              'must be an object or a decimal string such as "10.50" or a finite JSON number (got true)',
          },
        ],
      ),
    );
  });
});
