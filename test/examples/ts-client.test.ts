import { describe, expect, it } from 'vitest';
import { floorGapDuty, floorlineClient } from '../../examples/ts-client/floorline';
import { app } from '../../src/app';

/** The example client, its requests answered by the app in-process. */
const client = floorlineClient({
  baseUrl: 'http://floorline.test',
  fetch: async (request) => app.request(request),
});

describe('examples/ts-client (openapi-typescript + openapi-fetch)', () => {
  it('floorGapDuty: price 10, floor 16 per kg → duty 6.00', async () => {
    // g = max(0, 16 − 10) = 6 per kg, 1 kg by default → 6.00 USD.
    const answer = await floorGapDuty(client, '10', '16', 'kg');
    expect(answer.duty).toBe('6.00');
    expect(answer.binding).toBe(true);
  });

  it('a field the API refuses comes back as the problem naming it', async () => {
    await expect(floorGapDuty(client, '1e3', '16', 'kg')).rejects.toThrow('/price/amount');
  });

  it('path and query parameters are typed: one mineral, the blocs on a date', async () => {
    const mineral = await client.GET('/v1/minerals/{id}', { params: { path: { id: 'gallium' } } });
    expect(mineral.data?.id).toBe('gallium');
    const blocs = await client.GET('/v1/blocs', { params: { query: { asOf: '2026-06-01' } } });
    expect(blocs.data?.asOf).toBe('2026-06-01');
    // @ts-expect-error the API has no such path: a typo does not compile
    const missing = await client.GET('/v1/mineral', {});
    expect(missing.response.status).toBe(404);
  });

  it('bodies are typed: a unit the API does not know does not compile', async () => {
    const { error } = await client.POST('/v1/floor-gap', {
      // @ts-expect-error "kilo" is not a Unit
      body: { price: { amount: '10', per: 'kilo' }, floor: { amount: '16', per: 'kg' } },
    });
    expect(error?.errors?.[0]?.pointer).toBe('/price/per');
  });
});
