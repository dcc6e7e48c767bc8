import Oracle from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  discountFactors,
  type FloorFinancingInput,
  floorFinancing,
  reportFloorFinancing,
} from '../../src/domain/floor-financing';
import {
  add,
  compare,
  type Decimal,
  decimal,
  halfUp,
  isZero,
  round,
  subtract,
  toFixed,
  toText,
} from '../../src/numeric';
import { t as plain, d as x } from './numbers';

/** Floor 110 USD/kg; demand and output in kg. */
function financing(overrides: Partial<FloorFinancingInput> = {}) {
  return floorFinancing({
    floor: x(110),
    demand: x(5_000_000),
    domesticOutput: x(1_000_000),
    marketPrices: [x(62)],
    upsideShare: x('0.3'),
    upsideFromPeriod: 1,
    discountRate: x(0),
    ...overrides,
  });
}

function only<T>(periods: readonly T[]): T {
  const [first] = periods;
  if (first === undefined || periods.length !== 1) throw new Error('expected one period');
  return first;
}

describe('floorFinancing: the worked case (floor 110, market 62, demand 5,000 t, output 1,000 t)', () => {
  it('border: buyers pay the 48 gap on all 5,000,000 kg, the producer gains it on 1,000,000 kg, the treasury on the 4,000,000 kg imported', () => {
    const { border } = only(financing());
    // gap = 110 − 62 = 48
    expect(plain(border.dutyPerUnit)).toBe('48');
    expect(plain(border.buyerPricePerUnit)).toBe('110');
    // 48 × 5,000,000 = 240,000,000
    expect(plain(border.buyersExtraCost)).toBe('240000000');
    // 48 × 1,000,000 = 48,000,000
    expect(plain(border.producerGain)).toBe('48000000');
    // imports 5,000,000 − 1,000,000 = 4,000,000; 48 × 4,000,000 = 192,000,000
    expect(plain(border.imports)).toBe('4000000');
    expect(plain(border.treasuryRevenue)).toBe('192000000');
    expect(plain(border.governmentOutlay)).toBe('0');
    // 0 − 192,000,000: the treasury gains
    expect(plain(border.netPublicCost)).toBe('-192000000');
  });

  it('producer-side: the government pays 48 × 1,000,000 = 48,000,000 and buyers pay nothing more', () => {
    const { producerSide } = only(financing());
    expect(plain(producerSide.topUpPerUnit)).toBe('48');
    expect(plain(producerSide.governmentOutlay)).toBe('48000000');
    expect(plain(producerSide.buyersExtraCost)).toBe('0');
    expect(plain(producerSide.treasuryRevenue)).toBe('0');
    expect(plain(producerSide.producerGain)).toBe('48000000');
    expect(plain(producerSide.netPublicCost)).toBe('48000000');
    expect(plain(producerSide.buyerPricePerUnit)).toBe('62');
    // 62 + 48 − 0 = 110
    expect(plain(producerSide.producerReceivesPerUnit)).toBe('110');
  });

  it('market 130 with a 0.3 upside share: DoD collects 0.3 × 20 × 1,000,000 = 6,000,000; the border floor does nothing', () => {
    const { border, producerSide } = only(financing({ marketPrices: [x(130)] }));
    expect(plain(border.buyersExtraCost)).toBe('0');
    expect(plain(border.treasuryRevenue)).toBe('0');
    // 0.3 × (130 − 110) = 6.0
    expect(plain(producerSide.upsidePerUnit)).toBe('6');
    expect(plain(producerSide.treasuryRevenue)).toBe('6000000');
    // 0 − 6,000,000: the producer gives up its upside
    expect(plain(producerSide.producerGain)).toBe('-6000000');
    expect(plain(producerSide.netPublicCost)).toBe('-6000000');
    // 130 + 0 − 6 = 124
    expect(plain(producerSide.producerReceivesPerUnit)).toBe('124');
  });

  it('output above demand: the producer gains only on what it sells at home, nothing is imported', () => {
    const { border } = only(financing({ demand: x(1_000_000), domesticOutput: x(1_500_000) }));
    expect(plain(border.imports)).toBe('0');
    // 48 × 1,000,000
    expect(plain(border.producerGain)).toBe('48000000');
    expect(plain(border.treasuryRevenue)).toBe('0');
  });
});

describe('floorFinancing: a price path', () => {
  it('shares the upside only from the given period: path 62, 130, 130 with upside from period 3', () => {
    const periods = financing({ marketPrices: [x(62), x(130), x(130)], upsideFromPeriod: 3 });
    expect(periods.map((p) => plain(p.producerSide.upsidePerUnit))).toEqual(['0', '0', '6']);
    expect(periods.map((p) => plain(p.producerSide.governmentOutlay))).toEqual([
      '48000000',
      '0',
      '0',
    ]);
  });

  it('discounts period t by 1 / (1 + r)^t: at 25%, 1/1.25 = 0.8 and 1/1.5625 = 0.64', () => {
    const periods = financing({ marketPrices: [x(62), x(62)], discountRate: x('0.25') });
    expect(periods.map((p) => toFixed(p.discountFactor, 6, halfUp))).toEqual([
      '0.800000',
      '0.640000',
    ]);
  });
});

