import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalJsFixed, Wide } from '../domain/reference-rounding';
import {
  amount,
  basis,
  exactDuty,
  type FloorGap,
  floorGap,
  method,
  otherDutyRate,
  reportedPlaces,
  rounding,
  usd,
} from './floor-gap-arbitraries';

describe('POST /v1/floor-gap: each per-unit figure is its exact value rounded once; floorMet is exact, and printed so', () => {
  // Duty-paid: R = P × (1 + r) = 10 × 1.000005 = 10.00005. Capped at maxRate × P = 0.500005 × 10
  // = 5.00005 < g = 20 − 10.00005 = 9.99995, so d = 5.00005; the exact R + d = 15.0001.
  const capped = {
    price: usd('10'),
    floor: usd('20'),
    otherDutyRate: '0.000005',
    basis: 'duty-paid',
    method: { type: 'capped', maxRate: '0.500005' },
  };

  it('half-up: R 10.00005 → 10.0001, d 5.00005 → 5.0001, landed the exact 15.0001 (not the printed sum 15.0002), gap 9.99995 → 10.0000', async () => {
    const r = await floorGap({ ...capped, rounding: 'half-up' });
    expect(r.referencePerUnit).toBe('10.0001');
    expect(r.dutyPerUnit).toBe('5.0001');
    expect(r.landedPerUnit).toBe('15.0001');
    expect(r.gapPerUnit).toBe('10.0000');
    expect(r.binding).toBe(true);
    // 15.0001 < 20.0000
    expect(r.floorMet).toBe(false);
    // the printed 10.0001 + 5.0001 = 15.0002 is not the landed price: the sum is written exact
    expect(r.formula).toContain('R + d = 10.00005 + 5.00005 = 15.0001 < F: floor not met');
  });

  it('half-even: R 10.00005 → 10.0000 (0 is even), d 5.00005 → 5.0000, landed the exact 15.0001 (not the printed sum 15.0000), gap 9.99995 → 10.0000 (9 is odd: up)', async () => {
    const r = await floorGap({ ...capped, rounding: 'half-even' });
    expect(r.referencePerUnit).toBe('10.0000');
    expect(r.dutyPerUnit).toBe('5.0000');
    expect(r.landedPerUnit).toBe('15.0001');
    expect(r.gapPerUnit).toBe('10.0000');
  });

  it('floorMet is the exact decision: landed 15.99999 < 16 is not met, and prints 15.99999 (4 places, 16.0000, would read as met)', async () => {
    // R = 10 × 1.000005 = 10.00005 → 10.0001 (half-up); d = min(g, 0.599994 × 10) = min(5.99995,
    // 5.99994) = 5.99994 → 5.9999; exact landed 10.00005 + 5.99994 = 15.99999 < 16: not met. At 4
    // places it would print 16.0000 ≥ 16.0000, so it prints at 5: 15.99999 < 16.0000.
    const r = await floorGap({
      ...capped,
      floor: usd('16'),
      method: { type: 'capped', maxRate: '0.599994' },
      rounding: 'half-up',
    });
    expect(r.dutyPerUnit).toBe('5.9999');
    expect(r.landedPerUnit).toBe('15.99999');
    expect(r.floorPerUnit).toBe('16.0000');
    expect(r.floorMet).toBe(false);
    expect(r.formula).toContain('R + d = 10.00005 + 5.99994 = 15.99999 < F: floor not met');
    // g = 16 − 10.00005 = 5.99995 → 6.0000 > 0: below the floor before the duty.
    expect(r.gapPerUnit).toBe('6.0000');
    expect(r.binding).toBe(true);
  });

  it('binding is the exact R < F: R 15.99999 prints 16.0000 and g 0.0000, yet the floor binds (the duty rate shows it)', async () => {
    // Customs value R = P = 15.99999 → 16.0000 (half-up); g = d = 16 − 15.99999 = 0.00001 →
    // 0.0000; landed exactly 16 → 16.0000 ≥ 16.0000; AVE 0.00001 / 15.99999 = 0.000000625…
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
    // R = 8,370.4574 × 1.25 = 10,463.07175 → 10,463.0718 (half-up); g = d = 36,104.84 −
    // 10,463.07175 = 25,641.76825 → 25,641.7683; landed R + d = 36,104.84 exactly → 36,104.8400,
    // the printed floor (the printed 10,463.0718 + 25,641.7683 = 36,104.8401 is not it); duty on
    // 1 t = 25,641.76825 → 25,641.77.
    const r = await floorGap({
      price: { amount: '8370.4574', currency: 'USD', per: 't' },
      floor: { amount: '36104.84', currency: 'USD', per: 't' },
      otherDutyRate: '0.25',
      rounding: 'half-up',
    });
    expect([r.referencePerUnit, r.gapPerUnit, r.dutyPerUnit, r.landedPerUnit, r.duty]).toEqual([
      '10463.0718',
      '25641.7683',
      '25641.7683',
      '36104.8400',
      '25641.77',
    ]);
    expect(r.formula).toContain('R + d = 10463.07175 + 25641.76825 = 36104.8400 ≥ F: floor met');
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

  it('capped just under the floor: min(g, maxRate × P) holds as written with the exact g', async () => {
    // R = P = 15.99999 (printed 16.0000, so the printed g is 0.0000); the exact g = 0.00001 and
    // 0.5 × 15.99999 = 7.999995, so d = min(0.00001, 7.999995) = 0.00001 (printed 0.0000)
    const r = await floorGap({
      price: usd('15.99999'),
      floor: usd('16'),
      method: { type: 'capped', maxRate: '0.5' },
      rounding: 'half-up',
    });
    expect(r.formula).toContain(
      'g = max(0, F − R) = max(0, 16.0000 − 15.99999) = 0.00001 (reported 0.0000); capped: d = min(g, maxRate × P) = min(0.00001, 0.5 × 15.99999) = 0.00001 (reported 0.0000)',
    );
  });

  it('the formula names the exact d where rounding changed it: capped, red 10.00005, d = 0.25 × 10.00005 = 2.5000125 → 2.5000, duty on 1,000 kg 2,500.01', async () => {
    // g = 16 − 10.00005 = 5.99995; d = min(5.99995, 0.25 × 10.00005) =
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

  it('over random prices, floors, other duties, methods and rounding: R, F, g, d, landed and the trigger gap are their exact values rounded once, printed R + d within a unit of landed, floorMet ⇔ exact landed ≥ F ⇔ printed landed ≥ printed F', async () => {
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
        const fixed = (x: Wide) => decimalJsFixed(x, 4, q.rounding);
        // The exact figures, computed here from the contract's definitions: R = P × (1 + r)
        // duty-paid, P on the customs value; g = max(0, F − R); d by the method (the tranche in
        // the contract's closed form of the WTO schedule, T = F).
        const P = new Wide(q.price);
        const F = new Wide(q.floor);
        const R = q.basis === 'duty-paid' ? P.times(new Wide(1).plus(q.otherDutyRate)) : P;
        const g = Wide.max(0, F.minus(R));
        const d = exactDuty(q.method, P, R, F, g);
        expect(r.referencePerUnit).toBe(fixed(R));
        expect(r.gapPerUnit).toBe(fixed(g));
        expect(r.dutyPerUnit).toBe(fixed(d));
        // F and landed at 4 places, or, where those would cross, with the places it takes
        // (reportedPlaces checks that each is its exact value rounded once at them)
        const L = R.plus(d);
        reportedPlaces(r.floorPerUnit, F, q.rounding);
        reportedPlaces(r.landedPerUnit, L, q.rounding);
        expect(r.floorMet).toBe(L.gte(F));
        // each of R and d is within half a unit of the 4th place, and landed within half a unit of
        // its last, so their printed sum is within a unit of the printed landed price
        const printedSum = new Wide(r.referencePerUnit).plus(r.dutyPerUnit);
        expect(printedSum.minus(r.landedPerUnit).abs().lte('0.0001')).toBe(true);
        // binding is the exact R < F; rounding is monotone, so a printed g > 0 always binds
        expect(r.binding).toBe(R.lt(F));
        if (new Wide(r.gapPerUnit).gt(0)) expect(r.binding).toBe(true);
        expect(r.floorMet).toBe(new Wide(r.landedPerUnit).gte(r.floorPerUnit));
        if (r.triggerPerUnit !== undefined) {
          // T = F here: printed as F is
          expect(r.triggerPerUnit).toBe(r.floorPerUnit);
          expect(r.triggerGapPerUnit).toBe(fixed(g));
        }
      }),
      { seed: 23, numRuns: 150 },
    );
  });
});

describe('POST /v1/floor-gap: a full gap that rounding splits, each figure rounded once from its exact value', () => {
  /**
   * The answer for a price under a floor of 16 per kg on 100 kg, duty-paid with no other duties
   * (R = P), full gap, with what the four cases share checked: F 16 → 16.0000; g = d (the full
   * gap), each rounded once; landed R + d = 16 exactly → 16.0000; binding (R < 16 exactly) and
   * floorMet (16.0000 ≥ 16.0000).
   */
  async function fullGapUnder16(
    price: string,
    rounding: string,
    reported: { R: string; d: string; duty: string; ave: string },
  ): Promise<FloorGap> {
    const r = await floorGap({
      price: usd(price),
      floor: usd('16'),
      quantity: { value: '100', unit: 'kg' },
      rounding,
    });
    expect([
      r.referencePerUnit,
      r.floorPerUnit,
      r.gapPerUnit,
      r.dutyPerUnit,
      r.landedPerUnit,
      r.duty,
      r.binding,
      r.floorMet,
    ]).toEqual([
      reported.R,
      '16.0000',
      reported.d,
      reported.d,
      '16.0000',
      reported.duty,
      true,
      true,
    ]);
    return r;
  }

  // R = P; g = d = 16 − P; landed R + d = 16 exactly; duty = d × 100 kg at 2 places. A tie rounds
  // away from zero half-up, to the even digit half-even.
  const cases = [
    {
      // R 10.00005 → 10.0001; d 5.99995 → 6.0000 (not the printed 16.0000 − 10.0001 = 5.9999);
      // duty 599.995 → 600.00; AVE 5.99995 / 10.00005 = 0.59999200… → 0.599992. The printed
      // 10.0001 + 6.0000 = 16.0001 is not the landed price: the formula writes the sum exact.
      price: '10.00005',
      rounding: 'half-up',
      reported: { R: '10.0001', d: '6.0000', duty: '600.00', ave: '0.599992' },
      formula: [
        'R = P × (1 + r) = 10.00005 × (1 + 0) = 10.00005 (reported 10.0001); ' +
          'g = max(0, F − R) = max(0, 16.0000 − 10.00005) = 5.99995 (reported 6.0000); ' +
          'full gap: d = g = 5.99995 (reported 6.0000); duty = d × 100 kg = 600.00 USD; ' +
          'R + d = 10.00005 + 5.99995 = 16.0000 ≥ F: floor met',
      ],
    },
    {
      // R 10.00005: the tie keeps the even 0 → 10.0000; d 5.99995: the odd 9 rounds up → 6.0000;
      // duty 599.995: the odd 9 rounds up → 600.00. The printed 10.0000 + 6.0000 is the landed
      // 16.0000, so the sum is written once.
      price: '10.00005',
      rounding: 'half-even',
      reported: { R: '10.0000', d: '6.0000', duty: '600.00', ave: '0.599992' },
      formula: ['full gap: d = g = 5.99995 (reported 6.0000);', 'R + d = 16.0000 ≥ F: floor met'],
    },
    {
      // R 15.99995 → 16.0000; d 0.00005 → 0.0001 beside binding true (not 0.0000); duty 0.005 →
      // 0.01; AVE 0.00005 / 15.99995 = 0.0000031… → 0.000003. The printed 16.0000 + 0.0001 =
      // 16.0001 is not the landed price.
      price: '15.99995',
      rounding: 'half-up',
      reported: { R: '16.0000', d: '0.0001', duty: '0.01', ave: '0.000003' },
      formula: [
        'full gap: d = g = 0.00005 (reported 0.0001); duty = d × 100 kg = 0.01 USD; R + d = 15.99995 + 0.00005 = 16.0000 ≥ F: floor met',
      ],
    },
    {
      // R 15.99995: the odd 9 rounds up → 16.0000; d 0.00005: the tie keeps the even 0 → 0.0000,
      // and the floor still binds (15.99995 < 16); duty 0.005: the even 0 stays → 0.00.
      price: '15.99995',
      rounding: 'half-even',
      reported: { R: '16.0000', d: '0.0000', duty: '0.00', ave: '0.000003' },
      formula: ['full gap: d = g = 0.00005 (reported 0.0000);', 'R + d = 16.0000 ≥ F: floor met'],
    },
  ];

  it.each(cases)(
    'price $price, $rounding: R $reported.R, g = d $reported.d, landed 16.0000, duty $reported.duty',
    async ({ price, rounding, reported, formula }) => {
      const r = await fullGapUnder16(price, rounding, reported);
      expect(r.adValoremEquivalent).toBe(reported.ave);
      for (const part of formula) expect(r.formula).toContain(part);
    },
  );
});

describe('POST /v1/floor-gap: the formula reads true with the numbers it writes', () => {
  /** Price and floor per kg in USD, on the customs value, with a method. */
  const onCustomsValue = (price: string, floor: string, method: Record<string, unknown>) =>
    floorGap({ price: usd(price), floor: usd(floor), basis: 'customs-value', method });

  it('a rate 6 places cannot hold is written exact: 10 × (1 + 0.2712345) = 12.712345, not 1 + 0.271235', async () => {
    // R = 10 × 1.2712345 = 12.712345 → 12.7123; g = d = 16 − 12.712345 = 3.287655 → 3.2877;
    // landed 12.712345 + 3.287655 = 16 exactly, and the printed 12.7123 + 3.2877 = 16.0000.
    // (10 × 1.271235 = 12.71235 would not be the R written.)
    const r = await floorGap({ price: usd('10'), floor: usd('16'), otherDutyRate: '0.2712345' });
    expect(r.formula).toContain(
      'R = P × (1 + r) = 10.0000 × (1 + 0.2712345) = 12.712345 (reported 12.7123);',
    );
    expect(r.formula).not.toContain('0.271235');
    expect(r.formula).toContain('R + d = 16.0000 ≥ F: floor met');
  });

  it('a maxRate or penaltyRate 6 places cannot hold is written exact: 0.5999995 × 10 = 5.999995', async () => {
    // capped: g = 16 − 10 = 6; 0.5999995 × 10 = 5.999995 < 6, so d = 5.999995 → 6.0000 (half-up);
    // landed 10 + 5.999995 = 15.999995 → 16.0000 ≥ 16.0000, met as reported.
    const capped = await onCustomsValue('10', '16', { type: 'capped', maxRate: '0.5999995' });
    expect(capped.formula).toContain(
      'd = min(g, maxRate × P) = min(6.0000, 0.5999995 × 10.0000) = 5.999995 (reported 6.0000)',
    );
    // all-or-nothing: R = 10 < 16, so d = 0.5999995 × 10 = 5.999995 → 6.0000
    const penalty = await onCustomsValue('10', '16', {
      type: 'all-or-nothing',
      penaltyRate: '0.5999995',
    });
    expect(penalty.formula).toContain(
      'd = penaltyRate × P = 0.5999995 × 10.0000 = 5.999995 (reported 6.0000)',
    );
  });

  it('a trigger 4 places cannot hold is written exact: T = 15.99995 (reported 16.0000), and a landed price under the floor is written exact beside the reported one', async () => {
    // customs value R = 10; T − R = 5.99995, between 0.10T = 1.599995 and 0.40T = 6.39998:
    // d = 0.30 × (5.99995 − 1.599995) = 0.30 × 4.399955 = 1.3199865 → 1.3200 (with T = 16 it
    // would be 0.30 × 4.4 = 1.32); landed 10 + 1.3199865 = 11.3199865 → 11.3200 < 16.0000.
    const r = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      trigger: usd('15.99995'),
      method: { type: 'tranche' },
    });
    expect(r.triggerPerUnit).toBe('16.0000');
    expect([r.dutyPerUnit, r.landedPerUnit, r.floorMet]).toEqual(['1.3200', '11.3200', false]);
    expect(r.formula).toContain(
      'in each band of T), T = 15.99995 (reported 16.0000): d = 1.3199865 (reported 1.3200);',
    );
    expect(r.formula).toContain(
      'R + d = 10.0000 + 1.3199865 = 11.3199865 (reported 11.3200) < F: floor not met',
    );
  });

  it.each([
    {
      // R = P = 15.99995; T − R = 0.00005 ≤ 0.10T = 1.6: d = 0; landed 15.99995 + 0 = 15.99995
      name: 'tranche, price 15.99995',
      body: { price: usd('15.99995'), method: { type: 'tranche' } },
      sum: '15.99995 + 0.0000',
    },
    {
      // R = P = 12.79996; g = 3.20004; 0.25 × 12.79996 = 3.19999 < g: d = 3.19999;
      // landed 12.79996 + 3.19999 = 15.99995
      name: 'capped at 0.25, price 12.79996',
      body: { price: usd('12.79996'), method: { type: 'capped', maxRate: '0.25' } },
      sum: '12.79996 + 3.19999',
    },
  ])(
    '$name: landed 15.99995 < 16 is not met, printed 15.99995 (not 16.0000, which would read as met)',
    async ({ body, sum }) => {
      const r = await floorGap({ floor: usd('16'), ...body });
      // half-up at 4 places 15.99995 → 16.0000, on the floor: at 5 it is itself
      expect([r.landedPerUnit, r.floorPerUnit, r.floorMet]).toEqual(['15.99995', '16.0000', false]);
      expect(r.formula).toContain(`R + d = ${sum} = 15.99995 < F: floor not met`);
      expect(r.formula).not.toContain('16.0000 ≥ F');
    },
  );

  it('a floor 4 places cannot hold: F 16.00004 above a landed price of exactly 16 prints 16.00004, and the floor is not met', async () => {
    // customs value R = 10; g = 16.00004 − 10 = 6.00004; capped at 0.6 × 10 = 6: d = 6; landed
    // exactly 10 + 6 = 16 → 16.0000 < 16.00004; F at 4 places, 16.0000, would not be above it.
    const r = await onCustomsValue('10', '16.00004', { type: 'capped', maxRate: '0.6' });
    expect([r.landedPerUnit, r.floorPerUnit, r.floorMet]).toEqual(['16.0000', '16.00004', false]);
    expect(r.formula).toContain('max(0, 16.00004 − 10.0000) = 6.00004 (reported 6.0000)');
    expect(r.formula).toContain('R + d = 16.0000 < F: floor not met');
  });
});

