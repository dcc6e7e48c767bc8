import { describe, expect, it } from 'vitest';
import { postJson, problemOf } from '../helpers';

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
});

describe('POST /v1/bloc-tiers: the market decides who sets the price on the printed landed prices', () => {
  it('red under a full gap lands on the printed floor 15.0001, tied with blue 15.00005 → 15.0001: a printed tie goes to blue, which sets the price', async () => {
    // No other duties, no freight: R0 = 10.00004 → 10.0000; F = 15.00008 → 15.0001 (half-up); the
    // full-gap duty 5.00004 fills the gap and prints as the printed gap 15.0001 − 10.0000 = 5.0001;
    // red lands at 10.0000 + 5.0001 = 15.0001 = blue 15.00005 → 15.0001: a tie, blue governs.
    // Blue (capacity 1,200 t ≥ demand 1,000 t) sells all at B = 15.00005, no red, no duty collected;
    // buyers pay 1,000,000 kg × (15.00005 − min(10.00004, 15.00005)) = 1,000,000 × 5.00001 more.
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('10.00004'),
      bluePrice: usd('15.00005'),
      floor: usd('15.00008'),
      destinations: ['US'],
      floorMembers: ['US'],
      rounding: 'half-up',
      asOf: '2026-11-21',
      market: { demand: { value: '1000', unit: 't' }, blueCapacity: { value: '1200', unit: 't' } },
    });
    expect(t.destinations.find((d) => d.country === 'US')).toMatchObject({
      floorGapPerUnit: '5.0001',
      redLanded: '15.0001',
      blueLanded: '15.0001',
      cheapest: 'tie',
      tier: 'blue',
    });
    expect(t.market).toMatchObject({
      price: '15.0001',
      marginal: 'blue',
      blueVolume: { value: '1000', unit: 't' },
      redVolume: { value: '0', unit: 't' },
      treasuryRevenue: '0.00',
      blueRent: '0.00',
      buyersExtraCost: '5000010.00',
    });
  });

  it('red R0 10.00004 + duty 5.00002 prints 15.0000 against blue 15.00005 → 15.0001: red is cheapest in the row and red sets the price at 15.0000', async () => {
    // No other duties on NdPr oxide into the US, no freight: R0 = 10.00004; capped at 0.5 under a
    // floor of 16 the duty is min(16 − 10.00004, 0.5 × 10.00004) = 5.00002. Half-up: R0 → 10.0000,
    // d → 5.0000, red landed 10.0000 + 5.0000 = 15.0000; blue 15.00005 → 15.0001. Printed, red is
    // cheaper (exact red 15.00006 is above blue 15.00005, which would have made blue set the price
    // at 15.0001 while the row shows red cheapest).
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('10.00004'),
      bluePrice: usd('15.00005'),
      floor: usd('16'),
      method: { type: 'capped', maxRate: '0.5' },
      destinations: ['US'],
      floorMembers: ['US'],
      rounding: 'half-up',
      asOf: '2026-11-21',
      market: { demand: { value: '1000', unit: 't' }, blueCapacity: { value: '1200', unit: 't' } },
    });
    const us = t.destinations.find((d) => d.country === 'US');
    expect(us?.floorGapPerUnit).toBe('5.0000');
    expect(us?.redLanded).toBe('15.0000');
    expect(us?.blueLanded).toBe('15.0001');
    expect(t.market).toMatchObject({
      price: '15.0000',
      marginal: 'red',
      blueVolume: { value: '0', unit: 't' },
      redVolume: { value: '1000', unit: 't' },
      // 5.00002 per kg × 1,000,000 kg = 5,000,020
      treasuryRevenue: '5000020.00',
      blueRent: '0.00',
      // blue could serve all: 1,000,000 kg × (15.00006 − min(10.00004, 15.00005)) = 1,000,000 × 5.00002
      buyersExtraCost: '5000020.00',
    });
  });
});
