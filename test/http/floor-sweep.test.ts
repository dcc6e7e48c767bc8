import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, parseReported } from '../../src/numeric';
import { call, postJson, problemOf } from '../helpers';
import { amount, basis, method, otherDutyRate, rounding } from './floor-gap-arbitraries';

interface Cell {
  redPrice: string;
  floor: string;
  dutyPerUnit: string;
  landedPerUnit: string;
  adValoremEquivalent: string | null;
  floorMet: boolean;
  blueWins: boolean;
}
interface Sweep {
  cells: Cell[];
  basis: string;
  size: { cells: number };
  breakEven: {
    minFloorForBlue: string | null;
    maxRedPriceForRed: string | null;
    minMaxRateForBlue: string | null;
    reasons: Record<string, string>;
  };
}

/** Two printed decimals compared exactly. */
const compareReported = (a: string, b: string) => compare(parseReported(a), parseReported(b));

async function sweep(body: unknown): Promise<Sweep> {
  const response = await postJson('/v1/floor-gap/sweep', body);
  expect(response.status).toBe(200);
  return (await response.json()) as Sweep;
}

describe('POST /v1/floor-gap/sweep: the worked cases', () => {
  it('red 10, blue 15, WTO tranche: minFloorForBlue 25.5319 (0.47F − 7 = 5), and the cells flip there', async () => {
    const r = await sweep({
      redPrices: ['10'],
      floors: { from: '24', to: '27', step: '1' },
      per: 'kg',
      bluePrice: '15',
      method: { type: 'tranche' },
    });
    // In the band where the gap is 60–75% of F: d = 0.70 × (F − 10 − 0.60F) + 0.19F = 0.47F − 7;
    // blue wins when 10 + d ≥ 15, i.e. 0.47F − 7 = 5 → F = 12 / 0.47 = 25.53191…
    expect(r.breakEven.minFloorForBlue).toBe('25.5319');
    expect(r.basis).toBe('customs-value');
    // F = 24: g = 14 (58% of F) → 0.50 × (14 − 9.6) + 0.09 × 24 = 2.2 + 2.16 = 4.36
    // F = 25: g = 15 (60%) → 0.50 × (15 − 10) + 0.09 × 25 = 2.5 + 2.25 = 4.75
    // F = 26: g = 16 → 0.70 × (16 − 15.6) + 0.19 × 26 = 0.28 + 4.94 = 5.22
    // F = 27: g = 17 → 0.70 × (17 − 16.2) + 0.19 × 27 = 0.56 + 5.13 = 5.69
    expect(
      r.cells.map((c) => [c.floor, c.dutyPerUnit, c.landedPerUnit, c.floorMet, c.blueWins]),
    ).toEqual([
      ['24.0000', '4.3600', '14.3600', false, false],
      ['25.0000', '4.7500', '14.7500', false, false],
      ['26.0000', '5.2200', '15.2200', false, true],
      ['27.0000', '5.6900', '15.6900', false, true],
    ]);
    expect(r.breakEven.minMaxRateForBlue).toBeNull();
    expect(r.breakEven.reasons.minMaxRateForBlue).toMatch(/capped/);
  });

  it('capped at 0.25, red 10, blue 15: no floor works (10 + 2.5 < 15); minMaxRateForBlue (15 − 10) / 10 = 0.5', async () => {
    const r = await sweep({
      redPrices: ['10'],
      floors: ['12', '16', '20'],
      per: 'kg',
      bluePrice: '15',
      method: { type: 'capped', maxRate: '0.25' },
    });
    expect(r.breakEven.minFloorForBlue).toBeNull();
    expect(r.breakEven.reasons.minFloorForBlue).toMatch(/no floor works/);
    expect(r.breakEven.minMaxRateForBlue).toBe('0.5');
    // d = min(F − 10, 2.5): 2, 2.5, 2.5
    expect(r.cells.map((c) => c.landedPerUnit)).toEqual(['12.0000', '12.5000', '12.5000']);
    expect(r.cells.every((c) => !c.blueWins)).toBe(true);
  });

  it('full gap, floor 16, blue 17, other duty 0.271 duty-paid: red wins below 17 / 1.271 = 13.3753', async () => {
    const r = await sweep({
      redPrices: ['13.3752', '13.3753', '13.3754'],
      floors: ['16'],
      per: 'kg',
      bluePrice: '17',
      otherDutyRate: '0.271',
    });
    expect(r.basis).toBe('duty-paid');
    expect(r.breakEven.maxRedPriceForRed).toBe('13.3753');
    // 13.3752 × 1.271 = 16.9998792; 13.3753 × 1.271 = 17.0000063; 13.3754 × 1.271 = 17.0001334
    expect(r.cells.map((c) => [c.landedPerUnit, c.blueWins])).toEqual([
      ['16.9999', false],
      ['17.0000', true],
      ['17.0001', true],
    ]);
    // full gap: red always reaches a floor the grid holds, and blue at 17 ≥ 16 needs F = 17
    expect(r.breakEven.minFloorForBlue).toBe('17.0000');
  });
});

