import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Wide } from '../domain/reference-rounding';
import { postJson } from '../helpers';

interface Tier {
  country: string;
  floorApplies: boolean;
  floorGapPerUnit: string;
  redLanded: string;
  redLandedWithoutFloor: string;
  blueLanded: string;
  governingPrice: string;
}
interface Tiers {
  destinations: Tier[];
  tracks: { red: string; blue: string; spread: string };
  leakage: {
    destinations: string[];
    insideCost: string | null;
    leakCost: string | null;
    downstreamCostGapPerUnit: string;
    floorPart: string;
    otherDutiesPart: string;
  };
  market?: {
    destination: string;
    price: string;
    marginal: 'red' | 'blue';
    demand: { value: string; unit: string };
    blueVolume: { value: string; unit: string };
    redVolume: { value: string; unit: string };
    treasuryRevenue: string;
    blueRent: string;
    buyersExtraCost: string;
  };
}

async function tiers(body: Record<string, unknown>): Promise<Tiers> {
  const response = await postJson('/v1/bloc-tiers', body);
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as Tiers;
}

const usd = (amount: string, per = 'kg') => ({ amount, currency: 'USD', per });
function row(t: Tiers, country: string): Tier {
  const found = t.destinations.find((d) => d.country === country);
  if (found === undefined) throw new Error(`no row for ${country}`);
  return found;
}

/** Decimal strings compared by value, by decimal.js (the oracle). */
const w = (x: string) => new Wide(x);

describe('POST /v1/bloc-tiers: reported figures add up as printed', () => {
  it('leakage: insideCost 19.1473 − leakCost 15.3388 = 3.8085 = floorPart 3.8085 + otherDutiesPart 0.0000 (half-even; exactly 3.80856 would print 3.8086)', async () => {
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('14.59563'),
      bluePrice: usd('19.14732'),
      floor: usd('25.21040'),
      floorMembers: ['US', 'JP'],
      redFreight: '0.74313',
      rounding: 'half-even',
      asOf: '2026-11-21',
    });
    // Inside (US, JP) blue governs at 19.14732 → 19.1473. At a leak (IN, no duty) red lands at
    // 14.59563 + 0.74313 = 15.33876 → 15.3388. Gap as printed: 19.1473 − 15.3388 = 3.8085 (the
    // exact 19.14732 − 15.33876 = 3.80856 would round to 3.8086). Without the floor red would land
    // at 15.33876 inside too: nothing of the gap is from other duties, all of it is the floor's.
    expect(t.leakage).toMatchObject({
      insideCost: '19.1473',
      leakCost: '15.3388',
      downstreamCostGapPerUnit: '3.8085',
      floorPart: '3.8085',
      otherDutiesPart: '0.0000',
    });
    // US values f.o.b.: duty 25.21040 − 14.59563 = 10.61477, red lands at 14.59563 + 0.74313 +
    // 10.61477 = 25.95353 → 25.9535; without the floor 15.33876 → 15.3388; the duty as printed is
    // 25.9535 − 15.3388 = 10.6147 (the exact 10.61477 alone would print 10.6148).
    expect(row(t, 'US')).toMatchObject({
      redLanded: '25.9535',
      redLandedWithoutFloor: '15.3388',
      floorGapPerUnit: '10.6147',
    });
  });

  it('per destination: redLanded 12.7936 = redLandedWithoutFloor 9.8979 + floorGapPerUnit 2.8957 (the exact duty 2.89579 alone would print 2.8958)', async () => {
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('9.89785'),
      bluePrice: usd('15'),
      floor: usd('12.79364'),
      destinations: ['US', 'IN'],
      asOf: '2026-11-21',
    });
    // US: duty 12.79364 − 9.89785 = 2.89579; red lands at the floor 12.79364 → 12.7936; without
    // the floor 9.89785 → 9.8979 (half-up); 12.7936 − 9.8979 = 2.8957.
    expect(row(t, 'US')).toMatchObject({
      redLanded: '12.7936',
      redLandedWithoutFloor: '9.8979',
      floorGapPerUnit: '2.8957',
    });
    // IN applies no floor: red lands at 9.8979 with and without it, the duty is 0.
    expect(row(t, 'IN')).toMatchObject({
      redLanded: '9.8979',
      redLandedWithoutFloor: '9.8979',
      floorGapPerUnit: '0.0000',
    });
  });

  it('tracks: spread = blue 7.7427 − red 11.3866 = −3.6439 as printed (the exact 7.74274 − 11.38656 = −3.64382 alone would print −3.6438)', async () => {
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('11.38656'),
      bluePrice: usd('7.74274'),
      floor: usd('12'),
      destinations: ['US', 'IN'],
      asOf: '2026-11-21',
    });
    expect(t.tracks).toMatchObject({ red: '11.3866', blue: '7.7427', spread: '-3.6439' });
  });

  it('market: blueVolume 0.000001 t + redVolume 0.999999 t = demand 1 t (half-up; blue 0.0000005 t and red 0.9999995 t would each round up to a sum of 1.000001)', async () => {
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('10'),
      bluePrice: usd('15'),
      floor: usd('16'),
      destinations: ['US', 'IN', 'CN'],
      floorMembers: ['US'],
      market: {
        demand: { value: '1', unit: 't' },
        blueCapacity: { value: '0.0005', unit: 'kg' },
      },
      asOf: '2026-11-21',
    });
    // Blue 15 ≤ red 16 but 0.0005 kg < 1,000 kg: red is marginal at 16, red sells 999.9995 kg.
    expect(t.market).toEqual({
      destination: 'US',
      demand: { value: '1', unit: 't' },
      blueCapacity: { value: '0.0005', unit: 'kg' },
      price: '16.0000',
      marginal: 'red',
      // 0.0005 kg = 0.0000005 t → 0.000001 (half-up); red 1 − 0.000001 = 0.999999
      blueVolume: { value: '0.000001', unit: 't' },
      redVolume: { value: '0.999999', unit: 't' },
      // 6 × 999.9995 kg = 5,999.997 → 6000.00
      treasuryRevenue: '6000.00',
      // (16 − 15) × 0.0005 kg = 0.0005 → 0.00
      blueRent: '0.00',
      // 1,000 kg × (16 − 10)
      buyersExtraCost: '6000.00',
    });
  });
});

