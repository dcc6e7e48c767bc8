import { describe, expect, it } from 'vitest';
import {
  customsEntries,
  type DutyCharge,
  type EntryLineInput,
  entryFees,
  type FeeCharge,
  landedCostOfEntries,
  type Shipment,
  sameFee,
} from '../../../src/domain/landed-cost';
import { type Decimal, toText } from '../../../src/numeric';
import { d } from '../numbers';

// 19 CFR 24.23: MPF 0.3464% of the customs value, at least 33.58 and at most 651.50 per entry.
const MPF: FeeCharge = { id: 'mpf', rate: d('0.003464'), min: d('33.58'), max: d('651.50') };
// 19 CFR 24.24: HMF 0.125% of the customs value, ocean only, no bounds.
const HMF: FeeCharge = { id: 'hmf', rate: d('0.00125'), min: null, max: null };
const DUTY: DutyCharge = { kind: 'ad-valorem', id: 'mfn', rate: d('0.035') };

const texts = (amounts: readonly Decimal[][]) => amounts.map((line) => line.map(toText));

/** A FOB shipment into a FOB-basis destination: its customs value is its goods. */
function shipment(goods: string): Shipment {
  return {
    goods: d(goods),
    freight: d('0'),
    insurance: d('0'),
    incoterm: 'FOB',
    valuationBasis: 'FOB',
    quantity: d('1000'),
    unit: 'kg',
  };
}

function line(goods: string, fees: FeeCharge[], entryId?: string): EntryLineInput {
  return {
    shipment: shipment(goods),
    duties: [DUTY],
    fees,
    currency: 'USD',
    rounding: 'half-up',
    ...(entryId === undefined ? {} : { entryId }),
  };
}

describe('customs entries: lines sharing an entryId and a reporting currency', () => {
  it('groups lines by entryId and currency, and lists no entry of one line', () => {
    const lines = [
      { entryId: 'E1', currency: 'USD' },
      { entryId: 'E1', currency: 'EUR' },
      { currency: 'USD' },
      { entryId: 'E1', currency: 'USD' },
      { entryId: 'E2', currency: 'USD' },
    ];
    // E1 in USD: lines 0 and 3; E1 in EUR and E2 have one line each: entries of their own.
    expect(customsEntries(lines)).toEqual([[0, 3]]);
  });
});

describe('entry fees: the MPF maximum applies once per entry, shared pro rata', () => {
  it('two lines of 150,000 and 60,000 share the 651.50 maximum as 465.36 + 186.14', () => {
    // Alone: 150,000 × 0.3464% = 519.60 and 60,000 × 0.3464% = 207.84, both inside the bounds.
    // One entry: 210,000 × 0.3464% = 727.44 > 651.50, so the entry owes 651.50 = 65,150 cents.
    // 65,150 × 150,000 / 210,000 = 65,150 × 5/7 = 46,535 5/7 → 46,535 cents, remainder 5/7
    // 65,150 ×  60,000 / 210,000 = 65,150 × 2/7 = 18,614 2/7 → 18,614 cents, remainder 2/7
    // 46,535 + 18,614 = 65,149: the cent left goes to the larger remainder (line 1):
    // 465.36 + 186.14 = 651.50.
    const shares = entryFees(
      [
        { customsValue: d('150000'), fees: [MPF] },
        { customsValue: d('60000'), fees: [MPF] },
      ],
      2,
      'half-up',
    );
    expect(texts(shares)).toEqual([['465.36'], ['186.14']]);
  });

  it('a fee only some lines owe (HMF, ocean only) is theirs alone; the MPF is still shared by all', () => {
    // Line 1 (ocean) owes MPF and HMF, line 2 (air) MPF only. MPF as above: 465.36 + 186.14.
    // HMF over line 1 alone: 150,000 × 0.125% = 187.50000 (exact: no bound, so no share).
    const shares = entryFees(
      [
        { customsValue: d('150000'), fees: [MPF, HMF] },
        { customsValue: d('60000'), fees: [MPF] },
      ],
      2,
      'half-up',
    );
    expect(texts(shares)).toEqual([['465.36', '187.50000'], ['186.14']]);
  });

  it('a fee on other terms (a what-if maximum) is another fee, clamped on its own lines', () => {
    // Line 1: 200,000 × 0.3464% = 692.80 > 651.50 → 651.50 (its own MPF).
    // Line 2, under a what-if max of 700: 100,000 × 0.3464% = 346.40 → 346.400000 unclamped.
    // (Shared as one fee they would split 300,000 × 0.3464% = 1,039.20 → 651.50 two to one.)
    const whatIf: FeeCharge = { ...MPF, max: d('700') };
    expect(sameFee(MPF, whatIf)).toBe(false);
    // The same terms written with other digits are the same fee: 33.580 = 33.58.
    expect(sameFee(MPF, { ...MPF, min: d('33.580') })).toBe(true);
    const shares = entryFees(
      [
        { customsValue: d('200000'), fees: [MPF] },
        { customsValue: d('100000'), fees: [whatIf] },
      ],
      2,
      'half-up',
    );
    expect(texts(shares)).toEqual([['651.50'], ['346.400000']]);
  });
});

describe('landed cost of a batch: each line alone, then its customs entry', () => {
  it('reports each line with its entry share, and the reported parts add up', () => {
    const [ocean, air, alone] = landedCostOfEntries([
      line('150000', [MPF, HMF], 'E1'),
      line('60000', [MPF], 'E1'),
      line('5000', [MPF]),
    ]);
    // Ocean line: duty 150,000 × 3.5% = 5,250.00; MPF share 465.36; HMF 187.50.
    // fees = 465.36 + 187.50 = 652.86; landed = 150,000 + 5,250.00 + 652.86 = 155,902.86.
    expect(ocean?.reported.feeLines.map(toText)).toEqual(['465.36', '187.50']);
    expect(toText(ocean?.reported.fees as Decimal)).toBe('652.86');
    expect(toText(ocean?.reported.landedCost as Decimal)).toBe('155902.86');
    // Air line: duty 60,000 × 3.5% = 2,100.00; MPF share 186.14;
    // landed = 60,000 + 2,100.00 + 186.14 = 62,286.14.
    expect(air?.reported.feeLines.map(toText)).toEqual(['186.14']);
    expect(toText(air?.reported.landedCost as Decimal)).toBe('62286.14');
    // The entry's MPF: 465.36 + 186.14 = 651.50, its maximum, once.
    // A line without an entryId is an entry of its own: 5,000 × 0.3464% = 17.32 < 33.58 → 33.58;
    // duty 5,000 × 3.5% = 175.00; landed = 5,000 + 175.00 + 33.58 = 5,208.58.
    expect(alone?.reported.feeLines.map(toText)).toEqual(['33.58']);
    expect(toText(alone?.reported.landedCost as Decimal)).toBe('5208.58');
    // The fee line says what the clamp changed: the ocean line's MPF before it, 519.60.
    expect(toText(ocean?.feeLines[0]?.unclamped as Decimal)).toBe('519.600000');
  });
});
