import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excludingVat } from '../../src/domain/money';
import { formatPerUnit } from '../../src/domain/rounding';
import { add, decimal, equal, multiply, ONE } from '../../src/numeric';
import { d, t } from './numbers';
import { decimalJsFixed, oracle } from './reference-rounding';

describe('a quote including VAT, taken ex-VAT', () => {
  it('113 incl. 13% VAT is 100 ex-VAT: 113 / 1.13 = 100, exactly', () => {
    expect(t(excludingVat(d('113'), d('0.13')))).toBe('100');
  });

  it('10 incl. 13% VAT is 8.8496 per unit as reported: 10 / 1.13 = 8.849557522…', () => {
    expect(formatPerUnit(excludingVat(d('10'), d('0.13')), 'half-up')).toBe('8.8496');
  });

  it('vat 0 leaves the quote as it is', () => {
    expect(t(excludingVat(d('12.345'), d('0')))).toBe('12.345');
  });

  it('taking VAT out undoes adding it: (x × (1 + v)) / (1 + v) = x exactly', () => {
    const cents = fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => decimal(BigInt(n), 2));
    const rate = fc.integer({ min: 0, max: 300 }).map((n) => decimal(BigInt(n), 3));
    fc.assert(
      fc.property(cents, rate, (x, v) => equal(excludingVat(multiply(x, add(ONE, v)), v), x)),
      { seed: 12, numRuns: 300 },
    );
  });

  it('agrees with decimal.js at 4 places, both roundings', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => decimal(BigInt(n), 3));
    const rate = fc.integer({ min: 1, max: 250 }).map((n) => decimal(BigInt(n), 3));
    fc.assert(
      fc.property(amount, rate, fc.constantFrom('half-up', 'half-even'), (x, v, mode) => {
        const ours = formatPerUnit(excludingVat(x, v), mode);
        const reference = decimalJsFixed(oracle(x).div(oracle(add(ONE, v))), 4, mode);
        return ours === reference;
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
