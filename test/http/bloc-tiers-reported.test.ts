import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalJsFixed, Wide } from '../domain/reference-rounding';
import { call, postJson } from '../helpers';

interface Tier {
  country: string;
  bloc: string;
  floorApplies: boolean;
  coverage: { tariffs: string };
  redOtherDutyRate: string | null;
  cheapest: 'red' | 'blue' | 'tie';
  tier: 'red' | 'blue';
  floorGapPerUnit: string;
  redLanded: string;
  redLandedWithoutFloor: string;
  blueLanded: string;
  governingPrice: string;
}
interface Tiers {
  destinations: Tier[];
  tracks: { red: string; blue: string; spread: string; bluePremium: string | null };
  coverage: { tariffs: string };
  leakage: {
    destinations: string[];
    insideCost: string | null;
    leakCost: string | null;
    downstreamCostGapPerUnit: string;
    floorPart: string | null;
    otherDutiesPart: string | null;
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

describe('POST /v1/bloc-tiers: each figure rounded once; the leakage gap adds up as printed', () => {
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
    // Default destinations: every member of every bloc, 250 rows. Inside (US, JP) blue governs at
    // 19.14732 → 19.1473. Every other blue or grey member is a leak, 250 − 3 red − 2 = 245 (none
    // with a known duty: each counted as 0, as IN's), where red lands at
    // 14.59563 + 0.74313 = 15.33876 → 15.3388. Gap as printed: 19.1473 − 15.3388 = 3.8085 (the
    // exact 19.14732 − 15.33876 = 3.80856 would round to 3.8086). Without the floor red would land
    // at 15.33876 inside too: nothing of the gap is from other duties, all of it is the floor's.
    expect(t.leakage.destinations).toHaveLength(245);
    expect(t.leakage).toMatchObject({
      insideCost: '19.1473',
      leakCost: '15.3388',
      downstreamCostGapPerUnit: '3.8085',
      floorPart: '3.8085',
      otherDutiesPart: '0.0000',
    });
    // US values f.o.b.: duty 25.21040 − 14.59563 = 10.61477 → 10.6148 (rounded once, as
    // /v1/floor-gap prints it); without the floor 14.59563 + 0.74313 = 15.33876 → 15.3388; red
    // lands at the exact 15.33876 + 10.61477 = 25.95353 → 25.9535 (half-even), as /v1/floor-gap
    // rounds its landed price once: the printed 15.3388 + 10.6148 = 25.9536 is a unit above it.
    expect(row(t, 'US')).toMatchObject({
      redLanded: '25.9535',
      redLandedWithoutFloor: '15.3388',
      floorGapPerUnit: '10.6148',
    });
  });

  it('per destination: a full gap 2.89579 prints 2.8958 and red lands on the printed floor 12.7936 (each rounded once; the printed 9.8979 + 2.8958 = 12.7937 is not it)', async () => {
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('9.89785'),
      bluePrice: usd('15'),
      floor: usd('12.79364'),
      destinations: ['US', 'IN'],
      asOf: '2026-11-21',
    });
    // US (NdPr duty-free, full gap): R = 9.89785 → 9.8979 and F = 12.79364 → 12.7936 (half-up);
    // the duty 12.79364 − 9.89785 = 2.89579 → 2.8958, as /v1/floor-gap prints it; red lands at
    // exactly 9.89785 + 2.89579 = 12.79364 → 12.7936, the printed floor.
    expect(row(t, 'US')).toMatchObject({
      redLanded: '12.7936',
      redLandedWithoutFloor: '9.8979',
      floorGapPerUnit: '2.8958',
    });
    // The leakage gap is a difference of printed landed prices, 12.7936 − 9.8979 = 2.8957, all of
    // it the floor's (a unit in the last place below the printed duty).
    expect(t.leakage).toMatchObject({
      insideCost: '12.7936',
      leakCost: '9.8979',
      downstreamCostGapPerUnit: '2.8957',
      floorPart: '2.8957',
      otherDutiesPart: '0.0000',
    });
    // IN applies no floor: red lands at 9.8979 with and without it, the duty is 0.
    expect(row(t, 'IN')).toMatchObject({
      redLanded: '9.8979',
      redLandedWithoutFloor: '9.8979',
      floorGapPerUnit: '0.0000',
    });
  });

  it('the documented floorPart example: red 10.00005 under a floor of 16 on the customs value, US the floor, JP outside → floorPart 5.9999 beside US floorGapPerUnit 6.0000', async () => {
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('10.00005'),
      bluePrice: usd('17'),
      floor: usd('16'),
      destinations: ['US', 'JP'],
      floorMembers: ['US'],
      basis: 'customs-value',
      rounding: 'half-up',
      asOf: '2026-11-21',
    });
    // US (NdPr duty-free): d = 16 − 10.00005 = 5.99995 → 6.0000; red lands at exactly 16 →
    // 16.0000, without the floor 10.00005 → 10.0001 (half-up); blue 17 is dearer, red governs.
    expect(row(t, 'US')).toMatchObject({
      tier: 'red',
      floorGapPerUnit: '6.0000',
      redLanded: '16.0000',
      redLandedWithoutFloor: '10.0001',
    });
    // JP leaks at 10.0001; gap 16.0000 − 10.0001 = 5.9999; the inside cost without the floor,
    // min(10.0001, 17.0000) = 10.0001, is not above leakCost: otherDutiesPart 0, floorPart
    // = 16.0000 − max(10.0001, 10.0001) = 5.9999, printed redLanded − redLandedWithoutFloor.
    expect(t.leakage).toMatchObject({
      destinations: ['JP'],
      downstreamCostGapPerUnit: '5.9999',
      floorPart: '5.9999',
      otherDutiesPart: '0.0000',
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

  it('floorGapPerUnit is /v1/floor-gap’s dutyPerUnit: price 14.59563, floor 25.21040 per kg → 10.6148 from both (25.21040 − 14.59563 = 10.61477, rounded once)', async () => {
    const gap = await call('/v1/floor-gap?price=14.59563&floor=25.21040&per=kg&asOf=2026-11-21');
    expect(((await gap.json()) as { dutyPerUnit: string }).dutyPerUnit).toBe('10.6148');
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('14.59563'),
      bluePrice: usd('30'),
      floor: usd('25.21040'),
      destinations: ['US', 'IN'],
      asOf: '2026-11-21',
    });
    // US (no other duty on the line, no freight): without the floor 14.59563 → 14.5956, the duty
    // 10.61477 → 10.6148, red lands at 14.5956 + 10.6148 = 25.2104. The leak IN prints 14.5956, so
    // the gap 25.2104 − 14.5956 = 10.6148 is all the floor's: floorPart is the printed duty.
    expect(row(t, 'US')).toMatchObject({
      redLandedWithoutFloor: '14.5956',
      floorGapPerUnit: '10.6148',
      redLanded: '25.2104',
    });
    expect(t.leakage).toMatchObject({
      destinations: ['IN'],
      insideCost: '25.2104',
      leakCost: '14.5956',
      downstreamCostGapPerUnit: '10.6148',
      floorPart: '10.6148',
      otherDutiesPart: '0.0000',
    });
  });

  it('decisions follow the exact figures: red 19.14736 and blue 19.14744 would both print 19.1474 outside the floor; IN is red, a leak, and the landed figures print with 5 places to show it', async () => {
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('19.14736'),
      bluePrice: usd('19.14744'),
      floor: usd('25.21040'),
      destinations: ['IN', 'US'],
      floorMembers: ['US'],
      asOf: '2026-11-21',
    });
    // IN (no floor, no duty known): exactly red 19.14736 < blue 19.14744 (0.00008 cheaper); at 4
    // places both are 19.1474, at 5 they are apart: red governs.
    expect(row(t, 'IN')).toMatchObject({
      redLanded: '19.14736',
      blueLanded: '19.14744',
      cheapest: 'red',
      tier: 'red',
      governingPrice: '19.14736',
    });
    // US: duty 25.21040 − 19.14736 = 6.06304 → 6.0630; red lands at exactly 25.2104 (25.21040 at
    // 5 places), blue at 19.14744: blue.
    expect(row(t, 'US')).toMatchObject({
      floorGapPerUnit: '6.0630',
      redLanded: '25.2104',
      redLandedWithoutFloor: '19.14736',
      blueLanded: '19.14744',
      cheapest: 'blue',
      tier: 'blue',
    });
    // IN leaks: 19.14744 inside − 19.14736 at the leak = 0.00008, all the floor's (without it
    // the US would be served at R0 19.14736 = the leak cost: max(0, 0) of other duties).
    expect(t.leakage).toMatchObject({
      destinations: ['IN'],
      insideCost: '19.14744',
      leakCost: '19.14736',
      downstreamCostGapPerUnit: '0.00008',
      floorPart: '0.00008',
      otherDutiesPart: '0.0000',
    });
    // spread 19.14744 − 19.14736 = 0.00008; bluePremium 0.00008 / 19.14736 = 0.00000417812… →
    // 0.000004.
    expect(t.tracks).toMatchObject({
      red: '19.14736',
      blue: '19.14744',
      spread: '0.00008',
      bluePremium: '0.000004',
    });
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
    rounding: fc.constantFrom<'half-up' | 'half-even'>('half-up', 'half-even'),
    demand: fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 10_000_000).toFixed(7)),
    capacity: fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 10_000_000).toFixed(7)),
  });

  it('inside − leak = gap = floorPart + otherDutiesPart (parts in [0, gap]); redLanded within a unit in the last place of redLandedWithoutFloor + floorGapPerUnit; cheapest, tier and leaks as printed; governing = min(red, blue); spread = blue − red; bluePremium = spread / red rounded once; blue + red volume = demand', async () => {
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
          // Each is rounded once from its exact value (each within half a unit of it), so the
          // printed parts add up to the printed redLanded within a unit in the last place.
          const sum = w(d.redLandedWithoutFloor).plus(d.floorGapPerUnit);
          expect(sum.minus(d.redLanded).abs().lte('0.0001')).toBe(true);
          // Decisions are the printed figures': cheaper as printed, a printed tie to blue.
          const order = w(d.redLanded).cmp(d.blueLanded);
          expect(d.cheapest).toBe(order < 0 ? 'red' : order > 0 ? 'blue' : 'tie');
          expect(d.tier).toBe(order < 0 ? 'red' : 'blue');
          expect(t.leakage.destinations.includes(d.country)).toBe(
            !d.floorApplies && d.bloc !== 'red' && order < 0,
          );
          expect(w(d.floorGapPerUnit).isNegative()).toBe(false);
          expect(w(d.governingPrice).eq(Wide.min(d.redLanded, d.blueLanded))).toBe(true);
          if (!d.floorApplies) expect(w(d.floorGapPerUnit).isZero()).toBe(true);
        }
        expect(w(t.tracks.blue).minus(t.tracks.red).eq(t.tracks.spread)).toBe(true);
        // bluePremium = the printed spread / the printed red, rounded once (decimal.js the oracle).
        // Null where the printed red is 0: a ratio over a zero price is undefined.
        if (w(t.tracks.red).isZero()) expect(t.tracks.bluePremium).toBeNull();
        else {
          const premium = w(decimalJsFixed(w(t.tracks.spread).div(t.tracks.red), 6, r.rounding));
          expect(w(t.tracks.bluePremium ?? 'NaN').eq(premium)).toBe(true);
        }
        const l = t.leakage;
        const gap = w(l.downstreamCostGapPerUnit);
        const expected =
          l.insideCost === null || l.leakCost === null
            ? new Wide(0)
            : Wide.max(0, w(l.insideCost).minus(l.leakCost));
        expect(gap.eq(expected)).toBe(true);
        // The parts are null together (the split rests on a duty the data lacks: JP, EU, GB, IN
        // and VN have none for the line) or add up to the gap.
        expect(l.floorPart === null).toBe(l.otherDutiesPart === null);
        if (l.floorPart !== null && l.otherDutiesPart !== null) {
          expect(w(l.floorPart).plus(l.otherDutiesPart).eq(gap)).toBe(true);
          for (const part of [l.floorPart, l.otherDutiesPart]) {
            expect(w(part).isNegative()).toBe(false);
            expect(w(part).lte(gap)).toBe(true);
          }
        } else {
          // some destination's duty is unknown: the answer is not complete
          expect(t.destinations.some((d) => d.coverage.tariffs === 'none')).toBe(true);
          expect(t.coverage.tariffs).not.toBe('complete');
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

  it('with no freight, each floor member’s floorGapPerUnit is /v1/floor-gap’s dutyPerUnit for the same price, floor, basis, other duties and rounding, and on the duty-paid basis its redLanded is /v1/floor-gap’s landedPerUnit', async () => {
    const prices = fc.record({
      // Other duties on red supply into the US: none on NdPr oxide, 3.7% on Dy oxide, 27.1% on magnets.
      mineral: fc.constantFrom('ndpr-oxide', 'dy-oxide', 'ndfeb-magnet'),
      redPrice: amount,
      floor: amount,
      basis: fc.constantFrom('duty-paid', 'customs-value'),
      rounding: fc.constantFrom('half-up', 'half-even'),
    });
    await fc.assert(
      fc.asyncProperty(prices, async (r) => {
        const t = await tiers({
          mineral: r.mineral,
          redPrice: usd(r.redPrice),
          bluePrice: usd('40'),
          floor: usd(r.floor),
          destinations: ['US', 'JP'],
          basis: r.basis,
          rounding: r.rounding,
          asOf: '2026-11-21',
        });
        for (const d of t.destinations.filter((x) => x.floorApplies)) {
          const query = new URLSearchParams({
            price: r.redPrice,
            floor: r.floor,
            per: 'kg',
            basis: r.basis,
            otherDutyRate: d.redOtherDutyRate ?? '0',
            rounding: r.rounding,
            asOf: '2026-11-21',
          });
          const gap = (await (await call(`/v1/floor-gap?${query}`)).json()) as {
            dutyPerUnit: string;
            landedPerUnit: string;
          };
          expect(d.floorGapPerUnit).toBe(gap.dutyPerUnit);
          // Duty-paid with no freight, red without the floor is P × (1 + r) = R, so red lands at
          // R + d exactly, rounded once, as /v1/floor-gap's landed price (on the customs value R = P
          // is not red's landed price without the floor).
          // (Where a destination's red and blue landed prices would print equal or reversed at 4
          // places, every landed figure prints with more: then this one need not be floor-gap's.)
          const fourPlaces = t.destinations
            .flatMap((x) => [x.redLanded, x.blueLanded])
            .every((v) => /\.\d{4}$/.test(v));
          if (r.basis === 'duty-paid' && fourPlaces) expect(d.redLanded).toBe(gap.landedPerUnit);
        }
      }),
      { seed: 11, numRuns: 40 },
    );
  });
});

