import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BreakEven,
  type Competition,
  maxRedPriceForRed,
  minFloorForBlue,
  minMaxRateForBlue,
} from '../../src/domain/break-even';
import { type FloorGapMethod, floorGapDuty, WTO_TRANCHE_BANDS } from '../../src/domain/floor-gap';
import { sweepBreakEven, sweepCells } from '../../src/domain/floor-sweep';
import { formatRatioFixed } from '../../src/domain/rounding';
import {
  add,
  type Decimal,
  decimal,
  divide,
  halfEven,
  isNegative,
  isZero,
  parseDecimal,
  subtract,
  toPlain,
} from '../../src/numeric';

const x = (v: string) => parseDecimal(v);
const d = (v: string | Decimal) => (typeof v === 'string' ? parseDecimal(v) : v);
const at4 = (b: BreakEven) => (b.value === null ? null : formatRatioFixed(b.value, 4, 'half-up'));
/** The solved value, carried to 60 places. */
const solved = (b: BreakEven & { value: object }) => divide(b.value.of, b.value.to, 60, halfEven);

const tranche = {
  type: 'tranche',
  bands: [
    { upTo: x('0.10'), share: x('0') },
    { upTo: x('0.40'), share: x('0.30') },
    { upTo: x('0.60'), share: x('0.50') },
    { upTo: x('0.75'), share: x('0.70') },
    { upTo: null, share: x('0.90') },
  ],
} as const;

function comp(
  blue: string,
  method: Competition['method'],
  r = '0',
  basis: Competition['basis'] = 'duty-paid',
): Competition {
  return { bluePrice: x(blue), otherDutyRate: x(r), basis, method };
}

describe('break-even worked cases', () => {
  it('tranche, red 10, blue 15: 0.47F − 7 = 5 → F = 12 / 0.47 = 25.5319', () => {
    // gap fraction 1 − 10/25.53 = 0.608 lies in (0.60, 0.75]: d = 0.70(F − 10 − 0.60F) + 0.19F = 0.47F − 7
    expect(at4(minFloorForBlue(x('10'), comp('15', tranche, '0', 'customs-value')))).toBe(
      '25.5319',
    );
    expect(at4(minFloorForBlue(x('10'), comp('15', tranche, '0', 'duty-paid')))).toBe('25.5319');
  });

  it('capped at 0.25, red 10, blue 15: red lands at most 12.50, so no floor works; maxRate 5 / 10 = 0.5', () => {
    const c = comp('15', { type: 'capped', maxRate: x('0.25') });
    const none = minFloorForBlue(x('10'), c);
    expect(none.value).toBeNull();
    expect(none.value === null && none.reason).toMatch(/no floor works/);
    expect(at4(minMaxRateForBlue(x('10'), x('20'), c))).toBe('0.5000');
  });

  it('full gap, floor 16, blue 17, other duty 0.271 duty-paid: red wins below 17 / 1.271 = 13.3753', () => {
    // 17 / 1.271 = 13.375295…
    expect(at4(maxRedPriceForRed(x('16'), comp('17', { type: 'full-gap' }, '0.271')))).toBe(
      '13.3753',
    );
  });

  it('full gap with a floor at or above blue: red never wins', () => {
    expect(maxRedPriceForRed(x('17'), comp('17', { type: 'full-gap' })).value).toBeNull();
  });
});

const methods: FloorGapMethod[] = [
  { type: 'full-gap' },
  { type: 'tranche', bands: WTO_TRANCHE_BANDS },
  { type: 'capped', maxRate: d('0.4') },
  { type: 'all-or-nothing', penaltyRate: d('0.6') },
];
const price = fc.integer({ min: 0, max: 4000 }).map((n) => (n / 100).toFixed(2));
const rate = fc.integer({ min: 0, max: 60 }).map((n) => (n / 100).toFixed(2));
/** Far below any reported digit, far above the 40-place quotient's error. */
const EPSILON = decimal(1n, 20);
const oneCell = (
  red: string | Decimal,
  floor: string | Decimal,
  blue: string,
  method: FloorGapMethod,
  r: string,
  basis: 'duty-paid' | 'customs-value',
) =>
  sweepCells({
    redPrices: [d(red)],
    floors: [d(floor)],
    bluePrice: d(blue),
    otherDutyRate: d(r),
    basis,
    method,
  })[0];

describe('break-even laws: the solved values are where the single calls flip', () => {
  it('a sweep cell is the single floor-gap call for its red price and floor', () => {
    const cells = sweepCells({
      redPrices: [d('10'), d('12')],
      floors: [d('16'), d('20')],
      bluePrice: d('15'),
      otherDutyRate: d('0.25'),
      basis: 'duty-paid',
      method: { type: 'full-gap' },
    });
    expect(cells.map((c) => [toPlain(c.redPrice), toPlain(c.floor)])).toEqual([
      ['10', '16'],
      ['10', '20'],
      ['12', '16'],
      ['12', '20'],
    ]);
    for (const c of cells) {
      const single = floorGapDuty({
        price: c.redPrice,
        floor: c.floor,
        basis: 'duty-paid',
        otherDutyRate: d('0.25'),
        method: { type: 'full-gap' },
      });
      expect(toPlain(c.result.dutyPerUnit)).toBe(toPlain(single.dutyPerUnit));
    }
    // red 10 × 1.25 = 12.5, floor 16 → landed 16 ≥ 15: blue wins; red 12 × 1.25 = 15 ≥ 15: tie → blue
    expect(cells.every((c) => c.blueWins)).toBe(true);
  });

  it('minFloorForBlue: blue wins just above the solved floor and loses just below it', () => {
    fc.assert(
      fc.property(
        price,
        price,
        rate,
        fc.constantFrom(...methods),
        fc.constantFrom('duty-paid' as const, 'customs-value' as const),
        (red, blue, r, method, basis) => {
          const be = sweepBreakEven({
            redPrices: [d(red)],
            floors: [d('1')],
            bluePrice: d(blue),
            otherDutyRate: d(r),
            basis,
            method,
          }).minFloorForBlue;
          if (be.value === null) {
            expect(oneCell(red, '1000000', blue, method, r, basis)?.blueWins).toBe(false);
            return;
          }
          const f = solved(be);
          if (isZero(f)) return;
          const up = add(f, EPSILON);
          expect(oneCell(red, up, blue, method, r, basis)?.blueWins).toBe(true);
          const down = subtract(f, EPSILON);
          if (!isNegative(down))
            expect(oneCell(red, down, blue, method, r, basis)?.blueWins).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('maxRedPriceForRed: red wins just below the solved price and loses just above it', () => {
    fc.assert(
      fc.property(
        price,
        price,
        rate,
        fc.constantFrom(...methods),
        fc.constantFrom('duty-paid' as const, 'customs-value' as const),
        (floor, blue, r, method, basis) => {
          const be = sweepBreakEven({
            redPrices: [d('1')],
            floors: [d(floor)],
            bluePrice: d(blue),
            otherDutyRate: d(r),
            basis,
            method,
          }).maxRedPriceForRed;
          if (be.value === null) {
            expect(oneCell('0', floor, blue, method, r, basis)?.blueWins).toBe(true);
            return;
          }
          const p = solved(be);
          expect(oneCell(add(p, EPSILON), floor, blue, method, r, basis)?.blueWins).toBe(true);
          const below = subtract(p, EPSILON);
          if (!isNegative(below))
            expect(oneCell(below, floor, blue, method, r, basis)?.blueWins).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });
});
