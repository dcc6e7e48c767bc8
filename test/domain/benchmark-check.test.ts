import { describe, expect, it } from 'vitest';
import { checkBenchmark } from '../../src/domain/benchmark-check';
import { Dec } from '../../src/domain/decimal';

describe('checkBenchmark: floor', () => {
  it('DoD NdPr floor 110 USD/kg against red NdPr at 62: below the floor by 110 − 62 = 48', () => {
    const r = checkBenchmark({
      kind: 'floor',
      threshold: new Dec(110),
      price: new Dec(62),
      licenceBeyond: false,
    });
    expect(r.status).toBe('below-floor');
    expect(r.gapPerUnit.toFixed()).toBe('48');
    expect(r.licenceRequired).toBe(false);
  });

  it('a price equal to the floor meets it, gap 0', () => {
    const r = checkBenchmark({
      kind: 'floor',
      threshold: new Dec(110),
      price: new Dec('110.00'),
      licenceBeyond: true,
    });
    expect(r.status).toBe('meets-floor');
    expect(r.gapPerUnit.toFixed()).toBe('0');
    expect(r.licenceRequired).toBe(false);
  });

  it('a price above the floor meets it, gap 0', () => {
    const r = checkBenchmark({
      kind: 'floor',
      threshold: new Dec(110),
      price: new Dec(130),
      licenceBeyond: false,
    });
    expect(r.status).toBe('meets-floor');
    expect(r.gapPerUnit.toFixed()).toBe('0');
  });

  it('below a floor that asks for a licence, a licence is required (20000 − 19999.5 = 0.5)', () => {
    const r = checkBenchmark({
      kind: 'floor',
      threshold: new Dec(20_000),
      price: new Dec('19999.5'),
      licenceBeyond: true,
    });
    expect(r.status).toBe('below-floor');
    expect(r.gapPerUnit.toFixed()).toBe('0.5');
    expect(r.licenceRequired).toBe(true);
  });
});

describe('checkBenchmark: G7 heavy-REE cap 1500/kg (licence beyond it)', () => {
  const cap = (price: string) =>
    checkBenchmark({
      kind: 'cap',
      threshold: new Dec(1500),
      price: new Dec(price),
      licenceBeyond: true,
    });

  it('1499.99 is within the cap, gap 0, no licence', () => {
    const r = cap('1499.99');
    expect(r.status).toBe('within-cap');
    expect(r.gapPerUnit.toFixed()).toBe('0');
    expect(r.licenceRequired).toBe(false);
  });

  it('a price equal to the cap (1500) is within it, no licence', () => {
    const r = cap('1500');
    expect(r.status).toBe('within-cap');
    expect(r.gapPerUnit.toFixed()).toBe('0');
    expect(r.licenceRequired).toBe(false);
  });

  it('1500.01 is above the cap by 1500.01 − 1500 = 0.01 and needs a licence', () => {
    const r = cap('1500.01');
    expect(r.status).toBe('above-cap');
    expect(r.gapPerUnit.toFixed()).toBe('0.01');
    expect(r.licenceRequired).toBe(true);
  });

  it('above a cap that asks for no licence, none is required', () => {
    const r = checkBenchmark({
      kind: 'cap',
      threshold: new Dec(1500),
      price: new Dec(1600),
      licenceBeyond: false,
    });
    expect(r.status).toBe('above-cap');
    expect(r.gapPerUnit.toFixed()).toBe('100');
    expect(r.licenceRequired).toBe(false);
  });
});
