import { describe, expect, it } from 'vitest';
import { landedCostCharges } from '../../src/data/charges';
import type { MeasureRow } from '../../src/data/schema';
import { multiply, parseDecimal, toText } from '../../src/numeric';
import { fixturePolicyData } from '../fixtures/policy-data';

const data = fixturePolicyData();
const row = (id: string) => data.measures.get(id) as MeasureRow;

describe('landedCostCharges: measure rows as the domain’s charges, in the reporting currency', () => {
  it('restates a fee’s per-entry bounds and leaves out a charge it has no rate for', () => {
    const cnySpecific = {
      ...row('fx-duty'),
      id: 'fx-specific',
      kind: 'specific',
      amount: { amount: '2', currency: 'CNY', per: 'kg' },
    } as MeasureRow;
    const missing: string[] = [];
    const charges = landedCostCharges(
      [row('fx-duty'), cnySpecific, row('fx-fee')],
      data,
      '2026-03-01',
      undefined,
      {
        // Reporting in EUR at 0.9 EUR per USD; no rate for CNY.
        restate: (amount, currency) => {
          if (currency === 'USD') return multiply(amount, parseDecimal('0.9'));
          missing.push(currency);
          return undefined;
        },
        method: () => ({ type: 'full-gap' }),
      },
    );
    // fx-duty: 5% ad valorem, a rate in no currency. The CNY specific duty has no rate: left out.
    expect(charges.duties.map((c) => c.id)).toEqual(['fx-duty']);
    expect(missing).toEqual(['CNY']);
    // fx-fee: 0.1%, min 10.00 × 0.9 = 9.000 EUR, max 100.00 × 0.9 = 90.000 EUR.
    expect(
      charges.fees.map((f) => [
        f.id,
        toText(f.rate),
        f.min && toText(f.min),
        f.max && toText(f.max),
      ]),
    ).toEqual([['fx-fee', '0.001', '9.000', '90.000']]);
    expect(charges.warnings).toEqual([]);
  });
});
