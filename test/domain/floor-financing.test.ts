import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/domain/decimal';
import { floorFinancing } from '../../src/domain/floor-financing';

/** DoD–MP Materials: $110/kg NdPr floor, 30% of the upside to DoD; 1000 kg sold. */
function dodMp(marketPrice: number) {
  return floorFinancing({
    floor: new Dec(110),
    marketPrice: new Dec(marketPrice),
    quantity: new Dec(1000),
    upsideShare: new Dec('0.3'),
  });
}

describe('floorFinancing: DoD–MP floor 110/kg, 1000 kg', () => {
  it('market 62: buyers at the border pay 48 × 1000 = 48000 on top of 62, reaching 110', () => {
    const { border } = dodMp(62);
    expect(border.dutyPerUnit.toFixed()).toBe('48');
    expect(border.buyerPricePerUnit.toFixed()).toBe('110');
    expect(border.buyersPay.toFixed()).toBe('48000');
    expect(border.treasuryCollects.toFixed()).toBe('48000');
  });

  it('market 62: the government tops the producer up by 110 − 62 = 48, paying 48000; buyers pay 62', () => {
    const { producerSide } = dodMp(62);
    expect(producerSide.topUpPerUnit.toFixed()).toBe('48');
    expect(producerSide.upsidePerUnit.toFixed()).toBe('0');
    expect(producerSide.governmentPays.toFixed()).toBe('48000');
    expect(producerSide.governmentCollects.toFixed()).toBe('0');
    expect(producerSide.governmentNet.toFixed()).toBe('48000');
    expect(producerSide.buyerPricePerUnit.toFixed()).toBe('62');
    // 62 + 48 − 0 = 110
    expect(producerSide.producerReceivesPerUnit.toFixed()).toBe('110');
  });

  it('market at the floor (110): no duty, no top-up, no upside', () => {
    const { border, producerSide } = dodMp(110);
    expect(border.dutyPerUnit.toFixed()).toBe('0');
    expect(border.buyerPricePerUnit.toFixed()).toBe('110');
    expect(border.buyersPay.toFixed()).toBe('0');
    expect(producerSide.topUpPerUnit.toFixed()).toBe('0');
    expect(producerSide.upsidePerUnit.toFixed()).toBe('0');
    expect(producerSide.governmentPays.toFixed()).toBe('0');
    expect(producerSide.governmentCollects.toFixed()).toBe('0');
    expect(producerSide.producerReceivesPerUnit.toFixed()).toBe('110');
  });

  it('market 130: DoD takes 0.3 × (130 − 110) = 6 per kg, 6000 in all; the producer keeps 130 − 6 = 124', () => {
    const { border, producerSide } = dodMp(130);
    expect(border.dutyPerUnit.toFixed()).toBe('0');
    expect(border.buyerPricePerUnit.toFixed()).toBe('130');
    expect(producerSide.topUpPerUnit.toFixed()).toBe('0');
    expect(producerSide.upsidePerUnit.toFixed()).toBe('6');
    expect(producerSide.governmentPays.toFixed()).toBe('0');
    expect(producerSide.governmentCollects.toFixed()).toBe('6000');
    // 0 − 6000: the government comes out ahead
    expect(producerSide.governmentNet.toFixed()).toBe('-6000');
    expect(producerSide.buyerPricePerUnit.toFixed()).toBe('130');
    expect(producerSide.producerReceivesPerUnit.toFixed()).toBe('124');
  });
});

describe('floorFinancing: laws', () => {
  const OPTIONS = { seed: 42, numRuns: 200 };
  const money = fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Dec(n).dividedBy(100));
  const share = fc.integer({ min: 0, max: 100 }).map((n) => new Dec(n).dividedBy(100));
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
        const expected = Dec.max(0, i.floor.minus(i.marketPrice)).times(i.quantity);
        expect(border.buyersPay.equals(producerSide.governmentPays)).toBe(true);
        expect(border.buyersPay.equals(expected)).toBe(true);
        expect(border.treasuryCollects.equals(border.buyersPay)).toBe(true);
      }),
      OPTIONS,
    );
  });

  it('below the floor the producer receives exactly the floor; buyers at the border pay max(F, M)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { border, producerSide } = floorFinancing(i);
        expect(border.buyerPricePerUnit.equals(Dec.max(i.floor, i.marketPrice))).toBe(true);
        if (i.marketPrice.lessThanOrEqualTo(i.floor)) {
          expect(producerSide.producerReceivesPerUnit.equals(i.floor)).toBe(true);
        }
      }),
      OPTIONS,
    );
  });
});