describe('discountFactors: carried step by step, within t units of the 100th place', () => {
  it('agrees with the exact 1 / (1 + r)^t (decimal.js at 400 digits) for rates with up to 37 places', () => {
    const Exact = Oracle.clone({ precision: 400 });
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 37n }),
        fc.integer({ min: 0, max: 37 }),
        fc.integer({ min: 1, max: 40 }),
        (units, places, periods) => {
          const rate = decimal(units, places);
          const factors = discountFactors(rate, periods);
          factors.forEach((factor, i) => {
            const exact = new Exact(1).div(new Exact(1).plus(toText(rate)).pow(i + 1));
            const error = new Exact(toText(factor)).minus(exact).abs();
            expect(error.lte(new Exact(i + 1).times('1e-100'))).toBe(true);
          });
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });

  it('600 periods of a 37-place rate stay 100-place numbers (the exact power would have 22,200 digits)', () => {
    const factors = discountFactors(x('0.0000000000000000000000000000000000001'), 600);
    expect(factors).toHaveLength(600);
    expect(toText(factors[599] ?? x(0)).length).toBeLessThanOrEqual(102);
  });
});

describe('floorFinancing: laws', () => {
  const OPTIONS = { seed: 42, numRuns: 200 };
  const money = fc.integer({ min: 0, max: 10_000_000 }).map((n) => decimal(BigInt(n), 2));
  const volume = fc.integer({ min: 0, max: 10_000_000 }).map((n) => decimal(BigInt(n), 3));
  const share = fc.integer({ min: 0, max: 100 }).map((n) => decimal(BigInt(n), 2));
  const input = fc.record({
    floor: money,
    demand: volume,
    domesticOutput: volume,
    marketPrices: fc.array(money, { minLength: 1, maxLength: 5 }),
    upsideShare: share,
    upsideFromPeriod: fc.integer({ min: 1, max: 6 }),
    discountRate: share,
  });

  it('a border floor conserves money: buyers’ extra cost = producer gain + treasury revenue', () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const { border } of floorFinancing(i)) {
          const parts = add(border.producerGain, border.treasuryRevenue);
          expect(compare(border.buyersExtraCost, parts)).toBe(0);
        }
      }),
      OPTIONS,
    );
  });

  it('a producer-side floor conserves money: producer gain = government outlay − upside collected, buyers pay 0', () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const { producerSide } of floorFinancing(i)) {
          const net = subtract(producerSide.governmentOutlay, producerSide.treasuryRevenue);
          expect(compare(producerSide.producerGain, net)).toBe(0);
          expect(isZero(producerSide.buyersExtraCost)).toBe(true);
        }
      }),
      OPTIONS,
    );
  });

  it('with demand equal to output (the v1 quantity) the border treasury collects nothing and the producer gains what the government would pay', () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const p of floorFinancing({ ...i, demand: i.domesticOutput })) {
          expect(isZero(p.border.treasuryRevenue)).toBe(true);
          expect(compare(p.border.producerGain, p.producerSide.governmentOutlay)).toBe(0);
        }
      }),
      OPTIONS,
    );
  });
});

describe('reportFloorFinancing: every figure rounded once, totals the sums of what the periods report', () => {
  const cents = (v: Decimal) => round(v, 2, halfUp);
  it('a half-cent gap: each period reports 0.01 + 0.01 = 0.02 buyers pay, and the totals add the periods', () => {
    // Floor 10, market 9.995: gap 0.005 per kg; demand 2 kg, output 1 kg, so 1 kg imported.
    // Border, each period: treasury 0.005 × 1 = 0.005 → 0.01; producer 0.005 × 1 = 0.005 → 0.01;
    // buyers = 0.01 + 0.01 = 0.02 as reported (rounding their exact 0.010 would say 0.01).
    // Producer side: outlay 0.005 × 1 → 0.01, nothing collected; producer gain = 0.01 − 0 = 0.01.
    const report = reportFloorFinancing(
      financing({
        floor: x(10),
        demand: x(2),
        domesticOutput: x(1),
        marketPrices: [x('9.995'), x('9.995')],
        upsideShare: x(0),
      }),
      cents,
    );
    const texts = (f: {
      buyersExtraCost: Decimal;
      producerGain: Decimal;
      treasuryRevenue: Decimal;
    }) => [f.buyersExtraCost, f.producerGain, f.treasuryRevenue].map(toText);
    for (const period of report.reported) {
      expect(texts(period.border)).toEqual(['0.02', '0.01', '0.01']);
      expect(toText(period.producerSide.producerGain)).toBe('0.01');
    }
    // Totals over the two periods: 0.02 + 0.02 = 0.04; 0.01 + 0.01 = 0.02 (twice).
    expect(texts(report.total.border)).toEqual(['0.04', '0.02', '0.02']);
    expect(toText(report.total.producerSide.governmentOutlay)).toBe('0.02');
  });
});