describe('POST /v1/floor-gap: prices, floor and quantity in different units, the duty the exact value rounded once', () => {
  // Per lb (the floor's unit): P = 15.5 × 0.45359237 = 7.030681735 < F = 12.5, so the penalty is
  // due: d = 0.3 × 7.030681735 = 2.1092045205 per lb. 0.5 kg = 0.5 / 0.45359237 lb, so the duty is
  // 2.1092045205 × 0.5 / 0.45359237 = 0.3 × 15.5 × 0.5 = 2.325 exactly: a tie at the cent.
  const penalty = {
    price: { amount: '15.5', per: 'kg' },
    floor: { amount: '12.5', per: 'lb' },
    quantity: { value: '0.5', unit: 'kg' },
    method: { type: 'all-or-nothing', penaltyRate: '0.3' },
  };

  it('all-or-nothing, price per kg, floor per lb, 0.5 kg: 0.3 × 15.5 × 0.5 = 2.325 → 2.33 half-up (2.32 half-even), not a hair under the tie', async () => {
    const r = await floorGap(penalty);
    expect([r.dutyPerUnit, r.duty, r.per]).toEqual(['2.1092', '2.33', 'lb']);
    // half-even keeps the even 2: the exact value is the tie itself
    expect((await floorGap({ ...penalty, rounding: 'half-even' })).duty).toBe('2.32');
  });

  it('the quantity is answered in the floor’s unit, to 10 places where the restatement does not end (0.5 / 0.45359237 = 1.10231131092… lb), beside the quantity as given; the formula writes both', async () => {
    const r = await floorGap(penalty);
    expect(r.quantity).toEqual({ value: '1.1023113109', unit: 'lb' });
    expect(r.quantityGiven).toEqual({ value: '0.5', unit: 'kg' });
    // the duty stays the exact 2.325 rounded once, not 2.1092045205 × 1.1023113109 = 2.32499…
    expect(r.duty).toBe('2.33');
    expect(r.formula).toContain('duty = d × (0.5 kg = 1.1023113109… lb) = 2.33 USD;');
  });

  it('a restatement that ends within 20 places is written exact, not cut: 0.1 ozt = 0.1 × 0.0311034768 = 0.00311034768 kg (11 places), no "…"', async () => {
    // d = F − R = 16 − 10 = 6 per kg; duty = 6 × 0.00311034768 = 0.01866208608 → 0.02
    const r = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      quantity: { value: '0.1', unit: 'ozt' },
    });
    expect(r.duty).toBe('0.02');
    expect(r.quantity).toEqual({ value: '0.00311034768', unit: 'kg' });
    expect(r.formula).toContain('duty = d × (0.1 ozt = 0.00311034768 kg) = 0.02 USD;');
  });

  it('the bound is 20 places: 0.0000001 ozt in t ends at 20 and is written whole; 0.12345678 ozt in t ends at 21 and is cut to 10 with "…"', async () => {
    const perT = (value: string) =>
      floorGap({
        price: usd('10000', 't'),
        floor: usd('16000', 't'),
        quantity: { value, unit: 'ozt' },
      });
    // 1 ozt = 0.0311034768 / 1000 = 0.0000311034768 t (13 places); 0.0000001 × that: 7 + 13 = 20
    // places, 0.00000000000311034768 t; duty 6000 × 0.00000000000311034768 = 0.0000000186… → 0.00
    const twenty = await perT('0.0000001');
    expect(twenty.duty).toBe('0.00');
    expect(twenty.formula).toContain(
      'duty = d × (0.0000001 ozt = 0.00000000000311034768 t) = 0.00 USD;',
    );
    // 12345678 × 311034768 = 311034768 × 12,000,000 + 311034768 × 345,678
    //   = 3,732,417,216,000,000 + 107,517,876,532,704 = 3,839,935,092,532,704: 8 + 13 = 21 places,
    // 0.000003839935092532704 t → 10 places 0.0000038399 (next digit 3) and "…"; duty
    // 6000 × 0.000003839935092532704 = 0.023039610555196224 → 0.02. The answer's quantity is as
    // before: 15 places (10 significant digits) 0.000003839935093.
    const beyond = await perT('0.12345678');
    expect(beyond.duty).toBe('0.02');
    expect(beyond.quantity).toEqual({ value: '0.000003839935093', unit: 't' });
    expect(beyond.formula).toContain('duty = d × (0.12345678 ozt = 0.0000038399… t) = 0.02 USD;');
  });

  it('capped at 1 × P, price per st, floor per kg, 2,205 lb on the customs value: 10 × 2205 / 2000 = 11.025 → 11.03', async () => {
    // Per kg: P = 10 / 907.18474; R = P < F = 16 and maxRate × P = P < g = 16 − P, so d = P.
    // 2,205 lb = 2205 × 0.45359237 = 1000.17117585 kg; 1 st = 2000 lb, so the duty is
    // 10 / (2000 × 0.45359237) × 2205 × 0.45359237 = 10 × 2205 / 2000 = 11.025 exactly.
    const r = await floorGap({
      price: { amount: '10', per: 'st' },
      floor: { amount: '16', per: 'kg' },
      quantity: { value: '2205', unit: 'lb' },
      basis: 'customs-value',
      method: { type: 'capped', maxRate: '1' },
    });
    // d = 10 / 907.18474 = 0.01102311… → 0.0110
    expect([r.dutyPerUnit, r.duty]).toEqual(['0.0110', '11.03']);
    // 2205 × 0.45359237 ends within 10 places: written exact, in the floor's unit
    expect(r.quantity).toEqual({ value: '1000.17117585', unit: 'kg' });
    expect(r.quantityGiven).toEqual({ value: '2205', unit: 'lb' });
    expect(r.formula).toContain('duty = d × (2205 lb = 1000.17117585 kg) = 11.03 USD;');
  });

  it('all-or-nothing, price per lb, floor per ozt, 8,986.25 lb: 0.4 × 0.01 × 8986.25 = 35.945 → 35.95', async () => {
    // Per ozt: P = 0.01 × 0.0311034768 / 0.45359237 = 0.00068571… < F = 0.25, so d = 0.4 × P;
    // 8,986.25 lb = 8986.25 × 0.45359237 / 0.0311034768 ozt, so the factors cancel and the duty
    // is 0.4 × 0.01 × 8986.25 = 35.945 exactly (the property below found it against the truncated quantity).
    const r = await floorGap({
      price: { amount: '0.01', per: 'lb' },
      floor: { amount: '0.25', per: 'ozt' },
      quantity: { value: '8986.25', unit: 'lb' },
      method: { type: 'all-or-nothing', penaltyRate: '0.4' },
    });
    expect(r.duty).toBe('35.95');
  });

  it('a quantity in the floor’s unit is written once, as before: 1000 kg', async () => {
    // P = 10, F = 16 per kg, no other duty: d = 6, duty 6 × 1000 = 6000.00
    const r = await floorGap({
      price: { amount: '10', per: 'kg' },
      floor: { amount: '16', per: 'kg' },
      quantity: { value: '1000', unit: 'kg' },
    });
    expect(r.quantity).toEqual({ value: '1000', unit: 'kg' });
    expect(r.quantityGiven).toEqual({ value: '1000', unit: 'kg' });
    expect(r.formula).toContain('duty = d × 1000 kg = 6000.00 USD;');
  });
});

