import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WTO_TRANCHE_BANDS } from '../../../src/domain/floor-gap';
import {
  assessDuties,
  clampedFee,
  costsOnTop,
  customsValue,
  type DutyCharge,
  entryFeeShares,
  type FeeCharge,
  INCOTERMS,
  type Incoterm,
  landedCostTotals,
  reportedLandedCost,
  type Shipment,
} from '../../../src/domain/landed-cost';
import {
  abs,
  add,
  compare,
  type Decimal,
  divide,
  equal,
  halfEven,
  halfUp,
  isNegative,
  isZero,
  lessThanOrEqual,
  multiply,
  round,
  subtract,
  sum,
  toPlain,
  ZERO,
} from '../../../src/numeric';
import { d } from '../numbers';

/** Decimal text without trailing zeros: 651.50 → "651.5". */
const plain = (x: Decimal) => toPlain(x);
const MPF: FeeCharge = { id: 'mpf', rate: d('0.003464'), min: d('33.58'), max: d('651.50') };

describe('customs value by valuation basis and Incoterm', () => {
  const shipment = (incoterm: Incoterm, valuationBasis: 'FOB' | 'CIF'): Shipment => ({
    goods: d('750000'),
    freight: d('4000'),
    insurance: d('500'),
    incoterm,
    valuationBasis,
    quantity: d('10000'),
    unit: 'kg',
  });
  it('FOB price: the US values 750,000, the EU 754,500 (freight and insurance added)', () => {
    expect(plain(customsValue(shipment('FOB', 'FOB')))).toBe('750000');
    expect(plain(customsValue(shipment('FOB', 'CIF')))).toBe('754500');
  });
  it('CFR price holds freight: the US deducts it (746,000), the EU adds only insurance (750,500)', () => {
    expect(plain(customsValue(shipment('CFR', 'FOB')))).toBe('746000');
    expect(plain(customsValue(shipment('CFR', 'CIF')))).toBe('750500');
  });
  it('CIF price holds both: the US deducts 4,500, the EU takes the price as it is', () => {
    expect(plain(customsValue(shipment('CIF', 'FOB')))).toBe('745500');
    expect(plain(customsValue(shipment('CIF', 'CIF')))).toBe('750000');
    expect(costsOnTop(shipment('CIF', 'FOB'))).toEqual({ freight: d('0'), insurance: d('0') });
  });
});

describe('entry fees (19 CFR 24.23: MPF min and max per entry)', () => {
  it('clamps: 17.32 → 33.58; 2,598.00 → 651.50; 173.20 stays', () => {
    expect(plain(clampedFee(MPF, d('5000')))).toBe('33.58');
    expect(plain(clampedFee(MPF, d('750000')))).toBe('651.5');
    expect(plain(clampedFee(MPF, d('50000')))).toBe('173.2');
  });
  it('an entry of 5,000 + 3,000 shares the minimum 33.58 as 20.9875 / 12.5925 → 20.99 + 12.59 cents', () => {
    // 3,358 cents × 5/8 = 2,098.75 → 2,098 rem 6; × 3/8 = 1,259.25 → 1,259 rem 2; 1 cent left → line 1.
    expect(entryFeeShares(MPF, [d('5000'), d('3000')], 2, 'half-up').map(plain)).toEqual([
      '20.99',
      '12.59',
    ]);
  });
  it('thirds of the minimum add up to it: 33.58 → 11.20 + 11.19 + 11.19 (the tie goes to the first)', () => {
    expect(entryFeeShares(MPF, [d('1000'), d('1000'), d('1000')], 2, 'half-up').map(plain)).toEqual(
      ['11.2', '11.19', '11.19'],
    );
  });
  it('the minimum over three zero-value lines is shared equally; unclamped shares are rate × value', () => {
    expect(entryFeeShares(MPF, [d('0'), d('0'), d('0')], 2, 'half-up').map(plain)).toEqual([
      '11.2',
      '11.19',
      '11.19',
    ]);
    // 0.3464% × 1,000 = 3.464 and × 2,000 = 6.928: under no bound, kept exact.
    const noMin: FeeCharge = { ...MPF, min: null };
    expect(entryFeeShares(noMin, [d('1000'), d('2000')], 2, 'half-up').map(plain)).toEqual([
      '3.464',
      '6.928',
    ]);
  });
});

