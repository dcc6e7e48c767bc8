import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { SEED_FILES } from '../../src/data/store';
import { FIXTURE_MEASURES, fixturePolicyData } from '../fixtures/policy-data';

const app = createApp({ data: fixturePolicyData() });

const jsonPost = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const post = (path: string, body: unknown) => app.request(path, jsonPost(body));

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

describe('rules that name a country or a measure take it from the data', () => {
  const withData = (change: Parameters<typeof fixturePolicyData>[0]) =>
    createApp({ data: fixturePolicyData(change) });
  const json = async (response: Response) => {
    if (response.status !== 200) throw new Error(await response.text());
    return response.json();
  };

  it('bloc tiers price red supply from the red bloc’s home: CN pays the fixture surcharge, HK does not', async () => {
    const request = {
      mineral: 'ndpr-oxide',
      redPrice: { amount: '10', currency: 'USD', per: 'kg' },
      bluePrice: { amount: '15', currency: 'USD', per: 'kg' },
      floor: { amount: '16', currency: 'USD', per: 'kg' },
      floorMembers: ['JP'],
      destinations: ['US'],
      asOf: '2026-03-01',
    };
    const redInUs = async (data: ReturnType<typeof withData>) => {
      const t = (await json(await data.request('/v1/bloc-tiers', jsonPost(request)))) as {
        destinations: { country: string; redLanded: string }[];
      };
      return t.destinations.find((d) => d.country === 'US')?.redLanded;
    };
    // Home CN (the seeds): fx-duty 5% + fx-surcharge 10% on Chinese origin; no floor in the US:
    // 10 + 10 × 0.15 = 11.5000 per kg.
    expect(await redInUs(withData({}))).toBe('11.5000');
    // Home HK: only fx-duty 5%: 10 + 10 × 0.05 = 10.5000 per kg.
    const blocs = SEED_FILES.blocs.map((b) => (b.id === 'red' ? { ...b, home: 'HK' } : b));
    expect(await redInUs(withData({ blocs }))).toBe('10.5000');
  });

  it('origin content applies the export-licence rule with a de minimis share the data holds, to content of its origin', async () => {
    const { rate: _rate, ...row } = FIXTURE_MEASURES[0] as Record<string, unknown>;
    const rule = {
      ...row,
      destination: {},
      origin: { countries: ['HK'] },
      products: {},
      id: 'fx-value-rule',
      kind: 'export-licence',
      label: 'Fixture value rule (1% of value, HK content)',
      programme: 'fixture-export-control',
      elements: ['Dy'],
      deMinimisShare: '0.01',
      effectiveFrom: '2026-01-01',
    };
    const app = withData({ measures: [...FIXTURE_MEASURES, rule] });
    const r = (await json(
      await app.request(
        '/v1/origin-content',
        jsonPost({
          productValue: { amount: '100000', currency: 'USD' },
          components: [
            { mineral: 'dy-oxide', origin: 'HK', value: '2000' },
            { mineral: 'dy-oxide', origin: 'CN', value: '500' },
          ],
          asOf: '2026-03-01',
        }),
      ),
    )) as {
      chinaContentValue: string;
      chinaContentShare: string;
      chinaLicenceRequired: boolean;
      chinaRule: { measureId: string; deMinimisShare: string };
    };
    // Only the HK Dy counts: 2,000 of 100,000 = 0.02 ≥ 0.01, so a licence is required.
    expect(r.chinaRule).toMatchObject({ measureId: 'fx-value-rule', deMinimisShare: '0.01' });
    expect([r.chinaContentValue, r.chinaContentShare, r.chinaLicenceRequired]).toEqual([
      '2000.00',
      '0.02',
      true,
    ]);
  });
});

describe('answers remembered within an app never leak into another app with other data', () => {
  it('a surcharge on red-bloc origins: CN pays it where CN is red, not where the data leaves CN out of every bloc, request after request', async () => {
    const surchargeOnRed = FIXTURE_MEASURES.map((m) =>
      m.id === 'fx-surcharge' ? { ...m, origin: { blocs: ['red'] } } : m,
    );
    const red = createApp({ data: fixturePolicyData({ measures: surchargeOnRed }) });
    const memberships = SEED_FILES.memberships.filter((m) => m.country !== 'CN');
    const grey = createApp({ data: fixturePolicyData({ measures: surchargeOnRed, memberships }) });
    const duties = async (app: ReturnType<typeof createApp>) => {
      const response = await app.request(
        '/v1/landed-cost',
        jsonPost({
          mineral: 'nd-oxide',
          origin: 'CN',
          destination: 'US',
          asOf: '2026-03-01',
          quantity: { value: '100', unit: 'kg' },
          price: { amount: '50', per: 'kg' },
        }),
      );
      return ((await response.json()) as { duties: string }).duties;
    };
    // red CN: 5% + 10% of 5,000.00 = 750.00; grey CN: 5% only = 250.00; interleaved, each app
    // keeps its own answer (the measure-scope memo is per dataset)
    expect([await duties(red), await duties(grey), await duties(red), await duties(grey)]).toEqual([
      '750.00',
      '250.00',
      '750.00',
      '250.00',
    ]);
  });
});
