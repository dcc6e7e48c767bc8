import { describe, expect, it } from 'vitest';
import { postJson } from '../helpers';

describe('POST /v1/origin-content: a zero written as "-0" is zero', () => {
  // Raw JSON text: JSON.stringify(-0) would send "0".
  for (const zero of ['"-0"', '"-0.00"', '-0', '-0.0']) {
    it(`a component worth ${zero} counts as 0, not as a negative value (once a 500)`, async () => {
      const response = await postJson(
        '/v1/origin-content',
        `{"productValue":{"amount":"100000","currency":"USD"},"asOf":"2026-11-21","components":[
          {"mineral":"dy-oxide","origin":"CN","value":${zero}},
          {"mineral":"nd-oxide","origin":"AU","value":"3000"}]}`,
      );
      expect(response.status, await response.clone().text()).toBe(200);
      const body = (await response.json()) as {
        redValue: string;
        chinaContentValue: string;
        shares: Record<string, string>;
      };
      // red 0 / 100000 = 0; blue 3000 / 100000 = 0.03
      expect(body.redValue).toBe('0.00');
      expect(body.chinaContentValue).toBe('0.00');
      expect(body.shares).toEqual({ red: '0', blue: '0.03', grey: '0' });
    });
  }
});
