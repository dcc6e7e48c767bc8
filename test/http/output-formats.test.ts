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
