import { describe, expect, it } from 'vitest';
import type { BreakEven } from '../../src/domain/break-even';
import type { FloorBasis } from '../../src/domain/floor-gap';
import { type SweepInput, sweepBreakEven, sweepCells } from '../../src/domain/floor-sweep';
import { formatRatioFixed } from '../../src/domain/rounding';
import { parseDecimal, toPlain } from '../../src/numeric';

const d = (v: string) => parseDecimal(v);
const at4 = (b: BreakEven) => (b.value === null ? null : formatRatioFixed(b.value, 4, 'half-up'));
const noteOf = (b: BreakEven) => (b.value === null ? undefined : b.note);
const reasonOf = (b: BreakEven) => (b.value === null ? b.reason : undefined);

/** An all-or-nothing sweep against blue at 15 with penalty 0.6, unless told otherwise. */
function grid(
  redPrices: string[],
  floors: string[],
  { r = '0', basis = 'duty-paid' as FloorBasis, blue = '15', penalty = '0.6' } = {},
): SweepInput {
  return {
    redPrices: redPrices.map(d),
    floors: floors.map(d),
    bluePrice: d(blue),
    otherDutyRate: d(r),
    basis,
    method: { type: 'all-or-nothing', penaltyRate: d(penalty) },
  };
}
const wins = (input: SweepInput) =>
  sweepCells(input).map((c) => [toPlain(c.redPrice), toPlain(c.floor), c.blueWins]);

describe('all-or-nothing minFloorForBlue over a grid of red prices', () => {
  it('red 10 and 14, blue 15, penalty 0.6: any floor above 14, not above 10', () => {
    // red 10: R = 10 < 15, penalty 0.6 × 10 = 6 ≥ 15 − 10 = 5 → blue wins under any floor above 10.
    // red 14: R = 14 < 15, penalty 0.6 × 14 = 8.4 ≥ 15 − 14 = 1 → blue wins under any floor above
    // 14; under a floor of 14 or less R ≥ F, no penalty, red lands at 14 < 15.
    // Both: any floor above max(10, 14) = 14.
    const be = sweepBreakEven(grid(['10', '14'], ['12'])).minFloorForBlue;
    expect(at4(be)).toBe('14.0000');
    expect(noteOf(be)).toBe(
      'any floor above this value, the reference price at red 14 (the highest red price of the grid whose reference is below blue’s price): the penalty applies only when the reference price is below the floor',
    );
  });

  it('the cells flip there: floor 12 and 14 leave red 14 winning, 14.0001 does not', () => {
    // red 10: floor 12, 14, 14.0001 are all above R = 10 → 10 + 6 = 16 ≥ 15, blue.
    // red 14: floor 12 and 14 are not above R = 14 → lands 14 < 15, red; floor 14.0001 > 14 →
    // 14 + 8.4 = 22.4 ≥ 15, blue.
    expect(wins(grid(['10', '14'], ['12', '14', '14.0001']))).toEqual([
      ['10', '12', true],
      ['10', '14', true],
      ['10', '14.0001', true],
      ['14', '12', false],
      ['14', '14', false],
      ['14', '14.0001', true],
    ]);
  });

  it('the listing order of the red prices does not matter', () => {
    // The same two red prices as above, highest first: still above 14.
    expect(at4(sweepBreakEven(grid(['14', '10'], ['12'])).minFloorForBlue)).toBe('14.0000');
  });

  it('a red price whose reference reaches blue’s price needs no floor and does not set it', () => {
    // red 20: R = 20 ≥ 15, blue wins at any floor; red 14 sets it: above 14 (as above).
    expect(at4(sweepBreakEven(grid(['10', '14', '20'], ['12'])).minFloorForBlue)).toBe('14.0000');
  });

  it('duty-paid with other duties 0.1: above the reference 1.1 × 13 = 14.3; on the customs value, above 13', () => {
    // k = 1 + 0.1 = 1.1. red 10: R = 11, 11 + 0.6 × 10 = 17 ≥ 15; red 12: R = 13.2; red 13: R = 14.3,
    // the highest reference below 15 → any floor above 14.3.
    expect(
      at4(sweepBreakEven(grid(['10', '12', '13'], ['12'], { r: '0.1' })).minFloorForBlue),
    ).toBe('14.3000');
    // customs-value: R = P; red 13: R = 13 < 15, 13 + 7.8 = 20.8 ≥ 15 → any floor above 13.
    expect(
      at4(
        sweepBreakEven(grid(['10', '12', '13'], ['12'], { r: '0.1', basis: 'customs-value' }))
          .minFloorForBlue,
      ),
    ).toBe('13.0000');
  });

  it('no floor works when the penalty is too small at the lowest red price, whatever the others', () => {
    // red 9: 0.6 × 9 = 5.4 < 15 − 9 = 6: red lands at 14.4 at most.
    const be = sweepBreakEven(grid(['9', '14'], ['12'])).minFloorForBlue;
    expect(be.value).toBeNull();
    expect(reasonOf(be)).toBe(
      'no floor works: the penalty penaltyRate × P = 5.4 is less than the 6 red needs to reach blue’s price',
    );
  });

  it('every reference at or above blue’s price: blue competes without a floor', () => {
    // red 15 and 20: R = 15 and 20 ≥ 15.
    const be = sweepBreakEven(grid(['15', '20'], ['12'])).minFloorForBlue;
    expect(at4(be)).toBe('0.0000');
    expect(noteOf(be)).toBe('blue competes without a floor');
  });
});