describe('POST /v1/floor-gap/sweep: cells are single floor-gap calls', () => {
  it('each cell equals POST /v1/floor-gap for the same price and floor', async () => {
    const r = await sweep({
      redPrices: { from: '8', to: '12', step: '2' },
      floors: ['14', '18'],
      per: 'kg',
      bluePrice: '15',
      otherDutyRate: '0.25',
      method: { type: 'capped', maxRate: '0.4' },
    });
    expect(r.size.cells).toBe(6);
    for (const cell of r.cells) {
      const single = await postJson('/v1/floor-gap', {
        price: { amount: cell.redPrice, per: 'kg' },
        floor: { amount: cell.floor, per: 'kg' },
        otherDutyRate: '0.25',
        method: { type: 'capped', maxRate: '0.4' },
      });
      const s = (await single.json()) as Record<string, unknown>;
      expect([cell.dutyPerUnit, cell.landedPerUnit, cell.adValoremEquivalent]).toEqual([
        s.dutyPerUnit,
        s.landedPerUnit,
        s.adValoremEquivalent,
      ]);
    }
  });
});

describe('POST /v1/floor-gap/sweep: a cell prints what the single call prints', () => {
  it('red 10.00005, floor 16, full gap on the customs value: d 5.99995 → 6.0000 and landed 16 → 16.0000, each rounded once; red at exactly 16 undercuts blue at 16.0001', async () => {
    // R = P = 10.00005 → 10.0001 (half-up); d = g = 16 − 10.00005 = 5.99995 → 6.0000 (half-up);
    // landed R + d = 16 exactly → 16.0000 (the printed 10.0001 + 6.0000 = 16.0001 is not it);
    // blueWins is decided exactly, as the break-even prices are: 16 < 16.0001, red wins.
    const body = {
      redPrices: ['10.00005'],
      floors: ['16'],
      per: 'kg',
      bluePrice: '16.0001',
      basis: 'customs-value',
      method: { type: 'full-gap' },
      rounding: 'half-up',
    };
    const [cell] = (await sweep(body)).cells;
    expect(cell).toEqual({
      redPrice: '10.0001',
      floor: '16.0000',
      dutyPerUnit: '6.0000',
      landedPerUnit: '16.0000',
      adValoremEquivalent: expect.any(String),
      floorMet: true,
      blueWins: false,
    });
  });

  it('a cell never says blue wins below the answer’s own maxRedPriceForRed: red 11.99999 capped at 0.25 lands at 14.9999875 < 15', async () => {
    // R = 11.99999, g = 4.00001, d = min(4.00001, 0.25 × 11.99999 = 2.9999975) = 2.9999975;
    // exact landed 14.9999875 < blue 15 (printed 12.0000 + 3.0000 = 15.0000): red wins; the
    // break-even red price is 15 / 1.25 = 12.0000
    const r = await sweep({
      redPrices: ['11.99999', '12', '12.00001'],
      floors: ['16'],
      per: 'kg',
      bluePrice: '15',
      method: { type: 'capped', maxRate: '0.25' },
    });
    expect(r.cells.map((c) => [c.redPrice, c.landedPerUnit, c.blueWins])).toEqual([
      ['12.0000', '15.0000', false],
      ['12.0000', '15.0000', true],
      ['12.0000', '15.0000', true],
    ]);
    expect(r.breakEven.maxRedPriceForRed).toBe('12.0000');
  });

  it('over random red prices, floors, duties, methods and rounding: every cell equals POST /v1/floor-gap', async () => {
    const request = fc.record({
      redPrices: fc.array(amount, { minLength: 1, maxLength: 2 }),
      floors: fc.array(amount, { minLength: 1, maxLength: 2 }),
      otherDutyRate,
      basis,
      method,
      rounding,
    });
    await fc.assert(
      fc.asyncProperty(request, async (q) => {
        const r = await sweep({ ...q, per: 'kg' });
        let i = 0;
        for (const red of q.redPrices) {
          for (const floor of q.floors) {
            const cell = r.cells[i++];
            const response = await postJson('/v1/floor-gap', {
              asOf: '2026-11-21',
              price: { amount: red, per: 'kg' },
              floor: { amount: floor, per: 'kg' },
              otherDutyRate: q.otherDutyRate,
              basis: q.basis,
              method: q.method,
              rounding: q.rounding,
            });
            const s = (await response.json()) as Record<string, unknown>;
            if (cell === undefined) throw new Error(`no cell ${i}`);
            expect([cell.dutyPerUnit, cell.floorMet]).toEqual([s.dutyPerUnit, s.floorMet]);
            // A floor prints alike down its column: where another red price of the grid lands just
            // under it, with more places than the single call needs, and the cell's landed price
            // is then printed against that. Otherwise both are the single call's.
            if (cell.floor === s.floorPerUnit) expect(cell.landedPerUnit).toBe(s.landedPerUnit);
            // either way the printed figures read as floorMet says
            expect(compareReported(cell.landedPerUnit, cell.floor) >= 0).toBe(cell.floorMet);
            expect(cell.adValoremEquivalent).toEqual(s.adValoremEquivalent);
          }
        }
      }),
      { seed: 29, numRuns: 60 },
    );
  });
});

