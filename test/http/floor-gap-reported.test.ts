import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Wide } from '../domain/reference-rounding';
import { postJson } from '../helpers';
import { amount, basis, method, otherDutyRate, rounding } from './floor-gap-arbitraries';

const usd = (amount: string, per = 'kg') => ({ amount, currency: 'USD', per });

interface FloorGap {
  referencePerUnit: string;
  floorPerUnit: string;
  gapPerUnit: string;
  dutyPerUnit: string;
  duty: string;
  adValoremEquivalent: string | null;
  landedPerUnit: string;
  binding: boolean;
  floorMet: boolean;
  triggerPerUnit?: string;
  triggerGapPerUnit?: string;
  formula: string;
}

async function floorGap(body: Record<string, unknown>): Promise<FloorGap> {
  const response = await postJson('/v1/floor-gap', { asOf: '2026-11-21', ...body });
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as FloorGap;
}

describe('POST /v1/floor-gap: the printed per-unit figures add up and decide (reported parts add up)', () => {
  // Duty-paid: R = P × (1 + r) = 10 × 1.000005 = 10.00005. Capped at maxRate × P = 0.500005 × 10
  // = 5.00005 < g = 20 − 10.00005 = 9.99995, so d = 5.00005; the exact R + d = 15.0001.
  const capped = {
    price: usd('10'),
    floor: usd('20'),
    otherDutyRate: '0.000005',
    basis: 'duty-paid',
    method: { type: 'capped', maxRate: '0.500005' },
  };

  it('half-up: R 10.00005 → 10.0001, d 5.00005 → 5.0001, landed 10.0001 + 5.0001 = 15.0002 (not the exact 15.0001), gap 20.0000 − 10.0001 = 9.9999', async () => {
    const r = await floorGap({ ...capped, rounding: 'half-up' });
    expect(r.referencePerUnit).toBe('10.0001');
    expect(r.dutyPerUnit).toBe('5.0001');
    expect(r.landedPerUnit).toBe('15.0002');
    expect(r.gapPerUnit).toBe('9.9999');
    expect(r.binding).toBe(true);
    expect(r.floorMet).toBe(false);
    expect(r.formula).toContain('R + d = 15.0002 < F: floor not met');
  });

  it('half-even: R 10.00005 → 10.0000, d 5.00005 → 5.0000, landed 10.0000 + 5.0000 = 15.0000 (not the exact 15.0001), gap 20.0000 − 10.0000 = 10.0000', async () => {
    const r = await floorGap({ ...capped, rounding: 'half-even' });
    expect(r.referencePerUnit).toBe('10.0000');
    expect(r.dutyPerUnit).toBe('5.0000');
    expect(r.landedPerUnit).toBe('15.0000');
    expect(r.gapPerUnit).toBe('10.0000');
  });

  it('floorMet is decided on the printed figures: landed 10.0001 + 5.9999 = 16.0000 ≥ 16.0000 although the exact 15.99999 < 16', async () => {
    // R = 10 × 1.000005 = 10.00005 → 10.0001 (half-up); d = min(g, 0.599994 × 10) = min(5.99995,
    // 5.99994) = 5.99994 → 5.9999; exact landed 10.00005 + 5.99994 = 15.99999 < 16, printed
    // 10.0001 + 5.9999 = 16.0000 ≥ 16.0000: the answer says the floor is met, as it prints.
    const r = await floorGap({
      ...capped,
      floor: usd('16'),
      method: { type: 'capped', maxRate: '0.599994' },
      rounding: 'half-up',
    });
    expect(r.dutyPerUnit).toBe('5.9999');
    expect(r.landedPerUnit).toBe('16.0000');
    expect(r.floorPerUnit).toBe('16.0000');
    expect(r.floorMet).toBe(true);
    // g = 16.0000 − 10.0001 = 5.9999 > 0: below the floor before the duty.
    expect(r.gapPerUnit).toBe('5.9999');
    expect(r.binding).toBe(true);
  });

  it('binding is the exact R < F: R 15.99999 prints 16.0000 and g 0.0000, yet the floor binds (the duty rate shows it)', async () => {
    // Customs value R = P = 15.99999 → 16.0000 (half-up); full gap d = 16 − 15.99999 = 0.00001 →
    // 0.0000; landed 16.0000 + 0.0000 = 16.0000 ≥ 16.0000; AVE 0.00001 / 15.99999 = 0.000000625…
    // → 0.000001 at 6 places.
    const r = await floorGap({
      price: usd('15.99999'),
      floor: usd('16'),
      basis: 'customs-value',
      method: { type: 'full-gap' },
      rounding: 'half-up',
    });
    expect(r.referencePerUnit).toBe('16.0000');
    expect(r.gapPerUnit).toBe('0.0000');
    expect(r.binding).toBe(true);
    expect(r.dutyPerUnit).toBe('0.0000');
    expect(r.adValoremEquivalent).toBe('0.000001');
    expect(r.landedPerUnit).toBe('16.0000');
    expect(r.floorMet).toBe(true);
  });

  it('a full gap lands on the printed floor: price 8,370.4574, other duties 25%, floor 36,104.84', async () => {
    // R = 8,370.4574 × 1.25 = 10,463.07175 → 10,463.0718 (half-up); g = 36,104.8400 − 10,463.0718
    // = 25,641.7682; d = the exact gap 25,641.76825, printed as the printed gap 25,641.7682 (on its
    // own it would round to 25,641.7683 and land at 36,104.8401); landed 10,463.0718 + 25,641.7682
    // = 36,104.8400; duty on 1 t = 25,641.76825 → 25,641.77.
    const r = await floorGap({
      price: { amount: '8370.4574', currency: 'USD', per: 't' },
      floor: { amount: '36104.84', currency: 'USD', per: 't' },
      otherDutyRate: '0.25',
      rounding: 'half-up',
    });
    expect([r.referencePerUnit, r.gapPerUnit, r.dutyPerUnit, r.landedPerUnit, r.duty]).toEqual([
      '10463.0718',
      '25641.7682',
      '25641.7682',
      '36104.8400',
      '25641.77',
    ]);
  });

  it('all-or-nothing just under the floor: the penalty, binding and the formula all rest on the exact R < F', async () => {
    // R = P = 15.99999 < 16 exactly (printed 16.0000): d = 0.3 × 15.99999 = 4.799997 → 4.8000;
    // duty on 1 kg 4.799997 → 4.80; landed 16.0000 + 4.8000 = 20.8000 ≥ 16.0000.
    const r = await floorGap({
      price: usd('15.99999'),
      floor: usd('16'),
      method: { type: 'all-or-nothing', penaltyRate: '0.3' },
      rounding: 'half-up',
    });
    expect([r.dutyPerUnit, r.duty, r.binding, r.landedPerUnit, r.floorMet]).toEqual([
      '4.8000',
      '4.80',
      true,
      '20.8000',
      true,
    ]);
    // the product holds as written: 0.3 × 15.99999 = 4.799997 (P exact where 4 places would not hold it)
    expect(r.formula).toContain(
      'all-or-nothing: R = 15.99999 before rounding < F, so d = penaltyRate × P = 0.3 × 15.99999 = 4.799997 (reported 4.8000)',
    );
    expect(r.formula).not.toContain('R ≥ F');
  });

  it('capped just under the floor: min(g before rounding, maxRate × P) holds as written', async () => {
    // R = P = 15.99999 (printed 16.0000, so the printed g is 0.0000); the exact g = 0.00001 and
    // 0.5 × 15.99999 = 7.999995, so d = min(0.00001, 7.999995) = 0.00001 (printed 0.0000)
    const r = await floorGap({
      price: usd('15.99999'),
      floor: usd('16'),
      method: { type: 'capped', maxRate: '0.5' },
      rounding: 'half-up',
    });
    expect(r.formula).toContain(
      'capped: d = min(g before rounding, maxRate × P) = min(0.00001, 0.5 × 15.99999) = 0.00001 (reported 0.0000)',
    );
  });

  it('the formula names the exact d where rounding changed it: capped, red 10.00005, d = 0.25 × 10.00005 = 2.5000125 → 2.5000, duty on 1,000 kg 2,500.01', async () => {
    // g = 16.0000 − 10.0001 = 5.9999 (printed R and F); d = min(5.99995, 0.25 × 10.00005) =
    // 2.5000125, printed 2.5000; duty = 2.5000125 × 1,000 = 2,500.0125 → 2,500.01.
    const r = await floorGap({
      price: usd('10.00005'),
      floor: usd('16'),
      quantity: { value: '1000', unit: 'kg' },
      method: { type: 'capped', maxRate: '0.25' },
      rounding: 'half-up',
    });
    expect(r.dutyPerUnit).toBe('2.5000');
    expect(r.formula).toContain('= 2.5000125 (reported 2.5000); duty = d × 1000 kg = 2500.01 USD');
    // A d that needs no rounding is written once, as before.
    const plain = await floorGap({ price: usd('10'), floor: usd('16') });
    expect(plain.formula).toContain('full gap: d = g = 6.0000;');
  });

  it('over random prices, floors, other duties, methods and rounding: landed = R + d, g = max(0, F − R), printed g > 0 ⇒ binding, floorMet ⇔ landed ≥ F as printed', async () => {
    const request = fc.record({
      price: amount,
      floor: amount,
      otherDutyRate,
      basis,
      method,
      rounding,
    });
    await fc.assert(
      fc.asyncProperty(request, async (q) => {
        const r = await floorGap({ ...q, price: usd(q.price), floor: usd(q.floor) });
        const R = new Wide(r.referencePerUnit);
        const F = new Wide(r.floorPerUnit);
        const landed = new Wide(r.landedPerUnit);
        expect(r.landedPerUnit).toBe(R.plus(r.dutyPerUnit).toFixed(4));
        expect(r.gapPerUnit).toBe(Wide.max(0, F.minus(R)).toFixed(4));
        // binding is the exact R < F (R = P × (1 + r) duty-paid, P on the customs value);
        // rounding is monotone, so a printed g > 0 always binds
        const exactR =
          q.basis === 'duty-paid'
            ? new Wide(q.price).times(new Wide(1).plus(q.otherDutyRate))
            : new Wide(q.price);
        expect(r.binding).toBe(exactR.lt(q.floor));
        if (new Wide(r.gapPerUnit).gt(0)) expect(r.binding).toBe(true);
        expect(r.floorMet).toBe(landed.gte(F));
        if (r.triggerPerUnit !== undefined) {
          const T = new Wide(r.triggerPerUnit);
          expect(r.triggerGapPerUnit).toBe(Wide.max(0, T.minus(R)).toFixed(4));
        }
      }),
      { seed: 23, numRuns: 150 },
    );
  });
});
