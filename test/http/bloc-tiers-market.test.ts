import { describe, expect, it } from 'vitest';
import { call, postJson, problemOf } from '../helpers';

const usd = (amount: string, per = 'kg') => ({ amount, currency: 'USD', per });

interface Market {
  destination: string;
  price: string;
  marginal: string;
  blueVolume: { value: string; unit: string };
  redVolume: { value: string; unit: string };
  treasuryRevenue: string;
  blueRent: string;
  buyersExtraCost: string;
}
interface Tiers {
  destinations: {
    country: string;
    redLanded: string;
    blueLanded: string;
    floorGapPerUnit: string;
  }[];
  leakage: {
    destinations: string[];
    redHome: string[];
    downstreamCostGapPerUnit: string;
    floorPart: string;
    otherDutiesPart: string;
  };
  market?: Market;
  meta: { warnings: { code: string }[] };
}

async function tiers(body: Record<string, unknown>): Promise<Tiers> {
  const response = await postJson('/v1/bloc-tiers', body);
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as Tiers;
}

// red 10, blue 15, floor 16 (per kg), a coordinated floor in the US and Japan
const brief = {
  mineral: 'ndpr-oxide',
  redPrice: usd('10'),
  bluePrice: usd('15'),
  floor: usd('16'),
  destinations: ['US', 'JP', 'IN', 'CN'],
  floorMembers: ['US', 'JP'],
  asOf: '2026-11-21',
};

