import { describe, expect, it } from 'vitest';
import { postJson, problemOf } from '../helpers';

const FLOOR = { amount: '16', per: 'kg' };

describe('"is required" means left out', () => {
  it('a decimal left out of a present object is required, not "must be a decimal"', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-gap', { price: { per: 'kg' }, floor: FLOOR }),
      422,
    );
    expect(problem.errors).toEqual([{ pointer: '/price/amount', detail: 'is required' }]);
  });

  it('a field present with the wrong type is not called missing', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-gap', { price: 5, floor: FLOOR }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/price');
    expect(problem.errors?.[0]?.detail).not.toBe('is required');
  });

  it('a body without a required field names it as required', async () => {
    const response = await postJson('/v1/benchmarks/check', {
      price: { amount: '1600', per: 'kg' },
    });
    expect((await problemOf(response, 422)).errors).toEqual([
      { pointer: '/mineral', detail: 'is required' },
    ]);
  });
});
