import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatPerUnit, formatRate } from '../../src/domain/rounding';
import { convertPerUnitPrice, convertQuantity, UNITS } from '../../src/domain/units';
import { decimal, equal, halfEven, round } from '../../src/numeric';
import { d, t } from './numbers';
import { decimalJsFixed } from './reference-rounding';

describe('units (exact factors to kg: t 1000, lb 0.45359237, st 907.18474, ozt 0.0311034768)', () => {
  it('2 t = 2000 kg; 1000 lb = 453.59237 kg; 1 st = 907.18474 kg; 1000 ozt = 31.1034768 kg', () => {
    expect(t(convertQuantity(d('2'), 't', 'kg'))).toBe('2000');
    expect(t(convertQuantity(d('1000'), 'lb', 'kg'))).toBe('453.59237');
    expect(t(convertQuantity(d('1'), 'st', 'kg'))).toBe('907.18474');
    expect(t(convertQuantity(d('1000'), 'ozt', 'kg'))).toBe('31.1034768');
    expect(t(convertQuantity(d('1500'), 'g', 'kg'))).toBe('1.5');
  });

  it('a price per kg restated per t: 62 USD/kg = 62000 USD/t; 20000 USD/t = 20 USD/kg', () => {
    expect(t(convertPerUnitPrice(d('62'), 'kg', 't'))).toBe('62000');
    expect(t(convertPerUnitPrice(d('20000'), 't', 'kg'))).toBe('20');
  });

  it('a price per lb restated per kg: 10 USD/lb = 10 / 0.45359237 = 22.0462… USD/kg', () => {
    expect(formatPerUnit(convertPerUnitPrice(d('10'), 'lb', 'kg'), 'half-up')).toBe('22.0462');
  });

  it('conversions round-trip to 50 places between every pair of units (quotients carry 100)', () => {
    const unit = fc.constantFrom(...UNITS);
    const value = fc.integer({ min: 1, max: 1_000_000_000 }).map((n) => decimal(BigInt(n), 3));
    fc.assert(
      fc.property(value, unit, unit, (v, a, b) => {
        const back = convertQuantity(convertQuantity(v, a, b), b, a);
        const priceBack = convertPerUnitPrice(convertPerUnitPrice(v, a, b), b, a);
        return equal(round(back, 50, halfEven), v) && equal(round(priceBack, 50, halfEven), v);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('rounding when reporting (each reported value rounded once)', () => {
  it('money at the currency’s minor unit: USD 2 places, JPY 0', () => {
    expect(formatMoney(d('1234.5'), 'USD', 'half-up')).toBe('1234.50');
    expect(formatMoney(d('1234.5'), 'JPY', 'half-up')).toBe('1235');
    expect(formatMoney(d('1234.5'), 'JPY', 'half-even')).toBe('1234');
  });
  it('half-up and half-even differ only on ties: 2.345 → 2.35 / 2.34; 2.355 → 2.36 both', () => {
    expect(formatMoney(d('2.345'), 'USD', 'half-up')).toBe('2.35');
    expect(formatMoney(d('2.345'), 'USD', 'half-even')).toBe('2.34');
    expect(formatMoney(d('2.355'), 'USD', 'half-even')).toBe('2.36');
  });
  it('per-unit prices at 4 places, rates at up to 6 without trailing zeros', () => {
    expect(formatPerUnit(d('6'), 'half-up')).toBe('6.0000');
    expect(formatRate(d('0.0370'), 'half-up')).toBe('0.037');
    expect(formatRate(d('0.12345650'), 'half-even')).toBe('0.123456');
  });
  it('a negative value that rounds to zero is reported as zero, not "-0.00"', () => {
    expect(formatMoney(d('-0.001'), 'USD', 'half-up')).toBe('0.00');
  });
});

describe('reporting rounds the digit string exactly as decimal.js would (fast-check, seed 42)', () => {
  it('formatMoney/formatPerUnit agree with toFixed(places, mode) for USD, JPY, KWD and 4 places', () => {
    const digits = fc.stringMatching(/^[0-9]{1,25}$/);
    const value = fc
      .tuple(fc.boolean(), digits, fc.integer({ min: 0, max: 12 }))
      .map(([negative, ds, scale]) => decimal(BigInt(`${negative ? '-' : ''}${ds}`), scale));
    const mode = fc.constantFrom<'half-up' | 'half-even'>('half-up', 'half-even');
    const expected = decimalJsFixed;
    fc.assert(
      fc.property(value, mode, (x, m) => {
        return (
          formatMoney(x, 'USD', m) === expected(x, 2, m) &&
          formatMoney(x, 'JPY', m) === expected(x, 0, m) &&
          formatMoney(x, 'KWD', m) === expected(x, 3, m) &&
          formatPerUnit(x, m) === expected(x, 4, m)
        );
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('ties: 0.125 → 0.13 half-up, 0.12 half-even; 9.995 → 10.00; -0.005 → -0.01 / 0.00', () => {
    expect(formatMoney(d('0.125'), 'USD', 'half-up')).toBe('0.13');
    expect(formatMoney(d('0.125'), 'USD', 'half-even')).toBe('0.12');
    expect(formatMoney(d('9.995'), 'USD', 'half-up')).toBe('10.00');
    expect(formatMoney(d('-0.005'), 'USD', 'half-up')).toBe('-0.01');
    expect(formatMoney(d('-0.005'), 'USD', 'half-even')).toBe('0.00');
  });
});