/** The exact factors to kg of the API's units. */
const KG_PER_UNIT = {
  t: '1000',
  kg: '1',
  g: '0.001',
  lb: '0.45359237',
  st: '907.18474',
  ozt: '0.0311034768',
} as const;
const unit = fc.constantFrom(...(Object.keys(KG_PER_UNIT) as (keyof typeof KG_PER_UNIT)[]));

/**
 * Amounts up to `max`: half in quarters (15.5 × 0.3 × 0.5 = 2.325), so that a duty often
 * ends exactly on a half cent; the rest with up to 3 places.
 */
const tieProneAmount = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: 4 * max }).map((n) => new Wide(n).div(4).toString()),
    fc
      .tuple(fc.integer({ min: 0, max: 1000 * max }), fc.integer({ min: 0, max: 3 }))
      .map(([n, places]) => new Wide(n).div(1000).toFixed(places)),
  );

/** Every method, with rates of one place (ties at the cent stay common). */
const tieProneMethod = fc.oneof(
  fc.constant({ type: 'full-gap' }),
  fc.constant({ type: 'tranche' }),
  fc.integer({ min: 0, max: 10 }).map((n) => ({ type: 'capped', maxRate: (n / 10).toFixed(1) })),
  fc
    .integer({ min: 0, max: 10 })
    .map((n) => ({ type: 'all-or-nothing', penaltyRate: (n / 10).toFixed(1) })),
);