describe('the sweep’s other forms and limits', () => {
  const query = 'redPrices=10&floors=24:27:1&per=kg&bluePrice=15&method=tranche';

  it('GET with format=csv: a header and one row per cell', async () => {
    const response = await call(`/v1/floor-gap/sweep?${query}&format=csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'redPrice,floor,dutyPerUnit,landedPerUnit,adValoremEquivalent,floorMet,blueWins',
    );
    // 4.75 / 10 = 0.475
    expect(lines[2]).toBe('10.0000,25.0000,4.7500,14.7500,0.475,false,false');
    expect(lines).toHaveLength(5);
  });

  it('GET: maxRate or penaltyRate without its method is a 422 naming the parameter and the method it needs', async () => {
    const query = '/v1/floor-gap/sweep?redPrices=10&floors=16&per=kg&bluePrice=15';
    const bare = await problemOf(await call(`${query}&penaltyRate=0.5`), 422);
    expect(bare.errors).toEqual([
      {
        pointer: '/method/penaltyRate',
        parameter: 'penaltyRate',
        detail: 'applies only with method=all-or-nothing (method is not given)',
      },
    ]);
    const tranche = await problemOf(await call(`${query}&method=tranche&maxRate=0.25`), 422);
    expect(tranche.errors).toEqual([
      {
        pointer: '/method/maxRate',
        parameter: 'maxRate',
        detail: 'applies only with method=capped (method is "tranche")',
      },
    ]);
    // with method=capped it is read: d = min(16 − 10, 0.25 × 10) = 2.5, landed 12.5000
    const csv = await call(`${query}&method=capped&maxRate=0.25&format=csv`);
    expect((await csv.text()).split('\r\n')[1]).toBe(
      '10.0000,16.0000,2.5000,12.5000,0.25,false,false',
    );
  });

  it('POST with Accept: text/csv answers CSV', async () => {
    const response = await call('/v1/floor-gap/sweep', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body: JSON.stringify({ redPrices: ['10'], floors: ['16'], per: 'kg' }),
    });
    expect(await response.text()).toBe(
      'redPrice,floor,dutyPerUnit,landedPerUnit,adValoremEquivalent,floorMet,blueWins\r\n10.0000,16.0000,6.0000,16.0000,0.6,true,true\r\n',
    );
  });

  it('decimal=comma: the CSV takes decimal commas and ; as separator, GET and POST alike', async () => {
    // the tranche row at floor 25 as above: 10,0000;25,0000;4,7500;14,7500;0,475;false;false
    const get = await call(`/v1/floor-gap/sweep?${query}&format=csv&decimal=comma`);
    const lines = (await get.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'redPrice;floor;dutyPerUnit;landedPerUnit;adValoremEquivalent;floorMet;blueWins',
    );
    expect(lines[2]).toBe('10,0000;25,0000;4,7500;14,7500;0,475;false;false');
    const post = await call('/v1/floor-gap/sweep?decimal=comma', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body: JSON.stringify({ redPrices: ['10'], floors: ['16'], per: 'kg' }),
    });
    expect(await post.text()).toBe(
      'redPrice;floor;dutyPerUnit;landedPerUnit;adValoremEquivalent;floorMet;blueWins\r\n10,0000;16,0000;6,0000;16,0000;0,6;true;true\r\n',
    );
  });

  it('Accept: image/svg+xml draws the heat map with the break-even floor marked', async () => {
    const response = await call('/v1/floor-gap/sweep', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'image/svg+xml' },
      body: JSON.stringify({
        redPrices: ['10'],
        floors: { from: '24', to: '27', step: '1' },
        per: 'kg',
        bluePrice: '15',
        method: { type: 'tranche' },
      }),
    });
    // the GET form draws the same picture with format=svg
    expect(await (await call(`/v1/floor-gap/sweep?${query}&format=svg`)).text()).toBe(
      await response.clone().text(),
    );
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await response.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('min floor for blue 25.5319');
    expect(svg.match(/<rect x=/g)).toHaveLength(4);
  });

  it('format=text of a break-even that does not exist says none and why, never a blank 200', async () => {
    // capped at 0.25: the duty on red at 10 is at most 0.25 × 10 = 2.5, but red needs 15 − 10 = 5
    // more to reach blue's price: no floor lets blue compete (minFloorForBlue null in JSON).
    const capped = 'redPrices=10&floors=16&per=kg&bluePrice=15&method=capped&maxRate=0.25';
    const response = await call(`/v1/floor-gap/sweep?${capped}&format=text`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      'none: no floor works: the capped duty is at most maxRate × P = 2.5, less than the 5 red needs to reach blue’s price',
    );
    // the break-evens that exist still print bare: maxRedPriceForRed = 12 (0.25 × P ≥ 15 − P ⇔
    // P ≥ 15 / 1.25 = 12), minMaxRateForBlue = (15 − 10) / 10 = 0.5
    const red = await call(`/v1/floor-gap/sweep?${capped}&format=text&field=maxRedPriceForRed`);
    expect(await red.text()).toBe('12.0000');
    const rate = await call(`/v1/floor-gap/sweep?${capped}&format=text&field=minMaxRateForBlue`);
    expect(await rate.text()).toBe('0.5');
  });

  it("format=text with decimal=comma: the reason's own numbers take the comma too", async () => {
    // the same capped case: at most 0.25 × 10 = 2.5 of duty against the 5 red needs
    const capped = 'redPrices=10&floors=16&per=kg&bluePrice=15&method=capped&maxRate=0.25';
    const none = await call(`/v1/floor-gap/sweep?${capped}&format=text&decimal=comma`);
    expect(await none.text()).toBe(
      'none: no floor works: the capped duty is at most maxRate × P = 2,5, less than the 5 red needs to reach blue’s price',
    );
    // maxRedPriceForRed = 15 / 1.25 = 12
    const red = await call(
      `/v1/floor-gap/sweep?${capped}&format=text&field=maxRedPriceForRed&decimal=comma`,
    );
    expect(await red.text()).toBe('12,0000');
  });

  it('a red price of 0 has no ad valorem equivalent', async () => {
    const r = await sweep({ redPrices: ['0'], floors: ['16'], per: 'kg' });
    expect(r.cells[0]?.adValoremEquivalent).toBeNull();
  });

  it('more than 10,000 cells is a 413 naming the axis', async () => {
    const response = await postJson('/v1/floor-gap/sweep', {
      redPrices: { from: '0', to: '100', step: '1' },
      floors: { from: '0', to: '99', step: '1' },
      per: 'kg',
    });
    const problem = await problemOf(response, 413);
    expect(problem.detail).toContain('10100 cells');
  });

  it('a list past the cell limit is the same 413 as a range of that size, on either axis and in the GET form', async () => {
    // 10,001 red prices × 1 floor = 10,001 cells > 10,000: too large, not a malformed axis
    const tooMany = Array.from({ length: 10_001 }, (_, i) => String(i));
    for (const [body, pointer] of [
      [{ redPrices: tooMany, floors: ['1'], per: 'kg' }, '/redPrices'],
      [{ redPrices: ['1'], floors: tooMany, per: 'kg' }, '/floors'],
      [
        { redPrices: { from: '0', to: '10000', step: '1' }, floors: ['1'], per: 'kg' },
        '/redPrices',
      ],
    ] as const) {
      const problem = await problemOf(await postJson('/v1/floor-gap/sweep', body), 413);
      expect(problem.detail).toBe(
        'The sweep has 10001 cells; at most 10000 are computed in one call.',
      );
      expect(problem.errors?.[0]?.pointer).toBe(pointer);
    }
    const viaGet = await call(`/v1/floor-gap/sweep?redPrices=${tooMany.join(',')}&floors=1&per=kg`);
    const problem = await problemOf(viaGet, 413);
    expect(problem.detail).toBe(
      'The sweep has 10001 cells; at most 10000 are computed in one call.',
    );
    // exactly 10,000 listed red prices × 1 floor is within the limit
    const atLimit = await postJson('/v1/floor-gap/sweep', {
      redPrices: tooMany.slice(0, 10_000),
      floors: ['1'],
      per: 'kg',
    });
    expect(atLimit.status).toBe(200);
  });

  it('a list past the cell limit is a 413 before its entries are validated, not a 422 listing each bad one', async () => {
    const tooBig = (count: string) =>
      `The sweep has ${count} cells; at most 10000 are computed in one call.`;
    // 60,000 × "-1" red prices × 1 floor = 60,000 cells: one 413, not 60,000 'must not be negative'
    const negatives = Array.from({ length: 60_000 }, () => '-1');
    const post = await problemOf(
      await postJson('/v1/floor-gap/sweep', { redPrices: negatives, floors: ['1'], per: 'kg' }),
      413,
    );
    expect(post.detail).toBe(tooBig('60000'));
    expect(post.errors).toEqual([
      { pointer: '/redPrices', detail: 'makes the grid larger than 10000 cells' },
    ]);
    // the GET form: 20,000 × "-1" listed red prices × 1 floor = 20,000 cells
    const viaGet = await call(
      `/v1/floor-gap/sweep?per=kg&floors=16&redPrices=${negatives.slice(0, 20_000).join(',')}`,
    );
    const get = await problemOf(viaGet, 413);
    expect(get.detail).toBe(tooBig('20000'));
    expect(get.errors).toHaveLength(1);
    // 20,000 valid values and one "abc": too large, whatever the one bad entry
    const oneBad = Array.from({ length: 20_000 }, (_, i) => String(i));
    oneBad[7] = 'abc';
    const mixed = await problemOf(
      await postJson('/v1/floor-gap/sweep', { redPrices: ['1'], floors: oneBad, per: 'kg' }),
      413,
    );
    expect(mixed.detail).toBe(tooBig('20000'));
    expect(mixed.errors?.[0]?.pointer).toBe('/floors');
    // each list within the limit, their cells past it: 5,000 bad red prices × 5,000 bad floors =
    // 25,000,000 cells; 10,000 bad red prices × the range 1, 2, 3 = 30,000 cells
    for (const [redPrices, floors, count] of [
      [negatives.slice(0, 5_000), Array.from({ length: 5_000 }, () => 'x'), '25000000'],
      [negatives.slice(0, 10_000), { from: '1', to: '3', step: '1' }, '30000'],
    ] as const) {
      const problem = await problemOf(
        await postJson('/v1/floor-gap/sweep', { redPrices, floors, per: 'kg' }),
        413,
      );
      expect(problem.detail).toBe(tooBig(count));
      expect(problem.errors).toHaveLength(1);
    }
    // within the limit the entries are validated, one error each: 2 red prices × 1 floor
    const small = await problemOf(
      await postJson('/v1/floor-gap/sweep', { redPrices: ['-1', 'abc'], floors: ['1'], per: 'kg' }),
      422,
    );
    expect(small.errors?.map((e) => e.pointer)).toEqual(['/redPrices/0', '/redPrices/1']);
  });

  it('a zero step is a 422 at its pointer', async () => {
    const response = await postJson('/v1/floor-gap/sweep', {
      redPrices: { from: '0', to: '10', step: '0' },
      floors: ['16'],
      per: 'kg',
    });
    const problem = await problemOf(response, 422);
    expect(problem.errors?.[0]?.pointer).toBe('/redPrices/step');
  });
});

describe('POST /v1/floor-gap/sweep: its query (decimal, strict, assume) read as the GET form reads it', () => {
  // One cell, full gap: red 10, floor 16 → duty 16 − 10 = 6, landed 16. Before, the POST read
  // `decimal` alone and ignored anything else in its query (200).
  const body = JSON.stringify({ redPrices: ['10'], floors: ['16'], per: 'kg' });
  const post = (query: string, accept = 'text/csv') =>
    call(`/v1/floor-gap/sweep?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body,
    });

  it('an unknown parameter is a 400 naming it, with the one it was likely meant to be', async () => {
    const foo = await problemOf(await post('foo=1'), 400);
    expect(foo.errors).toEqual([
      { pointer: '/foo', parameter: 'foo', detail: 'is not a parameter of this operation' },
    ]);
    expect(foo.detail).toBe('foo is not a parameter of this operation.');
    const typo = await problemOf(await post('decimals=comma'), 400);
    expect(typo.errors?.map((e) => e.detail)).toEqual([
      'is not a parameter of this operation (did you mean "decimal"?)',
    ]);
  });

  it('strict=maybe and decimal=dot are 422s naming them; strict= a 422 saying it is blank', async () => {
    const maybe = await problemOf(await post('strict=maybe&decimal=dot'), 422);
    // in the order the document lists the parameters
    expect(maybe.errors).toEqual([
      {
        pointer: '/decimal',
        parameter: 'decimal',
        detail: 'must be one of point, comma (got "dot")',
      },
      {
        pointer: '/strict',
        parameter: 'strict',
        detail: 'must be one of true, false (got "maybe")',
      },
    ]);
    // answering JSON too: a bad value is refused whatever the Accept
    expect((await post('strict=maybe', 'application/json')).status).toBe(422);
    const blank = await problemOf(await post('strict='), 422);
    expect(blank.errors).toEqual([
      {
        pointer: '/strict',
        parameter: 'strict',
        detail:
          'must not be blank: give a value, or leave the parameter out where it has a default',
      },
    ]);
  });

  it('a parameter given twice is a 400 naming it (neither value wins)', async () => {
    for (const query of ['strict=false&strict=true', 'decimal=comma&decimal=point']) {
      const problem = await problemOf(await post(query), 400);
      const parameter = query.split('=')[0] as string;
      expect(problem.errors, query).toEqual([
        { pointer: `/${parameter}`, parameter, detail: 'is given more than once' },
      ]);
    }
  });

  it('strict=true, assume=no-duty and decimal=comma are taken: a sweep rests on no data, so it answers', async () => {
    const response = await post('strict=true&assume=no-duty&decimal=comma');
    expect(response.status).toBe(200);
    // 10,0000;16,0000;6,0000;16,0000;0,6 (6 / 10);true;true
    expect(await response.text()).toBe(
      'redPrice;floor;dutyPerUnit;landedPerUnit;adValoremEquivalent;floorMet;blueWins\r\n10,0000;16,0000;6,0000;16,0000;0,6;true;true\r\n',
    );
  });

  it('the OpenAPI document lists them as the operation’s query parameters', async () => {
    const document = (await (await call('/openapi.json')).json()) as {
      paths: Record<string, { post?: { parameters?: { name: string; in: string }[] } }>;
    };
    const parameters = document.paths['/v1/floor-gap/sweep']?.post?.parameters ?? [];
    expect(parameters.map((p) => [p.name, p.in])).toEqual([
      ['decimal', 'query'],
      ['strict', 'query'],
      ['assume', 'query'],
    ]);
  });
});
