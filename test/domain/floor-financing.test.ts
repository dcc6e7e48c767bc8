import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorFinancing } from '../../src/domain/floor-financing';
import {
  add,
  decimal,
  equal,
  lessThanOrEqual,
  max,
  multiply,
  subtract,
  ZERO,
} from '../../src/numeric';
import { d, t } from './numbers';

/** DoD–MP Materials: $110/kg NdPr floor, 30% of the upside to DoD; 1000 kg sold. */
function dodMp(marketPrice: number) {
  return floorFinancing({
    floor: d(110),
    marketPrice: d(marketPrice),
    quantity: d(1000),
    upsideShare: d('0.3'),
  });
}

describe('floorFinancing: DoD–MP floor 110/kg, 1000 kg', () => {
  it('market 62: buyers at the border pay 48 × 1000 = 48000 on top of 62, reaching 110', () => {
    const { border } = dodMp(62);
    expect(t(border.dutyPerUnit)).toBe('48');
    expect(t(border.buyerPricePerUnit)).toBe('110');
    expect(t(border.buyersPay)).toBe('48000');
    expect(t(border.treasuryCollects)).toBe('48000');
  });

  it('market 62: the government tops the producer up by 110 − 62 = 48, paying 48000; buyers pay 62', () => {
    const { producerSide } = dodMp(62);
    expect(t(producerSide.topUpPerUnit)).toBe('48');
    expect(t(producerSide.upsidePerUnit)).toBe('0');
    expect(t(producerSide.governmentPays)).toBe('48000');
    expect(t(producerSide.governmentCollects)).toBe('0');
    expect(t(producerSide.governmentNet)).toBe('48000');
    expect(t(producerSide.buyerPricePerUnit)).toBe('62');
    // 62 + 48 − 0 = 110
    expect(t(producerSide.producerReceivesPerUnit)).toBe('110');
  });

  it('market at the floor (110): no duty, no top-up, no upside', () => {
    const { border, producerSide } = dodMp(110);
    expect(t(border.dutyPerUnit)).toBe('0');
    expect(t(border.buyerPricePerUnit)).toBe('110');
    expect(t(border.buyersPay)).toBe('0');
    expect(t(producerSide.topUpPerUnit)).toBe('0');
    expect(t(producerSide.upsidePerUnit)).toBe('0');
    expect(t(producerSide.governmentPays)).toBe('0');
    expect(t(producerSide.governmentCollects)).toBe('0');
    expect(t(producerSide.producerReceivesPerUnit)).toBe('110');
  });

  it('market 130: DoD takes 0.3 × (130 − 110) = 6 per kg, 6000 in all; the producer keeps 130 − 6 = 124', () => {
    const { border, producerSide } = dodMp(130);
    expect(t(border.dutyPerUnit)).toBe('0');
    expect(t(border.buyerPricePerUnit)).toBe('130');
    expect(t(producerSide.topUpPerUnit)).toBe('0');
    expect(t(producerSide.upsidePerUnit)).toBe('6');
    expect(t(producerSide.governmentPays)).toBe('0');
    expect(t(producerSide.governmentCollects)).toBe('6000');
    // 0 − 6000: the government comes out ahead
    expect(t(producerSide.governmentNet)).toBe('-6000');
    expect(t(producerSide.buyerPricePerUnit)).toBe('130');
    expect(t(producerSide.producerReceivesPerUnit)).toBe('124');
  });
});

describe('floorFinancing: laws', () => {
  const OPTIONS = { seed: 42, numRuns: 200 };
  const money = fc.integer({ min: 0, max: 10_000_000 }).map((n) => decimal(BigInt(n), 2));
  const share = fc.integer({ min: 0, max: 100 }).map((n) => decimal(BigInt(n), 2));
  const input = fc.record({
    floor: money,
    marketPrice: money,
    quantity: money,
    upsideShare: share,
  });

  it('border buyersPay equals producer-side governmentPays for the same volume: max(0, F − M) × Q', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { border, producerSide } = floorFinancing(i);
        const expected = multiply(max(ZERO, subtract(i.floor, i.marketPrice)), i.quantity);
        expect(equal(border.buyersPay, producerSide.governmentPays)).toBe(true);
        expect(equal(border.buyersPay, expected)).toBe(true);
      }),
      OPTIONS,
    );
  });

  it('the treasury collects what border buyers pay above the market: their outlay max(F, M) × Q = M × Q + treasuryCollects', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { border } = floorFinancing(i);
        const outlay = multiply(max(i.floor, i.marketPrice), i.quantity);
        expect(
          equal(add(multiply(i.marketPrice, i.quantity), border.treasuryCollects), outlay),
        ).toBe(true);
        expect(equal(multiply(border.buyerPricePerUnit, i.quantity), outlay)).toBe(true);
      }),
      OPTIONS,
    );
  });

  it('below the floor the producer receives exactly the floor; buyers at the border pay max(F, M)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { border, producerSide } = floorFinancing(i);
        expect(equal(border.buyerPricePerUnit, max(i.floor, i.marketPrice))).toBe(true);
        if (lessThanOrEqual(i.marketPrice, i.floor)) {
          expect(equal(producerSide.producerReceivesPerUnit, i.floor)).toBe(true);
        }
      }),
      OPTIONS,
    );
  });
});
