import { describe, expect, it } from 'vitest';
import {
  formatRatioFixed,
  formatReportedPerUnit,
  PER_UNIT_PLACES,
  placesInOrder,
  type Ratio,
  type RoundingMode,
  ratioValue,
  roundPairInOrder,
  roundPerUnit,
  roundPerUnitAgainst,
  roundRationalMoney,
  roundThresholdAbove,
} from '../../src/domain/rounding';
import { greaterThanOrEqual, toText } from '../../src/numeric';
import { type Rational, rational } from '../../src/numeric/rational';
import { d } from './numbers';

/** n / m as an exact rational. */
const q = (n: number, m: number): Rational => rational.div(rational.int(n), rational.int(m));
const both = (f: (mode: RoundingMode) => string) => [f('half-up'), f('half-even')];

describe('roundPerUnit: a per-unit figure rounded once to 4 places', () => {
  it('below the half: 12.352941 → 12.3529 in both modes (the 5th place, 4, rounds down)', () => {
    expect(both((m) => toText(roundPerUnit(d('12.352941'), m)))).toEqual(['12.3529', '12.3529']);
  });

  it('above the half: 9.89786 → 9.8979 in both modes (the 5th place, 6, rounds up)', () => {
    expect(both((m) => toText(roundPerUnit(d('9.89786'), m)))).toEqual(['9.8979', '9.8979']);
  });

  it('a tie after an even digit: 2.46725 → 2.4673 half-up (away from zero), 2.4672 half-even (2 is even)', () => {
    expect(both((m) => toText(roundPerUnit(d('2.46725'), m)))).toEqual(['2.4673', '2.4672']);
  });

  it('a tie after an odd digit: 2.46735 → 2.4674 in both modes (3 is odd: half-even rounds up to 4)', () => {
    expect(both((m) => toText(roundPerUnit(d('2.46735'), m)))).toEqual(['2.4674', '2.4674']);
  });

  it('a negative tie: −3.64385 → −3.6439 half-up (away from zero), −3.6438 half-even (8 is even)', () => {
    expect(both((m) => toText(roundPerUnit(d('-3.64385'), m)))).toEqual(['-3.6439', '-3.6438']);
  });

  it('a figure with fewer places is padded: 6 → 6.0000', () => {
    expect(both((m) => toText(roundPerUnit(d('6'), m)))).toEqual(['6.0000', '6.0000']);
  });
});

describe('roundRationalMoney: an exact rational rounded once to the currency’s minor unit', () => {
  it('1/3 USD = 0.333… → 0.33 and 2/3 USD = 0.666… → 0.67 in both modes', () => {
    expect(both((m) => toText(roundRationalMoney(q(1, 3), 'USD', m)))).toEqual(['0.33', '0.33']);
    expect(both((m) => toText(roundRationalMoney(q(2, 3), 'USD', m)))).toEqual(['0.67', '0.67']);
  });

  it('a tie: 1/8 USD = 0.125 → 0.13 half-up, 0.12 half-even (2 is even); 3/8 = 0.375 → 0.38 in both (7 is odd)', () => {
    expect(both((m) => toText(roundRationalMoney(q(1, 8), 'USD', m)))).toEqual(['0.13', '0.12']);
    expect(both((m) => toText(roundRationalMoney(q(3, 8), 'USD', m)))).toEqual(['0.38', '0.38']);
  });

  it('a negative tie: −1/8 USD = −0.125 → −0.13 half-up (away from zero), −0.12 half-even', () => {
    expect(both((m) => toText(roundRationalMoney(q(-1, 8), 'USD', m)))).toEqual(['-0.13', '-0.12']);
  });

  it('at the currency’s minor unit: 5/2 JPY = 2.5 → 3 half-up, 2 half-even (no decimals); 1/16 KWD = 0.0625 → 0.063 half-up, 0.062 half-even (3 decimals)', () => {
    expect(both((m) => toText(roundRationalMoney(q(5, 2), 'JPY', m)))).toEqual(['3', '2']);
    expect(both((m) => toText(roundRationalMoney(q(1, 16), 'KWD', m)))).toEqual(['0.063', '0.062']);
  });

  it('a whole number keeps its minor unit: 12/4 USD = 3 → 3.00', () => {
    expect(both((m) => toText(roundRationalMoney(q(12, 4), 'USD', m)))).toEqual(['3.00', '3.00']);
  });
});

describe('ratioValue: a quotient with a denominator of 0 has no value', () => {
  const perUnit = (r: Ratio) => formatRatioFixed(r, PER_UNIT_PLACES, 'half-up');
  it('33.58 / 0 is null (a landed cost of nothing shipped), not 0.0000', () => {
    expect(ratioValue({ of: d('33.58'), to: d('0') }, perUnit)).toBeNull();
  });

  it('0 / 0 is null too (duties of 0 on a customs value of 0)', () => {
    expect(ratioValue({ of: d('0'), to: d('0') }, perUnit)).toBeNull();
  });

  it('any other denominator formats the quotient: 33.58 / 3 = 11.19333… → 11.1933; 0 / 5 = 0.0000', () => {
    expect(ratioValue({ of: d('33.58'), to: d('3') }, perUnit)).toBe('11.1933');
    expect(ratioValue({ of: d('0'), to: d('5') }, perUnit)).toBe('0.0000');
  });
});

