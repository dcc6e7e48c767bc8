import { describe, expect, it } from 'vitest';
import { checkBenchmark } from '../../src/domain/benchmark-check';
import { d, t } from './numbers';

describe('checkBenchmark: floor', () => {
  it('DoD NdPr floor 110 USD/kg against red NdPr at 62: below the floor by 110 − 62 = 48', () => {
    const r = checkBenchmark({
      kind: 'floor',
      threshold: d(110),
      price: d(62),
      licenceBeyond: false,
    });
    expect(r.status).toBe('below-floor');
    expect(t(r.gapPerUnit)).toBe('48');
    expect(r.licenceRequired).toBe(false);
  });

  it('a price equal to the floor meets it, gap 0', () => {
    const r = checkBenchmark({
      kind: 'floor',
      threshold: d(110),
      price: d('110.00'),
      licenceBeyond: true,
    });
    expect(r.status).toBe('meets-floor');
    expect(t(r.gapPerUnit)).toBe('0');
    expect(r.licenceRequired).toBe(false);
  });

  it('a price above the floor meets it, gap 0', () => {
    const r = checkBenchmark({
      kind: 'floor',
      threshold: d(110),
      price: d(130),
      licenceBeyond: false,
    });
    expect(r.status).toBe('meets-floor');
    expect(t(r.gapPerUnit)).toBe('0');
  });

  it('below a floor that asks for a licence, a licence is required (20000 − 19999.5 = 0.5)', () => {
    const r = checkBenchmark({
      kind: 'floor',
      threshold: d(20_000),
      price: d('19999.5'),
      licenceBeyond: true,
    });
    expect(r.status).toBe('below-floor');
    expect(t(r.gapPerUnit)).toBe('0.5');
    expect(r.licenceRequired).toBe(true);
  });
});

describe('checkBenchmark: G7 heavy-REE cap 1500/kg (licence beyond it)', () => {
  const cap = (price: string) =>
    checkBenchmark({
      kind: 'cap',
      threshold: d(1500),
      price: d(price),
      licenceBeyond: true,
    });

  it('1499.99 is within the cap, gap 0, no licence', () => {
    const r = cap('1499.99');
    expect(r.status).toBe('within-cap');
    expect(t(r.gapPerUnit)).toBe('0');
    expect(r.licenceRequired).toBe(false);
  });

  it('a price equal to the cap (1500) is within it, no licence', () => {
    const r = cap('1500');
    expect(r.status).toBe('within-cap');
    expect(t(r.gapPerUnit)).toBe('0');
    expect(r.licenceRequired).toBe(false);
  });

  it('1500.01 is above the cap by 1500.01 − 1500 = 0.01 and needs a licence', () => {
    const r = cap('1500.01');
    expect(r.status).toBe('above-cap');
    expect(t(r.gapPerUnit)).toBe('0.01');
    expect(r.licenceRequired).toBe(true);
  });

  it('above a cap that asks for no licence, none is required', () => {
    const r = checkBenchmark({
      kind: 'cap',
      threshold: d(1500),
      price: d(1600),
      licenceBeyond: false,
    });
    expect(r.status).toBe('above-cap');
    expect(t(r.gapPerUnit)).toBe('100');
    expect(r.licenceRequired).toBe(false);
  });
});
