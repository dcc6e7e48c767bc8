import { describe, expect, it } from 'vitest';
import { postJson, problemOf } from '../helpers';

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

    it(`${path}: "__proto__", "constructor" or "cny" as an fx key is a 422 at that key, not silently dropped`, async () => {
      for (const key of ['__proto__', 'constructor', 'cny']) {
        const response = await postJson(path, body(`{"${key}":{}}`));
        const problem = await problemOf(response, 422);
        expect(problem.errors, key).toContainEqual({
          pointer: `/fx/${key}`,
          detail: 'must be an ISO 4217 code in upper case, such as "USD"',
        });
      }
    });
  }
});
