import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FloorBasis,
  type FloorGapMethod,
  floorGapDuty,
  floorGapOnQuantity,
  trancheBandIssues,
  trancheDuty,
  WTO_TRANCHE_BANDS,
} from '../../src/domain/floor-gap';
import {
  add,
  decimal,
  greaterThanOrEqual,
  isNegative,
  max,
  subtract,
  ZERO,
} from '../../src/numeric';
import { d, t } from './numbers';

function duty(
  price: string,
  floor: string,
  method: FloorGapMethod = { type: 'full-gap' },
  otherDutyRate = '0',
  basis: FloorBasis = 'duty-paid',
) {
  return floorGapDuty({
    price: d(price),
    floor: d(floor),
    basis,
    otherDutyRate: d(otherDutyRate),
    method,
  });
}

/** A decimal as the exact quotient x / 1. */
const q = (x: string | number) => ({ of: d(x), to: d(1) });

describe('floorGapOnQuantity: the duty on a quantity is the duty per unit times the quantity, exact', () => {
  const input = {
    price: q(10),
    floor: q(16),
    basis: 'duty-paid' as const,
    otherDutyRate: d('0.25'),
    method: { type: 'full-gap' } as const,
  };

  it('the worked example with a 25% other duty: 16 − 10 × 1.25 = 3.5 per kg × 1000 kg = 3500', () => {
    const r = floorGapOnQuantity(input, q(1000));
    expect(t(r.dutyPerUnit)).toBe('3.5');
    expect(t(r.duty)).toBe('3500');
  });

  it('nothing is rounded here: 3.5 × 0.333 kg = 1.1655 (rounded once when reported)', () => {
    expect(t(floorGapOnQuantity(input, q('0.333')).duty)).toBe('1.1655');
  });

  it('prices and quantity as exact quotients: a duty whose unit factors cancel is exact, 2.325 (no truncated quotient)', () => {
    // Per lb: P = 15.5 per kg = 15.5 × 0.45359237 / 1; F = 12.5 / 1; the quantity 0.5 kg = 0.5 /
    // 0.45359237 lb. R = P = 7.030681735 < 12.5, so d = 0.3 × 7.030681735 = 2.1092045205 per lb,
    // and on the quantity 2.1092045205 × 0.5 / 0.45359237 = 0.3 × 15.5 × 0.5 = 2.325.
    const r = floorGapOnQuantity(
      {
        price: { of: d('7.030681735'), to: d(1) },
        floor: q('12.5'),
        basis: 'duty-paid',
        otherDutyRate: d(0),
        method: { type: 'all-or-nothing', penaltyRate: d('0.3') },
      },
      { of: d('0.5'), to: d('0.45359237') },
    );
    expect(t(r.dutyPerUnit)).toBe('2.1092045205');
    expect(t(r.duty)).toBe('2.325');
  });

  it('a price per another unit is scaled, not divided: 10 per st per kg = 10 / 907.18474, on 1000.17117585 kg → 11.025', () => {
    // d = P (capped at 1 × P, customs value): P × quantity = 10 × 1000.17117585 / 907.18474 =
    // 10 × 2205 × 0.45359237 / (2000 × 0.45359237) = 11.025; per kg d = 0.0110231131… (carried).
    const r = floorGapOnQuantity(
      {
        price: { of: d(10), to: d('907.18474') },
        floor: q(16),
        basis: 'customs-value',
        otherDutyRate: d(0),
        method: { type: 'capped', maxRate: d(1) },
      },
      q('1000.17117585'),
    );
    expect(t(r.duty)).toBe('11.025');
    expect(t(r.dutyPerUnit, 10)).toBe('0.0110231131');
    expect(t(r.price, 10)).toBe('0.0110231131');
  });
});

