import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ContentFloorInput,
  type ContentLineInput,
  contentFloor,
  contentLine,
  reportContentFloor,
} from '../../src/domain/content-floor';
import {
  abs,
  add,
  compare,
  type Decimal,
  decimal,
  halfUp,
  multiply,
  round,
  subtract,
  toFixed,
  toText,
} from '../../src/numeric';
import { t as plain, d as x } from './numbers';

/** A magnet with 0.30 kg NdPr metal per kg, 0.85 kg metal per kg oxide; oxide floor 110, red 75. */
const ndpr: ContentLineInput = {
  mineral: 'ndpr-oxide',
  kgPerUnit: x('0.30'),
  form: 'metal',
  metalPerOxide: x('0.85'),
  yield: x(1),
  floorStage: 'oxide',
  floorPerKg: x(110),
  redPerKg: x(75),
};

describe('contentFloor: an oxide floor carried into a magnet', () => {
  it('the worked case: 0.30 / 0.85 = 0.352941 kg oxide per kg magnet, duty 0.352941… × 35 = 12.3529', () => {
    const line = contentLine(ndpr);
    // 0.30 / 0.85 = 0.35294117…
    expect(toFixed(line.oxideKgPerUnit, 6, halfUp)).toBe('0.352941');
    // 110 − 75 = 35 per kg of oxide
    expect(plain(line.gapPerKgOxide)).toBe('35');
    // 0.30 × 35 / 0.85 = 10.5 / 0.85 = 12.352941176…
    expect(toFixed(line.dutyPerUnit, 4, halfUp)).toBe('12.3529');
  });

  it('implied floor at the magnet stage: a magnet at 60 carries 60 + 12.3529… = 72.3529; a magnet floor of 70 leaks 2.3529', () => {
    const r = contentFloor({ productPrice: x(60), lines: [ndpr], productStageFloor: x(70) });
    expect(toFixed(r.impliedFloorPerUnit, 4, halfUp)).toBe('72.3529');
    // 12.352941… / 60 = 0.205882…
    expect(r.adValoremEquivalent && toFixed(r.adValoremEquivalent, 6, halfUp)).toBe('0.205882');
    // 72.352941… − 70 = 2.352941…
    expect(r.stageLeak && toFixed(r.stageLeak.leakPerUnit, 4, halfUp)).toBe('2.3529');
    expect(
      contentFloor({ productPrice: x(60), lines: [ndpr], productStageFloor: x(80) }).stageLeak,
    ).toBe(null);
  });

  it('a metal-stage floor taxes metal: floor 140, red metal 100 → 40 × 0.30 = 12 per kg of magnet', () => {
    const line = contentLine({
      ...ndpr,
      floorStage: 'metal',
      floorPerKg: x(140),
      redPerKg: x(100),
    });
    // 40 per kg metal = 40 × 0.85 = 34 per kg oxide
    expect(plain(line.gapPerKgOxide)).toBe('34');
    // 0.30 × 34 / 0.85 = 10.2 / 0.85 = 12
    expect(toFixed(line.dutyPerUnit, 4, halfUp)).toBe('12.0000');
  });

  it('a yield of 0.9 means 0.30 / 0.9 kg of metal bought: duty 10.5 / (0.85 × 0.9) = 13.7255', () => {
    // 10.5 / 0.765 = 13.72549…
    expect(toFixed(contentLine({ ...ndpr, yield: x('0.9') }).dutyPerUnit, 4, halfUp)).toBe(
      '13.7255',
    );
  });

  it('a red price above the floor leaves no gap: max(0, 110 − 120) = 0', () => {
    expect(plain(contentLine({ ...ndpr, redPerKg: x(120) }).dutyPerUnit)).toBe('0');
  });

  it('no duty rate at a zero-priced product: its rate is undefined (null)', () => {
    expect(
      contentFloor({ productPrice: x(0), lines: [ndpr], productStageFloor: null })
        .adValoremEquivalent,
    ).toBe(null);
  });
});

/** The worked case reported at 4 places, half-up. */
function reported(input: ContentFloorInput) {
  const r4 = (v: Decimal) => round(v, 4, halfUp);
  return reportContentFloor(input, contentFloor(input), r4).reported;
}

describe('reportContentFloor: reported parts add up to reported totals', () => {
  it('the worked case: price 60.0000 + duty 12.3529 = implied 72.3529; a magnet floor of 70 leaks 72.3529 − 70.0000 = 2.3529', () => {
    const r = reported({ productPrice: x(60), lines: [ndpr], productStageFloor: x(70) });
    expect(toText(r.productPricePerUnit)).toBe('60.0000');
    // 10.5 / 0.85 = 12.352941… → 12.3529
    expect(r.lineDuties.map(toText)).toEqual(['12.3529']);
    expect(toText(r.dutyPerUnit)).toBe('12.3529');
    expect(toText(r.impliedFloorPerUnit)).toBe('72.3529');
    expect(
      r.stageLeak && [toText(r.stageLeak.floorPerUnit), toText(r.stageLeak.leakPerUnit)],
    ).toEqual(['70.0000', '2.3529']);
  });

  it('two lines of 12.352941… each: the duty is 12.3529 + 12.3529 = 24.7058 as shown (not 24.705882… rounded to 24.7059), the implied floor 60 + 24.7058 = 84.7058, the leak under a floor of 80 84.7058 − 80 = 4.7058', () => {
    const r = reported({ productPrice: x(60), lines: [ndpr, ndpr], productStageFloor: x(80) });
    expect(r.lineDuties.map(toText)).toEqual(['12.3529', '12.3529']);
    expect(toText(r.dutyPerUnit)).toBe('24.7058');
    expect(toText(r.impliedFloorPerUnit)).toBe('84.7058');
    expect(r.stageLeak && toText(r.stageLeak.leakPerUnit)).toBe('4.7058');
  });

  it('no leak when the product-stage floor is at or above the exact implied floor: 80 ≥ 72.352941…', () => {
    expect(
      reported({ productPrice: x(60), lines: [ndpr], productStageFloor: x(80) }).stageLeak,
    ).toBe(null);
  });
});

