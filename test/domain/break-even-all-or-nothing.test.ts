import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BreakEven } from '../../src/domain/break-even';
import type { FloorBasis } from '../../src/domain/floor-gap';
import { type SweepInput, sweepBreakEven, sweepCells } from '../../src/domain/floor-sweep';
import { formatRatioFixed, type Ratio } from '../../src/domain/rounding';
import {
  add,
  compare,
  type Decimal,
  decimal,
  divide,
  halfEven,
  multiply,
  parseDecimal,
  toPlain,
} from '../../src/numeric';

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

describe('all-or-nothing maxRedPriceForRed: red wins at every red price below it', () => {
  it('floor 12, blue 15, penalty 0.6: below 15 / 1.6 = 9.375, not below 15; red wins again on [12, 15)', () => {
    // k = 1. Below P = 12 (R < F) red lands at 1.6P: under 15 only while P < 15 / 1.6 = 9.375.
    // From P = 12 (R ≥ F, no penalty) it lands at P: under 15 while P < 15.
    // So red wins on [0, 9.375) ∪ [12, 15): at every price below 9.375.
    const be = sweepBreakEven(grid(['10', '14'], ['12'])).maxRedPriceForRed;
    expect(at4(be)).toBe('9.3750');
    expect(noteOf(be)).toBe(
      'red wins below this value and again from 12.0000, where its reference price reaches the floor and the penalty stops, up to 15.0000; in between the penalty lifts it to blue’s price or above',
    );
  });

  it('the cells read so: red below 9.375 and on [12, 15), blue on [9.375, 12) and from 15', () => {
    // 9 × 1.6 = 14.4 < 15 red; 9.375 × 1.6 = 15 ≥ 15 blue (tie); 10 × 1.6 = 16 blue;
    // 11.99 × 1.6 = 19.184 blue; 12 ≥ F: lands 12 < 15 red; 14.99 red; 15 ≥ 15 blue.
    expect(wins(grid(['9', '9.375', '10', '11.99', '12', '14.99', '15'], ['12']))).toEqual([
      ['9', '12', false],
      ['9.375', '12', true],
      ['10', '12', true],
      ['11.99', '12', true],
      ['12', '12', false],
      ['14.99', '12', false],
      ['15', '12', true],
    ]);
  });

  it('duty-paid with other duties 0.25: below 15 / 1.85 = 8.1081, again on [12 / 1.25, 15 / 1.25) = [9.6, 12)', () => {
    // k = 1.25, k + p = 1.85: 15 / 1.85 = 8.108108… < 12 / 1.25 = 9.6.
    const be = sweepBreakEven(grid(['10'], ['12'], { r: '0.25' })).maxRedPriceForRed;
    expect(at4(be)).toBe('8.1081');
    expect(noteOf(be)).toMatch(
      /^red wins below this value and again from 9\.6000, .* up to 12\.0000;/,
    );
    // customs-value: k = 1 whatever the other duties: 15 / 1.6 = 9.375, again on [12, 15).
    const cv = sweepBreakEven(grid(['10'], ['12'], { r: '0.25', basis: 'customs-value' }));
    expect(at4(cv.maxRedPriceForRed)).toBe('9.3750');
    expect(noteOf(cv.maxRedPriceForRed)).toMatch(/again from 12\.0000, .* up to 15\.0000;/);
  });

  it('solved at the highest floor of the grid: floors 8 and 12 answer as floor 12 alone', () => {
    // Under floor 8 red wins below 15 (8 × 1.6 = 12.8: B / 1.6 = 9.375 ≥ 8), under 12 only below
    // 9.375: at every floor, below 9.375.
    expect(at4(sweepBreakEven(grid(['10'], ['8', '12'])).maxRedPriceForRed)).toBe('9.3750');
  });

  it('unchanged where red wins on one interval: floor 9 → below 15; floor 16 ≥ blue → below 9.375', () => {
    // Floor 9: 15 / 1.6 = 9.375 ≥ 9, so below 9 red lands at 1.6P < 14.4 < 15 and from 9 at P:
    // red wins on [0, 15).
    const at9 = sweepBreakEven(grid(['10'], ['9'])).maxRedPriceForRed;
    expect(at4(at9)).toBe('15.0000');
    expect(noteOf(at9)).toBeUndefined();
    // Floor 16 ≥ 15: red wins below min(16, 9.375) = 9.375 and never from 16 (lands at P ≥ 16).
    const at16 = sweepBreakEven(grid(['10'], ['16'])).maxRedPriceForRed;
    expect(at4(at16)).toBe('9.3750');
    expect(noteOf(at16)).toBeUndefined();
  });
});

/** x < of / to, exactly (to > 0). */
const below = (x: Decimal, q: Ratio) => compare(multiply(x, q.to), q.of) < 0;
/** x > of / to, exactly (to > 0). */
const above = (x: Decimal, q: Ratio) => compare(multiply(x, q.to), q.of) > 0;
const cent = (max: number) => fc.integer({ min: 0, max }).map((n) => (n / 100).toFixed(2));
/** Far below any reported digit. */
const EPSILON = decimal(1n, 20);

describe('all-or-nothing: the break-even prices never contradict the cells', () => {
  it('over random grids, duties, bases and penalties', () => {
    fc.assert(
      fc.property(
        fc.array(cent(3000), { minLength: 1, maxLength: 6 }),
        fc.array(cent(3000), { minLength: 1, maxLength: 6 }),
        cent(3000),
        cent(50),
        fc.constantFrom('duty-paid' as const, 'customs-value' as const),
        cent(150),
        (redPrices, floors, blue, r, basis, penalty) => {
          const input = grid(redPrices, floors, { r, basis, blue, penalty });
          const cells = sweepCells(input);
          const be = sweepBreakEven(input);
          const under = (floor: Decimal) => sweepCells({ ...input, floors: [floor] });

          const f = be.minFloorForBlue;
          if (f.value === null) {
            // No floor works: even far above every price, red wins at some red price.
            expect(under(d('1000000')).some((c) => !c.blueWins)).toBe(true);
          } else {
            // "any floor above this value" (open) or, with no floor needed, every floor from 0.
            const open = f.note?.startsWith('any floor above') === true;
            expect(open || f.note === 'blue competes without a floor').toBe(true);
            const solvedAt = divide(f.value.of, f.value.to, 60, halfEven);
            for (const c of cells) {
              if (open ? above(c.floor, f.value) : !below(c.floor, f.value))
                expect(c.blueWins).toBe(true);
            }
            // Just above it blue wins at every red price; at it (open) red still wins at one.
            expect(under(add(solvedAt, EPSILON)).every((c) => c.blueWins)).toBe(true);
            if (open) expect(under(solvedAt).some((c) => !c.blueWins)).toBe(true);
          }

          const p = be.maxRedPriceForRed;
          if (p.value === null) {
            // Red never wins (blue at 0).
            expect(cells.every((c) => c.blueWins)).toBe(true);
          } else {
            for (const c of cells) if (below(c.redPrice, p.value)) expect(c.blueWins).toBe(false);
            // The highest such price: just above it blue wins at the grid's highest floor.
            const top = floors.map(d).reduce((a, b) => (compare(b, a) > 0 ? b : a));
            const just = add(divide(p.value.of, p.value.to, 60, halfEven), EPSILON);
            const cell = sweepCells({ ...input, redPrices: [just], floors: [top] })[0];
            expect(cell?.blueWins).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