describe('POST /v1/floor-gap: over random prices, floors and quantities in mixed units, the duty is the exact value rounded once', () => {
  it('duty = decimal.js’s exact duty (one division, last) rounded once to the cent; dutyPerUnit likewise to 4 places', async () => {
    const request = fc.record({
      price: tieProneAmount(20_000),
      priceUnit: unit,
      floor: tieProneAmount(20_000),
      floorUnit: unit,
      quantity: tieProneAmount(10_000),
      quantityUnit: unit,
      otherDutyRate: fc.integer({ min: 0, max: 5 }).map((n) => (n / 10).toFixed(1)),
      basis: fc.constantFrom('duty-paid', 'customs-value'),
      method: tieProneMethod,
      rounding,
    });
    await fc.assert(
      fc.asyncProperty(request, async (q) => {
        const r = await floorGap({
          price: { amount: q.price, per: q.priceUnit },
          floor: { amount: q.floor, per: q.floorUnit },
          quantity: { value: q.quantity, unit: q.quantityUnit },
          otherDutyRate: q.otherDutyRate,
          basis: q.basis,
          method: q.method,
          rounding: q.rounding,
        });
        // Per kg, P = price / kg(priceUnit) and F = floor / kg(floorUnit). Every method is
        // homogeneous of degree one, so d is computed on P and F times K = kg(priceUnit) ×
        // kg(floorUnit), where both are exact products: P' = price × kg(floorUnit), F' = floor ×
        // kg(priceUnit). The duty on quantity × kg(quantityUnit) kg is then d' × that / K, the
        // only division (decimal.js at 1,000 significant digits: exact where it terminates).
        const kP = new Wide(KG_PER_UNIT[q.priceUnit]);
        const kF = new Wide(KG_PER_UNIT[q.floorUnit]);
        const kQ = new Wide(KG_PER_UNIT[q.quantityUnit]);
        const P = new Wide(q.price).times(kF);
        const F = new Wide(q.floor).times(kP);
        const R = q.basis === 'duty-paid' ? P.times(new Wide(1).plus(q.otherDutyRate)) : P;
        const g = Wide.max(0, F.minus(R));
        const d = exactDuty(q.method, P, R, F, g);
        const duty = d.times(q.quantity).times(kQ).div(kP.times(kF));
        expect(r.duty).toBe(decimalJsFixed(duty, 2, q.rounding));
        // per floor unit: d' / K × kg(floorUnit) = d' / kg(priceUnit)
        expect(r.dutyPerUnit).toBe(decimalJsFixed(d.div(kP), 4, q.rounding));
        // the quantity as given (trailing zeros aside), and in the floor's unit: quantity ×
        // kg(quantityUnit) / kg(floorUnit), as it is within 10 places, else rounded once to 10
        // (below 1e-10, to the places that keep 10 significant digits: decimal.js's exponent e
        // puts the first significant digit at place −e)
        expect(r.quantityGiven.unit).toBe(q.quantityUnit);
        expect(new Wide(r.quantityGiven.value).eq(q.quantity)).toBe(true);
        expect(r.quantity.unit).toBe(q.floorUnit);
        const inFloorUnit = new Wide(q.quantity).times(kQ).div(kF);
        const places = inFloorUnit.isZero() ? 10 : Math.max(10, 9 - inFloorUnit.e);
        const written =
          inFloorUnit.decimalPlaces() <= places
            ? inFloorUnit
            : new Wide(decimalJsFixed(inFloorUnit, places, q.rounding));
        expect(new Wide(r.quantity.value).eq(written)).toBe(true);
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});