describe('reportContentFloor: a leak is reported only when it is positive as printed', () => {
  /** One oxide line of kgPerUnit kg at an oxide floor `gap` above the red price. */
  const oxideLine = (kgPerUnit: string, gap: string): ContentLineInput => ({
    mineral: 'ndpr-oxide',
    kgPerUnit: x(kgPerUnit),
    form: 'oxide',
    metalPerOxide: x(1),
    yield: x(1),
    floorStage: 'oxide',
    floorPerKg: x(75 + Number(gap)),
    redPerKg: x(75),
  });

  it('price 100.00004, duty 0.00001 × 4 = 0.00004, stage floor 100.00005: exactly a leak of 100.00008 − 100.00005 = 0.00003, but printed 100.0000 + 0.0000 = 100.0000 under 100.0001 (−0.0001): no leak is reported', () => {
    const input = {
      productPrice: x('100.00004'),
      lines: [oxideLine('0.00001', '4')],
      productStageFloor: x('100.00005'),
    };
    expect(plain(contentFloor(input).stageLeak?.leakPerUnit ?? null)).toBe('0.00003');
    const r = reported(input);
    expect([r.productPricePerUnit, r.dutyPerUnit, r.impliedFloorPerUnit].map(toText)).toEqual([
      '100.0000',
      '0.0000',
      '100.0000',
    ]);
    expect(r.stageLeak).toBeNull();
  });

  it('price 100.00005 → 100.0001, duty 0.00001 × 5 = 0.00005 → 0.0001, stage floor 100.00012 → 100.0001: exactly no leak (100.0001 ≤ 100.00012), printed 100.0002 − 100.0001 = 0.0001 is reported', () => {
    const input = {
      productPrice: x('100.00005'),
      lines: [oxideLine('0.00001', '5')],
      productStageFloor: x('100.00012'),
    };
    expect(contentFloor(input).stageLeak).toBeNull();
    const r = reported(input);
    expect(toText(r.impliedFloorPerUnit)).toBe('100.0002');
    expect(
      r.stageLeak && [toText(r.stageLeak.floorPerUnit), toText(r.stageLeak.leakPerUnit)],
    ).toEqual(['100.0001', '0.0001']);
  });

  it('law: the reported implied floor is the reported price + Σ reported line duties, and a reported leak is > 0 and equals implied − stage floor as printed; none is reported only when implied ≤ stage floor as printed', () => {
    const fifth = fc.integer({ min: 0, max: 20_000_000 }).map((n) => decimal(BigInt(n), 5));
    const line = fc.record({
      kgPerUnit: fc.integer({ min: 0, max: 100_000 }).map((n) => decimal(BigInt(n), 5)),
      gap: fifth,
    });
    const near = fc.integer({ min: -20, max: 20 }).map((n) => decimal(BigInt(n), 5));
    fc.assert(
      // The stage floor within ±0.0002 of the exact implied floor, where rounding decides.
      fc.property(fifth, fc.array(line, { maxLength: 4 }), near, (price, lines, offset) => {
        const withoutFloor: ContentFloorInput = {
          productPrice: price,
          lines: lines.map((l) => ({
            ...oxideLine('0', '0'),
            kgPerUnit: l.kgPerUnit,
            floorPerKg: add(x(75), l.gap),
          })),
          productStageFloor: null,
        };
        const exact = contentFloor(withoutFloor).impliedFloorPerUnit;
        const stageFloor = add(exact, offset);
        const input = { ...withoutFloor, productStageFloor: stageFloor };
        const r = reported(input);
        const implied = add(r.productPricePerUnit, r.lineDuties.reduce(add, x(0)));
        expect(compare(implied, r.impliedFloorPerUnit)).toBe(0);
        const printedFloor = round(stageFloor, 4, halfUp);
        if (r.stageLeak === null) {
          expect(compare(r.impliedFloorPerUnit, printedFloor) <= 0).toBe(true);
        } else {
          expect(compare(r.stageLeak.leakPerUnit, x(0))).toBe(1);
          expect(compare(add(r.stageLeak.floorPerUnit, r.stageLeak.leakPerUnit), implied)).toBe(0);
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('contentFloor: laws', () => {
  it('content duty scales linearly with content: k × content carries k × the duty (to the 100th place)', () => {
    const grams = fc.integer({ min: 0, max: 2_000_000 }).map((n) => decimal(BigInt(n), 6));
    const ratio = fc.integer({ min: 50, max: 100 }).map((n) => decimal(BigInt(n), 2));
    fc.assert(
      fc.property(grams, ratio, fc.integer({ min: 0, max: 1000 }), (kg, metalPerOxide, k) => {
        const line = { ...ndpr, kgPerUnit: kg, metalPerOxide };
        const scaled = contentLine({ ...line, kgPerUnit: multiply(kg, x(k)) }).dutyPerUnit;
        const once = multiply(contentLine(line).dutyPerUnit, x(k));
        // each duty is one quotient carried to 100 places: within k + 1 units of the 100th place
        const bound = decimal(BigInt(k + 1), 100);
        expect(compare(abs(subtract(scaled, once)), bound) <= 0).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