describe('a landed price and its floor as reported: at 4 places unless that would put them across or onto each other', () => {
  /** floor rounded against the landed price (when below it), then the landed price against that. */
  const pair = (landed: string, floor: string, mode: RoundingMode) => {
    const L = d(landed);
    const F = d(floor);
    const met = greaterThanOrEqual(L, F);
    const f = roundThresholdAbove(F, met ? [] : [L], mode);
    return [formatReportedPerUnit(roundPerUnitAgainst(L, f, met, mode)), formatReportedPerUnit(f)];
  };

  it('ordinary figures keep 4 places: landed 11.32 under 16 → 11.3200 and 16.0000; landed 16 on 16 → 16.0000 and 16.0000', () => {
    expect(both((m) => pair('11.32', '16', m).join(' '))).toEqual([
      '11.3200 16.0000',
      '11.3200 16.0000',
    ]);
    expect(both((m) => pair('16', '16', m).join(' '))).toEqual([
      '16.0000 16.0000',
      '16.0000 16.0000',
    ]);
  });

  it('landed 15.99999 under 16: 4 places (16.0000) would sit on the floor, so 5: 15.99999; the floor stays 16.0000', () => {
    expect(both((m) => pair('15.99999', '16', m).join(' '))).toEqual([
      '15.99999 16.0000',
      '15.99999 16.0000',
    ]);
  });

  it('landed 16 under a floor of 16.00001: the floor at 4 places (16.0000) would not be above it, so 5: 16.00001', () => {
    expect(both((m) => pair('16', '16.00001', m).join(' '))).toEqual([
      '16.0000 16.00001',
      '16.0000 16.00001',
    ]);
  });

  it('landed 0.99996 under 1.00004: each alone stays on its side of the other at 4 places, but both print 1.0000; the landed price takes a 5th place', () => {
    // 1.0000 > 0.99996 keeps the floor above the landed price; the landed 1.0000 < 1.0000 fails
    expect(both((m) => pair('0.99996', '1.00004', m).join(' '))).toEqual([
      '0.99996 1.0000',
      '0.99996 1.0000',
    ]);
  });

  it('a tie at the 5th place: landed 15.999985 under 16 → 15.99999 half-up, 15.99998 half-even (8 is even), either below 16.0000', () => {
    expect(both((m) => pair('15.999985', '16', m)[0] ?? '')).toEqual(['15.99999', '15.99998']);
  });

  it('met figures are never extended: landed 16.00004 on a floor of 16.00004 → 16.0000 and 16.0000 (rounding keeps order)', () => {
    expect(both((m) => pair('16.00004', '16.00004', m).join(' '))).toEqual([
      '16.0000 16.0000',
      '16.0000 16.0000',
    ]);
  });

  it('past 10 places, cut toward its own side: landed 15.99999999999 (11 places) under 16 → 15.9999999999; floor 16.00000000001 above 16 → 16.0000000001', () => {
    expect(both((m) => pair('15.99999999999', '16', m).join(' '))).toEqual([
      '15.9999999999 16.0000',
      '15.9999999999 16.0000',
    ]);
    expect(both((m) => pair('16', '16.00000000001', m).join(' '))).toEqual([
      '16.0000 16.0000000001',
      '16.0000 16.0000000001',
    ]);
  });

  it('a floor kept above several landed prices (a sweep column): 16.00001 above 16 and 15.5 → 16.00001; above 15.5 alone → 16.0000', () => {
    expect(toText(roundThresholdAbove(d('16.00001'), [d('16'), d('15.5')], 'half-up'))).toBe(
      '16.00001',
    );
    expect(toText(roundThresholdAbove(d('16.00001'), [d('15.5')], 'half-up'))).toBe('16.0000');
  });
});

describe('two prices compared with each other: at 4 places unless that shows them equal although they differ', () => {
  const pair = (a: string, b: string, order: number, mode: RoundingMode) =>
    roundPairInOrder(d(a), d(b), order, mode)
      .map((x) => formatReportedPerUnit(x))
      .join(' ');

  it('apart at 4 places: 10 and 15 stay 10.0000 and 15.0000', () => {
    expect(both((m) => pair('10', '15', -1, m))).toEqual(['10.0000 15.0000', '10.0000 15.0000']);
  });

  it('16 beside 16.00001 (16.0000 twice at 4 places) is 16.0000 beside 16.00001, and the other way round', () => {
    expect(both((m) => pair('16', '16.00001', -1, m))).toEqual([
      '16.0000 16.00001',
      '16.0000 16.00001',
    ]);
    expect(both((m) => pair('16.00001', '16', 1, m))).toEqual([
      '16.00001 16.0000',
      '16.00001 16.0000',
    ]);
  });

  it('14.9999875 beside 15: 5 places show it, 14.99999 (the 6th and 7th places, 75, round up) < 15.00000', () => {
    expect(both((m) => pair('14.9999875', '15', -1, m))).toEqual([
      '14.99999 15.0000',
      '14.99999 15.0000',
    ]);
  });

  it('past 10 places each is cut toward its own side: 10 and 10.00000000001 print 10.0000 and 10.0000000001', () => {
    expect(both((m) => pair('10', '10.00000000001', -1, m))).toEqual([
      '10.0000 10.0000000001',
      '10.0000 10.0000000001',
    ]);
  });

  it('equal exactly: one figure at 4 places', () => {
    expect(both((m) => pair('16.00005', '16.00005', 0, m))).toEqual([
      '16.0001 16.0001',
      '16.0000 16.0000',
    ]);
  });

  it('one number of places for several pairs: the fewest that keep every pair apart (16 | 16.00001 needs 5, 10 | 10.000001 needs 6)', () => {
    const pairs = [
      [d('16'), d('16.00001'), -1],
      [d('10'), d('10.000001'), -1],
    ] as const;
    expect(both((m) => String(placesInOrder(pairs, m)))).toEqual(['6', '6']);
    expect(both((m) => String(placesInOrder([pairs[0]], m)))).toEqual(['5', '5']);
    expect(both((m) => String(placesInOrder([[d('10'), d('15'), -1]], m)))).toEqual(['4', '4']);
  });
});
