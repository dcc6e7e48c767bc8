import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareReported, type ReportedTotals } from '../../src/domain/comparison';
import { add, type Decimal, decimal, equal, sum, toText } from '../../src/numeric';
import { d } from './numbers';

/** An answer whose duties are the sum of its duty lines and fees of its fee lines. */
function answer(duties: Record<string, string>, fees: Record<string, string>, goods = '50000.00') {
  const lines = [...Object.entries(duties), ...Object.entries(fees)].map(([measureId, a]) => ({
    measureId,
    amount: d(a),
  }));
  const dutyTotal = sum(Object.values(duties).map(d));
  const feeTotal = sum(Object.values(fees).map(d));
  return {
    lines,
    duties: dutyTotal,
    fees: feeTotal,
    landedCost: add(add(d(goods), dutyTotal), feeTotal),
  } satisfies ReportedTotals;
}

const text = (x: Decimal) => toText(x);

describe('compareReported: a variant against the first, from reported figures', () => {
  it('added, changed and removed lines, and the deltas of the totals', () => {
    // first: MFN 1,750.00 + s301 12,500.00 = duties 14,250.00; MPF 173.25
    const first = answer({ mfn: '1750.00', s301: '12500.00' }, { mpf: '173.25' });
    // variant: MFN 1,750.00 (same), s122 7,500.00 (new); MPF 180.10
    const variant = answer({ mfn: '1750.00', s122: '7500.00' }, { mpf: '180.10' });
    const c = compareReported(first, variant);
    expect(c.charges.map((x) => [x.measureId, x.change, text(x.amountDelta)])).toEqual([
      // 7,500.00 − 0
      ['s122', 'added', '7500.00'],
      // 180.10 − 173.25 = 6.85
      ['mpf', 'changed', '6.85'],
      // 0 − 12,500.00
      ['s301', 'removed', '-12500.00'],
    ]);
    // duties 9,250.00 − 14,250.00 = −5,000.00; fees 6.85; landed cost −5,000.00 + 6.85 = −4,993.15
    expect([c.deltas.duties, c.deltas.fees, c.deltas.landedCost].map(text)).toEqual([
      '-5000.00',
      '6.85',
      '-4993.15',
    ]);
  });

  it('an answer against itself changes nothing', () => {
    const first = answer({ mfn: '1750.00' }, { mpf: '173.25' });
    const c = compareReported(first, first);
    expect(c.charges).toEqual([]);
    expect([c.deltas.duties, c.deltas.fees, c.deltas.landedCost].map(text)).toEqual([
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('law: Σ amountDelta = Δduties + Δfees = ΔlandedCost when totals are the sums of the lines and the goods are the same', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 }).map((n) => toText(decimal(BigInt(n), 2)));
    const lines = fc.dictionary(fc.constantFrom('mfn', 's301', 's122', 'fg', 'ad'), cents);
    const fees = fc.dictionary(fc.constantFrom('mpf', 'hmf'), cents);
    fc.assert(
      fc.property(lines, fees, lines, fees, (d1, f1, d2, f2) => {
        const c = compareReported(answer(d1, f1), answer(d2, f2));
        const changes = sum(c.charges.map((x) => x.amountDelta));
        const totals = add(c.deltas.duties, c.deltas.fees);
        expect(equal(changes, totals)).toBe(true);
        expect(equal(totals, c.deltas.landedCost)).toBe(true);
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