// Bloc tiers decide which track is cheaper, which governs, where red leaks and who sells in the
// floor zone on the exact landed prices, never on rounded ones, under either rounding mode; and
// print the two landed prices of a destination with more places (up to 10) where 4 would show
// them equal or reversed, so that the printed figures say the same.

const MODES = ['half-up', 'half-even'] as const;

describe('bloc tiers: decisions on the exact landed prices, printed so that they show', () => {
  it('red lands at exactly 16 under the floor beside blue 16.00001: red is cheaper, governs, and sells all of the zone at 16', async () => {
    for (const rounding of MODES) {
      const t = await tiers({
        mineral: 'ndpr-oxide',
        redPrice: usd('10'),
        bluePrice: usd('16.00001'),
        floor: usd('16'),
        destinations: ['US'],
        floorMembers: ['US'],
        asOf: '2026-11-21',
        rounding,
        market: {
          demand: { value: '1000', unit: 't' },
          blueCapacity: { value: '4000', unit: 't' },
        },
      });
      // US (no other duty on NdPr oxide): red 10 + floor duty (16 − 10 = 6) = 16 < blue 16.00001.
      // At 4 places both would be 16.0000; at 5, 16.00000 ("16.0000") < 16.00001.
      expect(row(t, 'US')).toMatchObject({
        redLanded: '16.0000',
        blueLanded: '16.00001',
        cheapest: 'red',
        tier: 'red',
        governingPrice: '16.0000',
      });
      // R < B: red sells all 1,000 t = 1,000,000 kg at 16; treasury 6 × 1,000,000 = 6,000,000.00;
      // buyers (blue could serve all) 1,000,000 × (16 − min(10, 16.00001)) = 6,000,000.00; blue
      // sells nothing.
      expect(t.market).toMatchObject({
        price: '16.0000',
        marginal: 'red',
        blueVolume: { value: '0', unit: 't' },
        redVolume: { value: '1000', unit: 't' },
        treasuryRevenue: '6000000.00',
        blueRent: '0.00',
        buyersExtraCost: '6000000.00',
      });
    }
  });

  it('blue 10.00001 beside red 10 outside the floor (IN): red is cheaper and IN leaks, in the JSON, CSV and text forms', async () => {
    for (const rounding of MODES) {
      const t = await tiers({
        mineral: 'ndpr-oxide',
        redPrice: usd('10'),
        bluePrice: usd('10.00001'),
        floor: usd('16'),
        destinations: ['US', 'IN'],
        floorMembers: ['US'],
        asOf: '2026-11-21',
        rounding,
      });
      // IN: no duty known (counted 0): red 10 < blue 10.00001; at 5 places 10.00000 < 10.00001.
      expect(row(t, 'IN')).toMatchObject({
        redLanded: '10.0000',
        blueLanded: '10.00001',
        cheapest: 'red',
        tier: 'red',
        governingPrice: '10.0000',
      });
      // US: red lands at 16, blue 10.00001 governs.
      expect(row(t, 'US')).toMatchObject({ cheapest: 'blue', governingPrice: '10.00001' });
      // inside 10.00001 − leak 10 = 0.00001; without the floor the US would be served by red at
      // 10 = the leak: 0 from other duties, 0.00001 from the floor.
      expect(t.leakage).toMatchObject({
        destinations: ['IN'],
        insideCost: '10.00001',
        leakCost: '10.0000',
        downstreamCostGapPerUnit: '0.00001',
        floorPart: '0.00001',
        otherDutiesPart: '0.0000',
      });
      const query = `mineral=ndpr-oxide&redPrice=10&bluePrice=10.00001&floor=16&per=kg&destinations=US,IN&floorMembers=US&asOf=2026-11-21&rounding=${rounding}&assume=no-duty`;
      const text = await call(`/v1/bloc-tiers?${query}&format=text&field=leakDestinations`);
      expect(await text.text()).toBe('IN');
      const csv = await (await call(`/v1/bloc-tiers?${query}&format=csv`)).text();
      // country,bloc,floorApplies,redLanded,blueLanded,floorGapPerUnit,cheapest,tier,
      // governingPrice,leak,...
      expect(csv).toContain('IN,grey,false,10.0000,10.00001,0.0000,red,red,10.0000,true,kg,USD');
    }
  });

  it('red capped to land at 14.9999875 beside blue 15: bloc tiers name red, as the sweep’s blueWins false does', async () => {
    for (const rounding of MODES) {
      const method = { type: 'capped', maxRate: '0.49999875' };
      const t = await tiers({
        mineral: 'ndpr-oxide',
        redPrice: usd('10'),
        bluePrice: usd('15'),
        floor: usd('16'),
        method,
        destinations: ['US'],
        floorMembers: ['US'],
        asOf: '2026-11-21',
        rounding,
      });
      // duty min(16 − 10, 0.49999875 × 10) = min(6, 4.9999875) = 4.9999875; red lands at
      // 14.9999875 < 15. At 4 places both are 15.0000; at 5, 14.99999 (14.99998|75 rounds up under
      // either mode) < 15.00000.
      expect(row(t, 'US')).toMatchObject({
        redLanded: '14.99999',
        blueLanded: '15.0000',
        cheapest: 'red',
        tier: 'red',
        governingPrice: '14.99999',
      });
      const response = await postJson('/v1/floor-gap/sweep', {
        redPrices: ['10'],
        floors: ['16'],
        per: 'kg',
        bluePrice: '15',
        method,
        rounding,
      });
      const sweep = (await response.json()) as { cells: { blueWins: boolean }[] };
      expect(sweep.cells.map((c) => c.blueWins)).toEqual([false]);
    }
  });

  it('each destination’s cheapest is the exact comparison of its landed prices, and the printed ones compare the same (both modes)', async () => {
    // Prices with 5 places near one another, so that many pairs print equal at 4 places.
    const price = fc.integer({ min: 1_000_000, max: 1_000_040 }).map((n) => String(n / 100_000));
    const cases = fc.record({
      red: price,
      blue: price,
      floor: price,
      maxRate: fc.constantFrom(null, '0', '0.000001', '0.000002'),
      rounding: fc.constantFrom(...MODES),
    });
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const t = await tiers({
          mineral: 'ndpr-oxide',
          redPrice: usd(c.red),
          bluePrice: usd(c.blue),
          floor: usd(c.floor),
          ...(c.maxRate === null ? {} : { method: { type: 'capped', maxRate: c.maxRate } }),
          destinations: ['US', 'IN', 'CN'],
          floorMembers: ['US'],
          asOf: '2026-11-21',
          rounding: c.rounding,
        });
        const red = new Wide(c.red);
        const blue = new Wide(c.blue);
        // No other duty on any lane here (US none on NdPr oxide, IN unknown and counted 0, CN red
        // supply's home): red lands at red + the floor duty where the floor applies (full gap:
        // F − red; capped: at most maxRate × red), blue at blue.
        const gap = Wide.max(0, new Wide(c.floor).minus(red));
        for (const d of t.destinations) {
          const duty = !d.floorApplies
            ? new Wide(0)
            : c.maxRate === null
              ? gap
              : Wide.min(gap, red.times(c.maxRate));
          const exact = red.plus(duty).comparedTo(blue);
          const printed = new Wide(d.redLanded).comparedTo(new Wide(d.blueLanded));
          const expected = exact < 0 ? 'red' : exact > 0 ? 'blue' : 'tie';
          expect(d.cheapest).toBe(expected);
          expect(printed).toBe(exact);
          expect(d.tier).toBe(expected === 'red' ? 'red' : 'blue');
        }
      }),
      { seed: 7, numRuns: 60 },
    );
  });
});