describe('POST /v1/bloc-tiers: the laws of the reported figures', () => {
  // Prices with 5 places, so that the 4-place figures round most of the time.
  const amount = fc.integer({ min: 0, max: 4_000_000 }).map((n) => (n / 100_000).toFixed(5));
  const members = fc.subarray(['US', 'JP', 'EU', 'GB', 'IN'], { minLength: 0 });
  const request = fc.record({
    redPrice: amount,
    bluePrice: amount,
    floor: amount,
    redFreight: amount,
    blueFreight: amount,
    floorMembers: members,
    basis: fc.constantFrom('duty-paid', 'customs-value'),
    rounding: fc.constantFrom('half-up', 'half-even'),
    demand: fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 10_000_000).toFixed(7)),
    capacity: fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 10_000_000).toFixed(7)),
  });

  it('inside − leak = gap = floorPart + otherDutiesPart (parts in [0, gap]); redLanded = redLandedWithoutFloor + floorGapPerUnit; governing = min(red, blue); spread = blue − red; blue + red volume = demand', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const t = await tiers({
          mineral: 'ndpr-oxide',
          redPrice: usd(r.redPrice),
          bluePrice: usd(r.bluePrice),
          floor: usd(r.floor),
          redFreight: r.redFreight,
          blueFreight: r.blueFreight,
          destinations: ['US', 'JP', 'EU', 'GB', 'IN', 'VN', 'CN'],
          floorMembers: r.floorMembers,
          basis: r.basis,
          rounding: r.rounding,
          ...(r.floorMembers.length === 0
            ? {}
            : {
                market: {
                  demand: { value: r.demand, unit: 't' },
                  blueCapacity: { value: r.capacity, unit: 't' },
                },
              }),
          asOf: '2026-11-21',
        });
        for (const d of t.destinations) {
          expect(w(d.redLandedWithoutFloor).plus(d.floorGapPerUnit).eq(d.redLanded)).toBe(true);
          expect(w(d.floorGapPerUnit).isNegative()).toBe(false);
          expect(w(d.governingPrice).eq(Wide.min(d.redLanded, d.blueLanded))).toBe(true);
          if (!d.floorApplies) expect(w(d.floorGapPerUnit).isZero()).toBe(true);
        }
        expect(w(t.tracks.blue).minus(t.tracks.red).eq(t.tracks.spread)).toBe(true);
        const l = t.leakage;
        const gap = w(l.downstreamCostGapPerUnit);
        const expected =
          l.insideCost === null || l.leakCost === null
            ? new Wide(0)
            : Wide.max(0, w(l.insideCost).minus(l.leakCost));
        expect(gap.eq(expected)).toBe(true);
        expect(w(l.floorPart).plus(l.otherDutiesPart).eq(gap)).toBe(true);
        for (const part of [l.floorPart, l.otherDutiesPart]) {
          expect(w(part).isNegative()).toBe(false);
          expect(w(part).lte(gap)).toBe(true);
        }
        if (t.market !== undefined) {
          const m = t.market;
          expect(w(m.blueVolume.value).plus(m.redVolume.value).eq(m.demand.value)).toBe(true);
          expect(w(m.redVolume.value).isNegative()).toBe(false);
          const zone = row(t, m.destination);
          expect(m.price).toBe(m.marginal === 'blue' ? zone.blueLanded : zone.redLanded);
        }
      }),
      { seed: 7, numRuns: 150 },
    );
  });
});