describe('the sources’ worked example (Chinese $10, floor $16)', () => {
  it('no other duties: gap 16 − 10 = 6, all of it collected', () => {
    const r = duty('10', '16');
    expect(t(r.gap)).toBe('6');
    expect(t(r.dutyPerUnit)).toBe('6');
    expect(t(r.landedPerUnit)).toBe('16');
    expect(t(r.adValoremEquivalent)).toBe('0.6');
    expect(r.binding).toBe(true);
  });

  it('duty-paid basis counts other duties before the floor: 16 − 10 × 1.25 = 3.5', () => {
    const r = duty('10', '16', { type: 'full-gap' }, '0.25', 'duty-paid');
    expect(t(r.reference)).toBe('12.5');
    expect(t(r.dutyPerUnit)).toBe('3.5');
    expect(t(r.landedPerUnit)).toBe('16');
  });

  it('customs-value basis ignores other duties: 16 − 10 = 6', () => {
    const r = duty('10', '16', { type: 'full-gap' }, '0.25', 'customs-value');
    expect(t(r.reference)).toBe('10');
    expect(t(r.dutyPerUnit)).toBe('6');
  });

  it('an import at or above the floor pays nothing and is not binding', () => {
    expect(t(duty('16', '16').dutyPerUnit)).toBe('0');
    expect(duty('16', '16').binding).toBe(false);
    expect(t(duty('20', '16').dutyPerUnit)).toBe('0');
  });
});

describe('WTO AoA art. 5.5 tranches (T = F = 100, customs-value basis, g = 100 − P)', () => {
  const wto: FloorGapMethod = { type: 'tranche', bands: WTO_TRANCHE_BANDS };
  const cases: [price: string, gap: string, expected: string, why: string][] = [
    ['95', '5', '0', 'inside the first band: nothing'],
    ['90', '10', '0', 'g = 10% of T exactly: still nothing'],
    ['89.99', '10.01', '0.003', '0.30 × (10.01 − 10)'],
    ['75', '25', '4.5', '0.30 × (25 − 10)'],
    ['60', '40', '9', 'g = 40% of T: 0.30 × 30'],
    ['50', '50', '14', '0.50 × (50 − 40) + 9'],
    ['40', '60', '19', 'g = 60% of T: 0.50 × 20 + 9'],
    ['30', '70', '26', '0.70 × (70 − 60) + 19'],
    ['25', '75', '29.5', 'g = 75% of T: 0.70 × 15 + 19'],
    ['10', '90', '43', '0.90 × (90 − 75) + 29.5'],
    ['0', '100', '52', '0.90 × (100 − 75) + 29.5'],
  ];
  for (const [price, gap, expected, why] of cases) {
    it(`P = ${price}, g = ${gap} → d = ${expected} (${why})`, () => {
      const r = duty(price, '100', wto, '0', 'customs-value');
      expect(t(r.gap)).toBe(gap);
      expect(t(r.dutyPerUnit)).toBe(expected);
    });
  }

  it('matches the WTO AoA art. 5.5 closed form in the top band with a non-round T: T = 16, g = 14', () => {
    // 0.90 × (14 − 12) + 0.295 × 16 = 1.8 + 4.72 = 6.52
    expect(t(trancheDuty(d(14), d(16), WTO_TRANCHE_BANDS))).toBe('6.52');
  });

  it('custom bands tax each slice at its share: 50% up to half of T, 100% above (g = 60 → 35)', () => {
    const bands = [
      { upTo: d('0.5'), share: d('0.5') },
      { upTo: null, share: d('1') },
    ];
    // 0.5 × 50 + 1 × 10 = 35
    expect(t(duty('40', '100', { type: 'tranche', bands }, '0', 'customs-value').dutyPerUnit)).toBe(
      '35',
    );
  });
});