describe('POST /v1/bloc-tiers: market with finite allied capacity', () => {
  it('the worked case: D 1,000 t, K 400 t → price 16, red 600 t, treasury 3,600,000.00, blue rent 400,000.00, buyers 6,000,000.00 more', async () => {
    const t = await tiers({
      ...brief,
      market: { demand: { value: '1000', unit: 't' }, blueCapacity: { value: '400', unit: 't' } },
    });
    expect(t.market).toEqual({
      destination: 'US',
      demand: { value: '1000', unit: 't' },
      blueCapacity: { value: '400', unit: 't' },
      // blue 15 ≤ red 16 but 400 t < 1,000 t: red is marginal at the floor
      price: '16.0000',
      marginal: 'red',
      blueVolume: { value: '400', unit: 't' },
      redVolume: { value: '600', unit: 't' },
      // 6 per kg × 600,000 kg
      treasuryRevenue: '3600000.00',
      // (16 − 15) × 400,000 kg
      blueRent: '400000.00',
      // 1,000,000 kg × (16 − 10)
      buyersExtraCost: '6000000.00',
    });
  });

  it('capacity for all demand: blue sets the price at 15, red sells nothing, buyers pay 1,000,000 × 5 more', async () => {
    const t = await tiers({
      ...brief,
      market: { demand: { value: '1000', unit: 't' }, blueCapacity: { value: '1200', unit: 't' } },
    });
    expect(t.market).toMatchObject({
      price: '15.0000',
      marginal: 'blue',
      redVolume: { value: '0', unit: 't' },
      treasuryRevenue: '0.00',
      blueRent: '0.00',
      buyersExtraCost: '5000000.00',
    });
  });

  it('a market destination outside the floor is a 422 at /market/destination', async () => {
    const problem = await problemOf(
      await postJson('/v1/bloc-tiers', {
        ...brief,
        market: {
          demand: { value: '1000', unit: 't' },
          blueCapacity: { value: '400', unit: 't' },
          destination: 'IN',
        },
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/market/destination');
  });
});

describe('POST /v1/bloc-tiers: leakage, freight', () => {
  it('China is redHome, never a leak; the gap 15 − 10 = 5 is all the floor’s', async () => {
    const t = await tiers(brief);
    expect(t.leakage).toMatchObject({
      destinations: ['IN'],
      redHome: ['CN'],
      downstreamCostGapPerUnit: '5.0000',
      floorPart: '5.0000',
      otherDutiesPart: '0.0000',
    });
  });

  it('freight per unit: red 10 + 1 into Japan (c.i.f. valuation) pays a 16 − 11 = 5 floor duty and lands at 16; into the US (f.o.b.) 6 and 17; blue lands at 15 + 0.5', async () => {
    const t = await tiers({ ...brief, redFreight: '1', blueFreight: usd('0.5') });
    const us = t.destinations.find((d) => d.country === 'US');
    const jp = t.destinations.find((d) => d.country === 'JP');
    expect(jp).toMatchObject({
      floorGapPerUnit: '5.0000',
      redLanded: '16.0000',
      blueLanded: '15.5000',
    });
    expect(us).toMatchObject({
      floorGapPerUnit: '6.0000',
      redLanded: '17.0000',
      blueLanded: '15.5000',
    });
  });

  it('the GET form takes redFreight and blueFreight too (before: 400, not a parameter): the same answer as the POST', async () => {
    // US (f.o.b.): duty 16 − 10 = 6, red 10 + 1 + 6 = 17; JP (c.i.f.): 16 − 11 = 5, red 16; blue
    // 15 + 0.5 = 15.5 in both, so insideCost 15.5; IN red 10 + 1 = 11, leakCost 11; gap 15.5 − 11
    // = 4.5, all the floor's (without it 11 inside too: otherDutiesPart max(0, 11 − 11) = 0).
    const response = await call(
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US,JP,IN,CN&floorMembers=US,JP&asOf=2026-11-21&redFreight=1&blueFreight=0.5',
    );
    expect(response.status).toBe(200);
    const get = (await response.json()) as Tiers;
    expect(
      get.destinations.map((d) => [d.country, d.floorGapPerUnit, d.redLanded, d.blueLanded]),
    ).toEqual([
      ['US', '6.0000', '17.0000', '15.5000'],
      ['JP', '5.0000', '16.0000', '15.5000'],
      ['IN', '0.0000', '11.0000', '15.5000'],
      ['CN', '0.0000', '11.0000', '15.5000'],
    ]);
    expect(get.leakage).toMatchObject({
      downstreamCostGapPerUnit: '4.5000',
      floorPart: '4.5000',
      otherDutiesPart: '0.0000',
    });
    const post = await tiers({ ...brief, redFreight: '1', blueFreight: '0.5' });
    expect({ ...get, meta: null }).toEqual({ ...post, meta: null });
  });
});

describe('POST /v1/bloc-tiers: a producer-side contract is not a border floor', () => {
  const dod = {
    mineral: 'ndpr-oxide',
    redPrice: usd('75'),
    benchmark: 'dod-ndpr-floor',
    destinations: ['US', 'JP'],
    asOf: '2026-11-21',
  };

  it('the DoD–MP floor is a 422 at /benchmark pointing to /v1/floor-financing', async () => {
    const problem = await problemOf(await postJson('/v1/bloc-tiers', dod), 422);
    expect(problem.errors?.[0]?.pointer).toBe('/benchmark');
    expect(problem.errors?.[0]?.detail).toContain('/v1/floor-financing');
  });

  it('with asBorderFloor it is priced as a border floor (110 − 75 = 35) and warns not-a-border-floor', async () => {
    const t = await tiers({ ...dod, asBorderFloor: true });
    expect(t.destinations.find((d) => d.country === 'US')?.floorGapPerUnit).toBe('35.0000');
    expect(t.meta.warnings.map((w) => w.code)).toContain('not-a-border-floor');
  });

  describe('the GET form (before: asBorderFloor=true was a 400, not a parameter)', () => {
    const query =
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=75&benchmark=dod-ndpr-floor&per=kg&destinations=US,JP&asOf=2026-11-21';

    it('asBorderFloor=true prices it as the POST does: US duty 110 − 75 = 35.0000, red at 110', async () => {
      const response = await call(`${query}&asBorderFloor=true`);
      expect(response.status).toBe(200);
      const get = (await response.json()) as Tiers;
      expect(get.destinations.find((d) => d.country === 'US')).toMatchObject({
        floorGapPerUnit: '35.0000',
        redLanded: '110.0000',
      });
      expect(get.meta.warnings.map((w) => w.code)).toContain('not-a-border-floor');
      expect(get).toEqual(await tiers({ ...dod, asBorderFloor: true }));
    });

    it('without it, or with asBorderFloor=false, a 422 that tells the query form what to send', async () => {
      for (const flag of ['', '&asBorderFloor=false']) {
        const problem = await problemOf(await call(`${query}${flag}`), 422);
        expect(problem.errors?.[0]).toMatchObject({
          pointer: '/benchmark',
          parameter: 'benchmark',
        });
        expect(problem.errors?.[0]?.detail).toContain('asBorderFloor=true in the query form');
      }
    });

    it('a value other than true or false is refused at the parameter', async () => {
      const problem = await problemOf(await call(`${query}&asBorderFloor=yes`), 422);
      expect(problem.errors).toEqual([
        {
          pointer: '/asBorderFloor',
          parameter: 'asBorderFloor',
          detail: 'must be true or false (got "yes")',
        },
      ]);
    });
  });
});

describe('POST /v1/bloc-tiers: the market decides who sets the price on the exact landed prices', () => {
  /**
   * Red and blue into the US alone (a floor member; no other duties on NdPr oxide there, no
   * freight), half-up, demand 1,000 t and blue capacity 1,200 t, where both landed prices would
   * print 15.0001 at 4 places: the row prints them at 5, in their exact order.
   */
  const inUs = (terms: Record<string, unknown>) =>
    tiers({
      mineral: 'ndpr-oxide',
      destinations: ['US'],
      floorMembers: ['US'],
      rounding: 'half-up',
      asOf: '2026-11-21',
      market: { demand: { value: '1000', unit: 't' }, blueCapacity: { value: '1200', unit: 't' } },
      ...terms,
    });

  it('red under a full gap lands at 15.00008, blue at 15.00005 (both 15.0001 at 4 places): blue is cheaper, prints so, and sets the price', async () => {
    // R0 = 10.00004; F = 15.00008; the full-gap duty 15.00008 − 10.00004 = 5.00004 → 5.0000; red
    // lands at exactly 15.00008 > blue 15.00005. Blue (capacity ≥ demand) sells all 1,000 t at B:
    // no red sold, no duty, rent (B − B) × 1,000,000 kg = 0; buyers pay 1,000,000 kg ×
    // (15.00005 − min(10.00004, 15.00005)) = 1,000,000 × 5.00001 = 5,000,010.00 more.
    const t = await inUs({
      redPrice: usd('10.00004'),
      bluePrice: usd('15.00005'),
      floor: usd('15.00008'),
    });
    expect(t.destinations.find((d) => d.country === 'US')).toMatchObject({
      floorGapPerUnit: '5.0000',
      redLanded: '15.00008',
      blueLanded: '15.00005',
      cheapest: 'blue',
      tier: 'blue',
      governingPrice: '15.00005',
    });
    expect(t.market).toMatchObject({
      price: '15.00005',
      marginal: 'blue',
      blueVolume: { value: '1000', unit: 't' },
      redVolume: { value: '0', unit: 't' },
      treasuryRevenue: '0.00',
      blueRent: '0.00',
      buyersExtraCost: '5000010.00',
    });
  });

  it('red 15.00006 beside blue 15.00007 (both 15.0001 at 4 places): red is cheaper exactly, prints so, and sells everything at its price', async () => {
    // R0 = 10.00004; capped at 0.5 under a floor of 16 the duty is min(16 − 10.00004, 0.5 ×
    // 10.00004) = min(5.99996, 5.00002) = 5.00002 → 5.0000; red lands at 10.00004 + 5.00002 =
    // 15.00006 < blue 15.00007. Red sells all 1,000 t = 1,000,000 kg: treasury 5.00002 × 1,000,000
    // = 5,000,020.00; buyers (blue could serve all) 1,000,000 × (15.00006 − min(10.00004,
    // 15.00007)) = 1,000,000 × 5.00002 = 5,000,020.00; blue sells nothing, rent 0.
    const t = await inUs({
      redPrice: usd('10.00004'),
      bluePrice: usd('15.00007'),
      floor: usd('16'),
      method: { type: 'capped', maxRate: '0.5' },
    });
    expect(t.destinations.find((d) => d.country === 'US')).toMatchObject({
      floorGapPerUnit: '5.0000',
      redLanded: '15.00006',
      blueLanded: '15.00007',
      cheapest: 'red',
      tier: 'red',
      governingPrice: '15.00006',
    });
    expect(t.market).toMatchObject({
      price: '15.00006',
      marginal: 'red',
      blueVolume: { value: '0', unit: 't' },
      redVolume: { value: '1000', unit: 't' },
      treasuryRevenue: '5000020.00',
      blueRent: '0.00',
      buyersExtraCost: '5000020.00',
    });
  });
});

describe('POST /v1/bloc-tiers: the market’s money figures with prices and volumes in different units, each the exact value rounded once', () => {
  /** Red alone in the US (no allied capacity, blue offered far above), volumes in one unit. */
  const redAlone = (body: Record<string, unknown>, demand: { value: string; unit: string }) =>
    tiers({
      mineral: 'ndpr-oxide',
      bluePrice: usd('100'),
      destinations: ['US'],
      floorMembers: ['US'],
      asOf: '2026-11-21',
      basis: 'customs-value',
      ...body,
      market: { demand, blueCapacity: { value: '0', unit: demand.unit } },
    });

  it('red 15.5 per kg under a floor per lb, all-or-nothing 0.3, 0.5 kg: treasury 0.3 × 15.5 × 0.5 = 2.325 → 2.33, not a hair under the tie', async () => {
    // Per lb: red = 15.5 × 0.45359237 = 7.030681735 < 100, the penalty 0.3 × 7.030681735 =
    // 2.1092045205 per lb is due; red sells all of 0.5 kg = 0.5 / 0.45359237 lb, so the treasury
    // takes 2.1092045205 × 0.5 / 0.45359237 = 0.3 × 15.5 × 0.5 = 2.325; blue cannot serve it, so
    // buyers pay D × (R − R0) = the same 2.325 more.
    const t = await redAlone(
      {
        redPrice: usd('15.5'),
        floor: usd('100', 'lb'),
        method: { type: 'all-or-nothing', penaltyRate: '0.3' },
      },
      { value: '0.5', unit: 'kg' },
    );
    expect(t.destinations[0]?.floorGapPerUnit).toBe('2.1092');
    expect(t.market).toMatchObject({
      marginal: 'red',
      redVolume: { value: '0.5', unit: 'kg' },
      treasuryRevenue: '2.33',
      blueRent: '0.00',
      buyersExtraCost: '2.33',
    });
  });

  it('red 10 per st under a floor of 16 per kg, capped at 1 × P, 2,205 lb: treasury 10 × 2205 / 2000 = 11.025 → 11.03', async () => {
    // Per kg: red = 10 / 907.18474 < 16 and d = min(16 − red, 1 × red) = red; red sells 2,205 lb
    // = 2205 × 0.45359237 kg, so the treasury takes 10 / (2000 × 0.45359237) × 2205 × 0.45359237
    // = 10 × 2205 / 2000 = 11.025, and buyers pay the same 11.025 more.
    const t = await redAlone(
      {
        redPrice: usd('10', 'st'),
        floor: usd('16'),
        method: { type: 'capped', maxRate: '1' },
      },
      { value: '2205', unit: 'lb' },
    );
    expect(t.market).toMatchObject({
      redVolume: { value: '2205', unit: 'lb' },
      treasuryRevenue: '11.03',
      buyersExtraCost: '11.03',
    });
  });
});