describe('laws (fast-check, seed 42)', () => {
  const money = fc
    .integer({ min: 0, max: 100_000_000 })
    .map((n) => multiply(d(String(n)), d('0.01')));
  const positive = fc.integer({ min: 1, max: 100_000 }).map((n) => d(String(n)));
  const rate = fc.integer({ min: 0, max: 500 }).map((n) => multiply(d(String(n)), d('0.001')));
  const incoterm = fc.constantFrom(...INCOTERMS);
  const basis = fc.constantFrom<'FOB' | 'CIF'>('FOB', 'CIF');
  const charge = fc.oneof(
    rate.map<DutyCharge>((r) => ({ kind: 'ad-valorem', id: 'av', rate: r })),
    money.map<DutyCharge>((a) => ({
      kind: 'specific',
      id: 'sp',
      amountPerUnit: multiply(a, d('0.001')),
      unit: 'kg',
    })),
    money.map<DutyCharge>((f) => ({
      kind: 'floor-gap',
      id: 'fg',
      floor: f,
      unit: 't',
      basis: 'duty-paid',
      method: { type: 'full-gap' },
    })),
    money.map<DutyCharge>((f) => ({
      kind: 'floor-gap',
      id: 'tr',
      floor: f,
      unit: 'kg',
      basis: 'customs-value',
      method: { type: 'tranche', bands: WTO_TRANCHE_BANDS },
    })),
  );
  const ordered = (charges: DutyCharge[]) => {
    const order = { 'ad-valorem': 0, specific: 1, 'floor-gap': 2 };
    return [...charges].sort((a, b) => order[a.kind] - order[b.kind]);
  };
  const shipment = fc.record({
    price: money,
    quantity: positive,
    freight: money,
    insurance: money,
    incoterm,
    valuationBasis: basis,
  });
  const toShipment = (
    s: {
      price: Decimal;
      quantity: Decimal;
      freight: Decimal;
      insurance: Decimal;
      incoterm: Incoterm;
      valuationBasis: 'FOB' | 'CIF';
    },
    quantity = s.quantity,
  ): Shipment => ({
    goods: multiply(s.price, quantity),
    freight: s.freight,
    insurance: s.insurance,
    incoterm: s.incoterm,
    valuationBasis: s.valuationBasis,
    quantity,
    unit: 'kg',
  });
  const options = { seed: 42, numRuns: 200 };

  function total(s: Shipment, charges: DutyCharge[]) {
    const value = customsValue(s);
    const lines = assessDuties(ordered(charges), value, s.quantity, s.unit);
    return landedCostTotals(
      s,
      lines.map((l) => l.amount),
      [clampedFee(MPF, value)],
    );
  }

  it('landed cost equals goods + freight + insurance (each once) + every duty line + every fee', () => {
    fc.assert(
      fc.property(shipment, fc.array(charge, { maxLength: 5 }), (raw, charges) => {
        const s = toShipment(raw);
        const value = customsValue(s);
        const lines = assessDuties(ordered(charges), value, s.quantity, s.unit);
        const fee = clampedFee(MPF, value);
        const t = landedCostTotals(
          s,
          lines.map((l) => l.amount),
          [fee],
        );
        const onTop = costsOnTop(s);
        return (
          compare(t.duties, sum(lines.map((l) => l.amount))) === 0 &&
          compare(
            t.landedCost,
            add(add(add(add(s.goods, onTop.freight), onTop.insurance), t.duties), fee),
          ) === 0
        );
      }),
      options,
    );
  });

  it('reported parts add up: each part rounded once, each total the sum of the reported parts, within half a cent per part of the exact total', () => {
    const round2 = (x: Decimal) => round(x, 2, halfUp);
    fc.assert(
      fc.property(shipment, fc.array(charge, { maxLength: 5 }), (raw, charges) => {
        const s = toShipment(raw);
        const value = customsValue(s);
        const amounts = assessDuties(ordered(charges), value, s.quantity, s.unit).map(
          (l) => l.amount,
        );
        const fees = [clampedFee(MPF, value)];
        const r = reportedLandedCost(s, value, amounts, fees, round2);
        const exact = landedCostTotals(s, amounts, fees);
        const onTop = costsOnTop(s);
        const parts = 3 + amounts.length + fees.length;
        const off = abs(subtract(r.landedCost, exact.landedCost));
        return (
          equal(r.duties, sum(r.dutyLines)) &&
          equal(r.fees, sum(r.feeLines)) &&
          equal(r.landedCost, sum([r.goods, r.freight, r.insurance, r.duties, r.fees])) &&
          r.dutyLines.every((x, i) => equal(x, round2(amounts[i] ?? ZERO))) &&
          equal(r.freight, round2(onTop.freight)) &&
          equal(r.customsValue, round2(value)) &&
          [r.duties, r.fees, r.landedCost].every((x) => x.scale === 2) &&
          lessThanOrEqual(off, multiply(d('0.005'), d(String(parts))))
        );
      }),
      options,
    );
  });

  it('entry fee shares add up to the entry’s fee, are never negative, and each is within a cent of its exact share', () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 12 }), (values) => {
        const total = sum(values);
        const fee = clampedFee(MPF, total);
        const shares = entryFeeShares(MPF, values, 2, 'half-up');
        const clamped = compare(fee, multiply(MPF.rate, total)) !== 0;
        const expected = clamped ? round(fee, 2, halfUp) : fee;
        const cent = d('0.01');
        return (
          compare(sum(shares), expected) === 0 &&
          shares.every((s) => !isNegative(s)) &&
          shares.every((s, i) => {
            if (!clamped || isZero(total)) return true;
            const exact = divide(multiply(expected, values[i] ?? ZERO), total, 40, halfEven);
            const off = subtract(s, exact);
            return compare(off, cent) < 0 && compare(off, subtract(ZERO, cent)) > 0;
          })
        );
      }),
      options,
    );
  });

  it('adding a measure never lowers the landed cost (a floor-gap only tops up to the floor)', () => {
    fc.assert(
      fc.property(shipment, fc.array(charge, { maxLength: 4 }), charge, (raw, charges, extra) => {
        const s = toShipment(raw);
        return compare(total(s, [...charges, extra]).landedCost, total(s, charges).landedCost) >= 0;
      }),
      options,
    );
  });

  it('splitting a line into two lines of one entry leaves the entry’s landed cost unchanged', () => {
    fc.assert(
      fc.property(shipment, fc.array(charge, { maxLength: 4 }), positive, (raw, charges, extra) => {
        const whole = toShipment(raw, add(raw.quantity, extra));
        const parts = [toShipment(raw, raw.quantity), toShipment(raw, extra)].map((p) => ({
          ...p,
          // freight and insurance split in proportion to quantity
          freight: divide(multiply(raw.freight, p.quantity), whole.quantity, 40, halfEven),
          insurance: divide(multiply(raw.insurance, p.quantity), whole.quantity, 40, halfEven),
        }));
        const values = parts.map(customsValue);
        const fees = entryFeeShares(MPF, values, 2, 'half-up');
        const split = sum(
          parts.map((p, i) => {
            const lines = assessDuties(ordered(charges), values[i] ?? ZERO, p.quantity, p.unit);
            return landedCostTotals(
              p,
              lines.map((l) => l.amount),
              [fees[i] ?? ZERO],
            ).landedCost;
          }),
        );
        // Equal to 30 places: quotients (shares, freight split, floor prices) carry 40.
        return isZero(round(subtract(split, total(whole, charges).landedCost), 30, halfEven));
      }),
      options,
    );
  });
});
