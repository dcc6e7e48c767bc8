import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearFloorZone, type FloorZoneMarketInput } from '../../src/domain/floor-zone-market';
import { add, compare, decimal, isNegative } from '../../src/numeric';
import { t as plain, d as x } from './numbers';

/** Red 10, blue 15, floor 16 full gap: R = 16, R0 = 10, duty 6; volumes in kg. */
function zone(demand: number, capacity: number, overrides: Partial<FloorZoneMarketInput> = {}) {
  return clearFloorZone({
    demand: x(demand),
    blueCapacity: x(capacity),
    blueLanded: x(15),
    redLanded: x(16),
    redLandedWithoutFloor: x(10),
    floorDutyPerUnit: x(6),
    ...overrides,
  });
}

describe('clearFloorZone: finite allied capacity', () => {
  it('the worked case: D 1,000 t, K 400 t → price 16, red 600 t, treasury 3,600,000, blue rent 400,000, buyers 6,000,000', () => {
    const m = zone(1_000_000, 400_000);
    // B 15 ≤ R 16 and K < D: blue sells all it can, red is marginal at the floor
    expect(plain(m.price)).toBe('16');
    expect(m.marginal).toBe('red');
    expect(plain(m.blueVolume)).toBe('400000');
    // 1,000,000 − 400,000
    expect(plain(m.redVolume)).toBe('600000');
    // 6 × 600,000
    expect(plain(m.treasuryRevenue)).toBe('3600000');
    // (16 − 15) × 400,000
    expect(plain(m.blueRent)).toBe('400000');
    // blue cannot serve it all: 1,000,000 × (16 − 10)
    expect(plain(m.buyersExtraCost)).toBe('6000000');
  });

  it('capacity covering demand: blue sets the price at 15, no red, no duty, no rent; buyers pay 1,000,000 × (15 − min(10, 15)) more', () => {
    const m = zone(1_000_000, 1_000_000);
    expect(plain(m.price)).toBe('15');
    expect(m.marginal).toBe('blue');
    expect(plain(m.redVolume)).toBe('0');
    expect(plain(m.treasuryRevenue)).toBe('0');
    expect(plain(m.blueRent)).toBe('0');
    // 1,000,000 × 5
    expect(plain(m.buyersExtraCost)).toBe('5000000');
  });

  it('red landed below the blue offer (a capped duty: R 12.5): red sells everything at 12.5 and blue nothing', () => {
    const m = zone(1_000_000, 2_000_000, { redLanded: x('12.5'), floorDutyPerUnit: x('2.5') });
    expect(plain(m.price)).toBe('12.5');
    expect(plain(m.blueVolume)).toBe('0');
    expect(plain(m.redVolume)).toBe('1000000');
    // 2.5 × 1,000,000
    expect(plain(m.treasuryRevenue)).toBe('2500000');
    // 1,000,000 × (12.5 − min(10, 15))
    expect(plain(m.buyersExtraCost)).toBe('2500000');
  });
});

describe('clearFloorZone: laws', () => {
  const price = fc.integer({ min: 0, max: 100_000 }).map((n) => decimal(BigInt(n), 2));
  const volume = fc.integer({ min: 0, max: 1_000_000 }).map((n) => decimal(BigInt(n), 1));
  const market = fc
    .record({ demand: volume, blueLanded: price, red0: price, duty: price })
    .map(({ demand, blueLanded, red0, duty }) => ({
      demand,
      blueLanded,
      redLandedWithoutFloor: red0,
      redLanded: add(red0, duty),
      floorDutyPerUnit: duty,
    }));

  it('more allied capacity never raises the clearing price', () => {
    fc.assert(
      fc.property(market, volume, volume, (m, a, b) => {
        const [small, large] = compare(a, b) <= 0 ? [a, b] : [b, a];
        const p1 = clearFloorZone({ ...m, blueCapacity: small }).price;
        const p2 = clearFloorZone({ ...m, blueCapacity: large }).price;
        expect(compare(p2, p1)).toBeLessThanOrEqual(0);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('volumes add up to demand and buyers never pay less than without the floor', () => {
    fc.assert(
      fc.property(market, volume, (m, capacity) => {
        const r = clearFloorZone({ ...m, blueCapacity: capacity });
        expect(compare(add(r.blueVolume, r.redVolume), m.demand)).toBe(0);
        expect(isNegative(r.buyersExtraCost)).toBe(false);
        expect(isNegative(r.blueRent)).toBe(false);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('clearFloorZone: decided on the exact landed prices', () => {
  it('exact blue 15.00005 ≤ red 15.00008 (15.0001 and 15.0001 at 4 places, half-up) with K ≥ D: blue sets the price and sells all of D, red nothing', () => {
    const m = zone(1_000_000, 1_200_000, {
      blueLanded: x('15.00005'),
      redLanded: x('15.00008'),
      redLandedWithoutFloor: x('10.00004'),
      floorDutyPerUnit: x('5.00004'),
    });
    expect(m.marginal).toBe('blue');
    expect(plain(m.price)).toBe('15.00005');
    expect(plain(m.blueVolume)).toBe('1000000');
    expect(plain(m.redVolume)).toBe('0');
    // 5.00004 × 0 red volume
    expect(plain(m.treasuryRevenue)).toBe('0');
    // max(0, 15.00005 − 15.00005) × 1,000,000
    expect(plain(m.blueRent)).toBe('0');
    // 1,000,000 × (15.00005 − min(10.00004, 15.00005)) = 1,000,000 × 5.00001
    expect(plain(m.buyersExtraCost)).toBe('5000010');
  });

  it('exact red 15.00004 < blue 15.00005 (both 15.0000 at 4 places, half-up): red sells all of D at red, blue nothing, though K < D', () => {
    const m = zone(1_000_000, 400_000, {
      blueLanded: x('15.00005'),
      redLanded: x('15.00004'),
      redLandedWithoutFloor: x('10'),
      floorDutyPerUnit: x('5.00004'),
    });
    expect(m.marginal).toBe('red');
    expect(plain(m.price)).toBe('15.00004');
    expect(plain(m.blueVolume)).toBe('0');
    // 5.00004 × 1,000,000
    expect(plain(m.treasuryRevenue)).toBe('5000040');
    // blue sells nothing: 0 × anything
    expect(plain(m.blueRent)).toBe('0');
    // K < D: 1,000,000 × (15.00004 − 10) = 5,000,040
    expect(plain(m.buyersExtraCost)).toBe('5000040');
  });
});
