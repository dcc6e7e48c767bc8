import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { fixturePolicyData } from '../fixtures/policy-data';

const app = createApp({ data: fixturePolicyData() });

const post = (path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('createApp({ data }): handlers answer from the data the app was created with', () => {
  it('landed cost applies the fixture measures, not the seeds, and names the fixture version', async () => {
    const response = await post('/v1/landed-cost', {
      mineral: 'nd-oxide',
      origin: 'CN',
      destination: 'US',
      asOf: '2026-03-01',
      quantity: { value: '100', unit: 'kg' },
      price: { amount: '50', per: 'kg' },
    });
    expect(response.status).toBe(200);
    const r = (await response.json()) as {
      duties: string;
      fees: string;
      landedCost: string;
      lines: { measureId: string; amount: string }[];
      meta: { dataVersion: string };
    };
    // goods 100 × 50 = 5,000.00; fx-duty 5% = 250.00; fx-surcharge 10% = 500.00; duties 750.00;
    // fx-fee 0.1% = 5.00 → min 10.00; landed 5,000.00 + 750.00 + 10.00 = 5,760.00.
    expect(r.lines.map((l) => [l.measureId, l.amount])).toEqual([
      ['fx-duty', '250.00'],
      ['fx-surcharge', '500.00'],
      ['fx-fee', '10.00'],
    ]);
    expect([r.duties, r.fees, r.landedCost]).toEqual(['750.00', '10.00', '5760.00']);
    expect(r.meta.dataVersion).toBe('fixture-1');
  });

  it('reference data and health come from the fixture too', async () => {
    const health = (await (await app.request('/health')).json()) as { dataVersion: string };
    expect(health.dataVersion).toBe('fixture-1');
    const measures = (await (await app.request('/v1/measures?asOf=2026-03-01')).json()) as {
      measures: { id: string }[];
    };
    expect(measures.measures.map((m) => m.id).sort()).toEqual([
      'fx-duty',
      'fx-fee',
      'fx-surcharge',
    ]);
  });

  it('the default app still answers from the shipped seeds', async () => {
    const { app: shipped } = await import('../../src/app');
    const health = (await (await shipped.request('/health')).json()) as { dataVersion: string };
    expect(health.dataVersion).not.toBe('fixture-1');
  });
});