describe('whether the floor is met, and the trigger apart from the floor', () => {
  const TRANCHE: FloorGapMethod = { type: 'tranche', bands: WTO_TRANCHE_BANDS };

  it('the WTO tranche leaves red 10 at 11.32 under a 16 floor: binding, but the floor is not met', () => {
    const r = duty('10', '16', TRANCHE, '0', 'customs-value');
    // g = 6 lies in (0.10 × 16, 0.40 × 16] = (1.6, 6.4]: d = 0.30 × (6 − 1.6) = 1.32
    expect(t(r.dutyPerUnit)).toBe('1.32');
    expect(t(r.landedPerUnit)).toBe('11.32');
    expect(r.binding).toBe(true);
    expect(r.floorMet).toBe(false);
  });

  it('a full gap meets the floor exactly (16 ≥ 16); a capped duty min(6, 0.25 × 10) = 2.5 does not (12.5 < 16)', () => {
    expect(duty('10', '16').floorMet).toBe(true);
    expect(duty('10', '16', { type: 'capped', maxRate: d('0.25') }).floorMet).toBe(false);
  });

  it('an import above the floor meets it without a duty', () => {
    const r = duty('20', '16');
    expect(r.binding).toBe(false);
    expect(r.floorMet).toBe(true);
  });

  it('a trigger of 20 apart from the 16 floor: g = 20 − 10 = 10 in (8, 12] → 0.50 × (10 − 8) + 0.09 × 20 = 2.8', () => {
    const r = floorGapDuty({
      price: d(10),
      floor: d(16),
      trigger: d(20),
      basis: 'customs-value',
      otherDutyRate: d(0),
      method: TRANCHE,
    });
    expect(t(r.triggerGap)).toBe('10');
    // a tranche's gap is the trigger's: g = max(0, T − R) = 20 − 10 = 10 (F − R = 6), binding
    expect(t(r.gap)).toBe('10');
    expect(r.binding).toBe(true);
    expect(t(r.dutyPerUnit)).toBe('2.8');
    expect(t(r.landedPerUnit)).toBe('12.8');
    expect(r.floorMet).toBe(false);
  });

  it('a trigger of 20 over an import of 16.5 above the 16 floor: g = T − R = 3.5, binding, d = 0.45', () => {
    const r = floorGapDuty({
      price: d('16.5'),
      floor: d(16),
      trigger: d(20),
      basis: 'customs-value',
      otherDutyRate: d(0),
      method: TRANCHE,
    });
    // g = max(0, 20 − 16.5) = 3.5 in (2, 8]: d = 0.30 × (3.5 − 2) = 0.45; landed 16.95 ≥ 16
    expect(t(r.gap)).toBe('3.5');
    expect(r.binding).toBe(true);
    expect(t(r.dutyPerUnit)).toBe('0.45');
    expect(r.floorMet).toBe(true);
  });

  it('every other method keeps g = F − R: capped at 0.25, price 10, floor 16 → g 6, d = min(6, 2.5)', () => {
    const r = duty('10', '16', { type: 'capped', maxRate: d('0.25') }, '0', 'customs-value');
    expect(t(r.gap)).toBe('6');
    expect(t(r.dutyPerUnit)).toBe('2.5');
  });

  it('the ad valorem equivalent of a duty on a zero price is null, not 0', () => {
    const r = duty('0', '16');
    expect(t(r.dutyPerUnit)).toBe('16');
    expect(r.adValoremEquivalent).toBeNull();
  });
});

describe('trancheBandIssues: a custom schedule must rise, only its last band unbounded', () => {
  const band = (upTo: string | null) => ({ upTo: upTo === null ? null : d(upTo), share: d('0.5') });

  it('the WTO schedule rises: no issue', () => {
    expect(trancheBandIssues(WTO_TRANCHE_BANDS)).toEqual([]);
  });

  it('an unbounded first band and a repeated 0.4: bands 0 and 2, once each; the last unbounded band is fine', () => {
    // band 0: null before the last; band 1: 0.4, nothing bounded before it; band 2: 0.4 ≤ 0.4
    expect(trancheBandIssues([band(null), band('0.4'), band('0.4'), band(null)])).toEqual([
      { band: 0, rule: 'unbounded-not-last' },
      { band: 2, rule: 'not-increasing' },
    ]);
  });

  it('each upTo is compared with the bounded one just before it: 0.5, 0.3, 0.4 → band 1 only', () => {
    // band 1: 0.3 ≤ 0.5; band 2: 0.4 > 0.3 (the one before it, even though below 0.5)
    expect(trancheBandIssues([band('0.5'), band('0.3'), band('0.4')])).toEqual([
      { band: 1, rule: 'not-increasing' },
    ]);
  });
});

describe('capped gap (EU cereals, Chile price band): d = min(g, maxRate × P)', () => {
  const capped: FloorGapMethod = { type: 'capped', maxRate: d('0.25') };
  it('cap binds far below the floor: min(6, 0.25 × 10 = 2.5) = 2.5', () => {
    expect(t(duty('10', '16', capped).dutyPerUnit)).toBe('2.5');
  });
  it('gap binds just below the floor: min(1, 0.25 × 15 = 3.75) = 1', () => {
    expect(t(duty('15', '16', capped).dutyPerUnit)).toBe('1');
  });
  it('nothing above the floor', () => {
    expect(t(duty('17', '16', capped).dutyPerUnit)).toBe('0');
  });
});

