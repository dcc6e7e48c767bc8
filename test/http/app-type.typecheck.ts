/**
 * A type test, checked by `npm run typecheck` (tsc), never run: `AppType` carries every route's
 * request and answer types, so a typed client (`hc<AppType>` from hono/client) type-checks calls
 * and answers, and a misspelt field or a wrong type fails the typecheck.
 */
import { hc } from 'hono/client';
import type { AppType } from '../../src/app';

const client = hc<AppType>('https://floorline.example');

export async function typedCalls(): Promise<string[]> {
  const floorGap = await client.v1['floor-gap'].$post({
    json: {
      price: { amount: '10', currency: 'USD', per: 'kg' },
      floor: { amount: '16', per: 'kg' },
      quantity: { value: '1000', unit: 'kg' },
      method: { type: 'capped', maxRate: '0.25' },
    },
  });
  const duty: string = (await floorGap.json()).duty;

  const fromQuery = await client.v1['floor-gap'].$get({
    query: { price: '10', floor: '16', per: 'kg', format: 'json' },
  });

  const landed = await client.v1['landed-cost'].$post({
    json: {
      mineral: 'ndfeb-magnet',
      origin: 'CN',
      quantity: { value: '10000', unit: 'kg' },
      price: { amount: '75', per: 'kg' },
    },
  });
  const landedCost: string = (await landed.json()).landedCost;

  const batch = await client.v1['landed-cost'].batch.$post({
    json: { lines: [{ mineral: 'nd-oxide', origin: 'CN' }], detail: 'totals' },
  });
  // The batch answers JSON or CSV (Accept), so its JSON type is narrowed first.
  const answer = await batch.json();
  const total: string | null =
    typeof answer === 'object' && 'totals' in answer ? answer.totals.landedCost : null;

  const tiers = await client.v1['bloc-tiers'].$get({ query: { mineral: 'ndpr-oxide' } });
  const financing = await client.v1['floor-financing'].$post({
    json: {
      benchmark: 'dod-ndpr-floor',
      marketPrice: { amount: '62', per: 'kg' },
      quantity: { value: '1000', unit: 't' },
    },
  });
  const treasury: string = (await financing.json()).border.treasuryCollects;

  // @ts-expect-error: `unit` is a mass unit, not any string
  await client.v1['floor-gap'].$post({ json: { price: { amount: '10', per: 'pound' } } });
  // @ts-expect-error: the GET form has no parameter `prize`
  await client.v1['floor-gap'].$get({ query: { prize: '10' } });
  // @ts-expect-error: there is no /v1/floor-gaps
  await client.v1['floor-gaps'].$post({ json: {} });

  return [duty, String(fromQuery.status), landedCost, total ?? '', String(tiers.ok), treasury];
}
