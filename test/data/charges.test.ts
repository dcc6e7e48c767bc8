import { describe, expect, it } from 'vitest';
import { type ChargeReporting, landedCostCharges } from '../../src/data/charges';
import type { MeasureRow } from '../../src/data/schema';
import { parseDecimal, toText } from '../../src/numeric';
import { fixturePolicyData } from '../fixtures/policy-data';

const data = fixturePolicyData();
const row = (id: string) => data.measures.get(id) as MeasureRow;

/** Reporting in EUR at 0.9 EUR per USD; no rate for CNY. */
const EUR: ChargeReporting = { currency: 'EUR', fx: { USD: parseDecimal('0.9') } };

const cnySpecific = {
  ...row('fx-duty'),
  id: 'fx-specific',
  kind: 'specific',
  amount: { amount: '2', currency: 'CNY', per: 'kg' },
} as MeasureRow;

/** A floor-gap measure whose tranche schedule has an unbounded band before the last. */
function floorGap(id: string, currency: string): MeasureRow {
  return {
    ...row('fx-duty'),
    id,
    kind: 'floor-gap',
    floor: { amount: '16.00', currency, per: 'kg' },
    basis: 'customs-value',
    method: {
      type: 'tranche',
      bands: [
        { upTo: null, share: '0.3' },
        { upTo: null, share: '0.9' },
      ],
    },
  } as MeasureRow;
}

const charges = (applied: readonly MeasureRow[]) =>
  landedCostCharges(applied, data, '2026-03-01', undefined, EUR);

describe('landedCostCharges: measure rows as the domain’s charges, in the reporting currency', () => {
  it('restates a fee’s per-entry bounds and leaves out a charge it has no rate for, saying which currency', () => {
    const c = charges([row('fx-duty'), cnySpecific, row('fx-fee')]);
    // fx-duty: 5% ad valorem, a rate in no currency. The CNY specific duty has no rate: left out.
    expect(c.duties.map((d) => d.id)).toEqual(['fx-duty']);
    expect(c.problems).toEqual([{ kind: 'missing-rate', currency: 'CNY' }]);
    // fx-fee: 0.1%, min 10.00 × 0.9 = 9.000 EUR, max 100.00 × 0.9 = 90.000 EUR.
    expect(
      c.fees.map((f) => [f.id, toText(f.rate), f.min && toText(f.min), f.max && toText(f.max)]),
    ).toEqual([['fx-fee', '0.001', '9.000', '90.000']]);
    expect(c.warnings).toEqual([]);
  });

  it('one problem per missing currency, however many amounts are in it: a CNY specific duty and a CNY floor', () => {
    const c = charges([cnySpecific, floorGap('fx-floor-cny', 'CNY')]);
    expect(c.duties).toEqual([]);
    // The floor-gap charge is not built without its floor, so its method is not read: no band problem.
    expect(c.problems).toEqual([{ kind: 'missing-rate', currency: 'CNY' }]);
  });

  it('a floor-gap measure’s bad tranche band is a problem naming the measure and the band, in the order read', () => {
    const c = charges([floorGap('fx-floor', 'USD'), cnySpecific]);
    // The floor is restated: 16.00 × 0.9 = 14.400 EUR per kg; the charge keeps its bands.
    expect(
      c.duties.map((d) => (d.kind === 'floor-gap' ? [d.id, toText(d.floor), d.method.type] : [])),
    ).toEqual([['fx-floor', '14.400', 'tranche']]);
    expect(c.problems).toEqual([
      // band 0 is unbounded and not the last; band 1, the last, may be
      {
        kind: 'tranche-band',
        measureId: 'fx-floor',
        issue: { band: 0, rule: 'unbounded-not-last' },
      },
      { kind: 'missing-rate', currency: 'CNY' },
    ]);
  });
});