describe('all-or-nothing (EU solar MIP 2013–18): penaltyRate × P below the floor, else 0', () => {
  const penalty: FloorGapMethod = { type: 'all-or-nothing', penaltyRate: d('0.477') };
  it('below the floor: 0.477 × 10 = 4.77', () => {
    expect(t(duty('10', '16', penalty).dutyPerUnit)).toBe('4.77');
  });
  it('at the floor: 0', () => {
    expect(t(duty('16', '16', penalty).dutyPerUnit)).toBe('0');
  });
  it('above the floor: 0', () => {
    expect(t(duty('16.01', '16', penalty).dutyPerUnit)).toBe('0');
  });
  it('duty-paid basis: P = 14 below F = 16, but R = 14 × 1.25 = 17.5 ≥ F, so 0', () => {
    expect(t(duty('14', '16', penalty, '0.25').dutyPerUnit)).toBe('0');
  });
});

describe('laws (fast-check, seed 42)', () => {
  const money = fc.integer({ min: 0, max: 10_000_000 }).map((n) => decimal(BigInt(n), 2));
  const rate = fc.integer({ min: 0, max: 1000 }).map((n) => decimal(BigInt(n), 3));
  const method = fc.oneof(
    fc.constant<FloorGapMethod>({ type: 'full-gap' }),
    fc.constant<FloorGapMethod>({ type: 'tranche', bands: WTO_TRANCHE_BANDS }),
    rate.map<FloorGapMethod>((maxRate) => ({ type: 'capped', maxRate })),
    rate.map<FloorGapMethod>((penaltyRate) => ({ type: 'all-or-nothing', penaltyRate })),
  );
  const basis = fc.constantFrom<FloorBasis>('duty-paid', 'customs-value');
  const options = { seed: 42, numRuns: 300 };

  it('a duty is never negative', () => {
    fc.assert(
      fc.property(money, money, rate, method, basis, (price, floor, otherDutyRate, m, b) => {
        const r = floorGapDuty({ price, floor, otherDutyRate, method: m, basis: b });
        return !isNegative(r.dutyPerUnit) && !isNegative(r.gap);
      }),
      options,
    );
  });

  it('a higher floor never lowers the duty, for every method', () => {
    fc.assert(
      fc.property(
        money,
        money,
        money,
        rate,
        method,
        basis,
        (price, floor, raise, otherDutyRate, m, b) => {
          const low = floorGapDuty({ price, floor, otherDutyRate, method: m, basis: b });
          const high = floorGapDuty({
            price,
            floor: add(floor, raise),
            otherDutyRate,
            method: m,
            basis: b,
          });
          return greaterThanOrEqual(high.dutyPerUnit, low.dutyPerUnit);
        },
      ),
      options,
    );
  });

  it('a lower price never lowers a full-gap or tranche duty (capped and all-or-nothing scale with P)', () => {
    const gapMethods = fc.constantFrom<FloorGapMethod>(
      { type: 'full-gap' },
      { type: 'tranche', bands: WTO_TRANCHE_BANDS },
    );
    fc.assert(
      fc.property(
        money,
        money,
        money,
        rate,
        gapMethods,
        basis,
        (price, cut, floor, otherDutyRate, m, b) => {
          const lower = max(ZERO, subtract(price, cut));
          const before = floorGapDuty({ price, floor, otherDutyRate, method: m, basis: b });
          const after = floorGapDuty({ price: lower, floor, otherDutyRate, method: m, basis: b });
          return greaterThanOrEqual(after.dutyPerUnit, before.dutyPerUnit);
        },
      ),
      options,
    );
  });

  it('under a full gap the landed price is never below the floor', () => {
    fc.assert(
      fc.property(money, money, rate, basis, (price, floor, otherDutyRate, b) => {
        const r = floorGapDuty({
          price,
          floor,
          otherDutyRate,
          method: { type: 'full-gap' },
          basis: b,
        });
        return greaterThanOrEqual(r.landedPerUnit, floor);
      }),
      options,
    );
  });
});
